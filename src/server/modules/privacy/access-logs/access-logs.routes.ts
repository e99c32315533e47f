import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AccessLogPage, AccessLogQuery } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { listAccessLogs } from "./access-logs.service.js";

export const accessLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/access-logs",
    {
      schema: {
        summary: "Access logs",
        description: "Requests to the API (path, time, person, IP), kept for the retention period.",
        tags,
        querystring: AccessLogQuery,
        response: { 200: AccessLogPage },
      },
      config: allow("read_access_logs"),
    },
    async (req) => req.run((ctx) => listAccessLogs(ctx, req.query)),
  );
};
