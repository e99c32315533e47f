import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
import { NotificationPage } from "../../../contracts/privacy.js";
import * as service from "./notifications.service.js";

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["notifications"];
  const config = { permission: ["read", "notification"] as const };

  app.get(
    "/notifications",
    {
      schema: {
        summary: "My notifications",
        description: "The person's in-app notifications, newest first, with the unread count.",
        tags,
        querystring: PageQuery,
        response: { 200: NotificationPage },
      },
      config,
    },
    async (req) => req.run((ctx) => service.listMine(ctx, req.query)),
  );

  app.post(
    "/notifications/:id/read",
    {
      schema: {
        summary: "Mark a notification read",
        description: "Marks one notification as read.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => service.markRead(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/notifications/read-all",
    {
      schema: {
        summary: "Mark all notifications read",
        description: "Marks every notification of the person as read.",
        response: { 204: NoContent },
        tags,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => service.markRead(ctx, null));
      return reply.status(204).send(null);
    },
  );
};
