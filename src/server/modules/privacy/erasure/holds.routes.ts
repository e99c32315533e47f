import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../../contracts/common.js";
import { LegalHold, LegalHoldBody, LegalHoldList } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import * as holds from "./holds.service.js";

export const legalHoldRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/legal-holds",
    {
      schema: {
        summary: "List legal holds",
        description: "Open disputes that keep a person's data from erasure.",
        tags,
        querystring: z.object({ residentId: z.uuid().optional() }),
        response: { 200: LegalHoldList },
      },
      config: allow("read_holds"),
    },
    async (req) => req.run((ctx) => holds.listHolds(ctx, req.query.residentId)),
  );
  app.post(
    "/privacy/legal-holds",
    {
      schema: {
        summary: "Place a legal hold",
        description: "Keeps a person's data while a dispute is open.",
        tags,
        body: LegalHoldBody,
        response: { 201: LegalHold },
      },
      config: allow("place_holds"),
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => holds.placeHold(ctx, req.body))),
  );
  app.post(
    "/privacy/legal-holds/:id/release",
    {
      schema: {
        summary: "Release a legal hold",
        description: "Ends the hold; pending erasures then finish.",
        tags,
        params: IdParams,
        response: { 200: LegalHold },
      },
      config: allow("place_holds"),
    },
    async (req) => req.run((ctx) => holds.releaseHold(ctx, req.params.id)),
  );
};
