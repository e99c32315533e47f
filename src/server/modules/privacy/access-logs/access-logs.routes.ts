import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AccessLogPage,
  AccessLogPeople,
  AccessLogPeopleQuery,
  AccessLogQuery,
} from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { accessLogPeople, listAccessLogs } from "./access-logs.service.js";

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

  app.get(
    "/privacy/access-logs/people",
    {
      schema: {
        summary: "People to filter the access log by",
        description:
          "The company's staff and residents with an account, by part of their name or their exact email or phone; contacts masked.",
        tags,
        querystring: AccessLogPeopleQuery,
        response: { 200: AccessLogPeople },
      },
      config: allow("read_access_logs"),
    },
    async (req) => req.run((ctx) => accessLogPeople(ctx, req.query.q)),
  );
};
