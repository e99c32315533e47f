import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditFilters, AuditPage, AuditQuery, AuditVerification } from "../../../contracts/settings.js";
import * as service from "./audit-log.service.js";

export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["audit"];
  const config = { permission: ["read", "audit_log"] } as const;
  app.get(
    "/audit-log",
    {
      schema: {
        summary: "The company's audit log",
        description:
          "Entries newest first, filtered by person, record and days (Asia/Ho_Chi_Minh); personal data masked. Company admin only.",
        tags,
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
      config,
    },
    async (req) => req.run((ctx) => service.listAuditEntries(ctx, req.query)),
  );
  app.get(
    "/audit-log/filters",
    {
      schema: {
        summary: "What the audit log can be filtered by",
        description: "The people who acted and the kinds of record in the company's log.",
        tags,
        response: { 200: AuditFilters },
      },
      config,
    },
    async (req) => req.run((ctx) => service.auditFilters(ctx)),
  );
  app.get(
    "/audit-log/verification",
    {
      schema: {
        summary: "Verify the audit log's hash chain",
        description: "Recomputes the company's chain: verified up to entry N, or broken at entry N.",
        tags,
        response: { 200: AuditVerification },
      },
      config,
    },
    async (req) => req.run((ctx) => service.auditVerification(ctx)),
  );
};
