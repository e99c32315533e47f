import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { WorkInbox } from "../../../contracts/work.js";
import { workInbox } from "./work.service.js";

export const workRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/console/work",
    {
      schema: {
        summary: "The console's inbox",
        description:
          "Every work queue the caller works (vehicles and changes to approve, readings missing, notices to issue, " +
          "unmatched transfers, debts, data requests and breaches with their clocks), with counts per building " +
          "and the address of each list filtered to them. Modules declare their queues in their manifest.",
        tags: ["console"],
        response: { 200: WorkInbox },
      },
      config: { permission: ["read", "work"] },
    },
    async (req) => req.run((ctx) => workInbox(ctx)),
  );
};
