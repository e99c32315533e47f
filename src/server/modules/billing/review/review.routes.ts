import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { BillingReview, RunBody } from "../../../../contracts/billing.js";
import * as review from "./review.service.js";

/** The issue confirmation: what needs a look before a month's drafts are issued. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/billing-reviews",
    {
      schema: {
        summary: "Review drafts before issuing",
        description:
          "Lists what needs a look among a building's drafts of a period — missing readings, outliers (consumption or total far above the unit's own history or the building's median), units billed for the first time, drafts changed since the previous review — and keeps what it saw, so that issuing can refuse drafts that changed after it.",
        tags: ["billing"],
        body: RunBody,
        response: { 201: BillingReview },
      },
      config: { permission: ["issue", "billing"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => review.createReview(ctx, req.body))),
  );
};
