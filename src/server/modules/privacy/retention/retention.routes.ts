import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { RetentionOverview, RetentionSettings } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { retentionOverview, saveRetention } from "./retention.service.js";

export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/retention",
    {
      schema: {
        summary: "Retention settings",
        description: "How long access logs and other records are kept, with the last purge.",
        tags,
        response: { 200: RetentionOverview },
      },
      config: allow("manage_retention"),
    },
    async (req) => req.run((ctx) => retentionOverview(ctx)),
  );
  app.put(
    "/privacy/retention",
    {
      schema: {
        summary: "Change retention settings",
        description: "Sets the retention periods.",
        tags,
        body: RetentionSettings,
        response: { 200: RetentionOverview },
      },
      config: allow("manage_retention"),
    },
    async (req) => req.run((ctx) => saveRetention(ctx, req.body)),
  );
};
