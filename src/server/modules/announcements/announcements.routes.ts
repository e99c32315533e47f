import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../contracts/common.js";
import { AnnouncementBody, AnnouncementResult } from "../../../contracts/privacy.js";
import { announce } from "./announcements.service.js";

export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/buildings/:id/announcements",
    {
      schema: {
        summary: "Publish an announcement",
        description:
          "Sends an announcement to the building, or to a block, floor, unit or role in it, through each resident's chosen channels.",
        tags: ["announcements"],
        params: IdParams,
        body: AnnouncementBody,
        response: { 201: AnnouncementResult },
      },
      config: { permission: ["announce", "building"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => announce(ctx, req.params.id, req.body))),
  );
};
