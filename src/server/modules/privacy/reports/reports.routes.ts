import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { OccupancyReport, PaymentRateReport, ReportQuery } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { occupancyReport, paymentRateReport } from "./reports.service.js";

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/reports/occupancy",
    {
      schema: {
        summary: "Occupancy report",
        description:
          "Residents per building and block, small cells suppressed (k = 5), for sharing outside the company.",
        tags,
        querystring: ReportQuery,
        response: { 200: OccupancyReport },
      },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => occupancyReport(ctx, req.query.buildingId)),
  );
  app.get(
    "/privacy/reports/payment-rate",
    {
      schema: {
        summary: "Payment rate report",
        description: "Collection rates per building and period, small cells suppressed (k = 5).",
        tags,
        querystring: ReportQuery,
        response: { 200: PaymentRateReport },
      },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => paymentRateReport(ctx, req.query.buildingId)),
  );
};
