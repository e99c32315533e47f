import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { BillingRun, RunBody } from "../../../../contracts/billing.js";
import { ErrorBody, IdParams } from "../../../../contracts/common.js";
import * as runs from "./runs.service.js";

const runDto = (r: runs.BillingRunRow): z.infer<typeof BillingRun> => ({
  id: r.id,
  buildingId: r.buildingId,
  period: r.period,
  status: r.status as "running" | "done" | "failed",
  units: r.units,
  done: r.done,
  created: r.created,
  redrafted: r.redrafted,
  changedAfterIssue: r.changedAfterIssue,
  invoices: r.invoices,
  total: r.total,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Monthly billing runs: started, then followed while they compute the notices in the background. */
export const runRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  const reads = { permission: ["read", "billing"] as const };

  app.post(
    "/billing-runs",
    {
      schema: {
        summary: "Start a billing run",
        description:
          "Computes the fee notices of a building for a month (idempotent per building and period; a re-run produces adjustments for issued notices). Runs in the background.",
        tags,
        body: RunBody,
        response: { 503: ErrorBody, 202: BillingRun },
      },
      config: { permission: ["run", "billing"] },
    },
    async (req, reply) =>
      reply.status(202).send(runDto(await req.run((ctx) => runs.startRun(ctx, req.body)))),
  );
  app.get(
    "/billing-runs",
    {
      schema: {
        summary: "List billing runs",
        description: "The company's billing runs with their progress and counts.",
        tags,
        querystring: RunBody,
        response: { 200: z.object({ run: BillingRun.nullable() }) },
      },
      config: reads,
    },
    async (req) => {
      const row = await req.run((ctx) => runs.findRun(ctx, req.query.buildingId, req.query.period));
      return { run: row ? runDto(row) : null };
    },
  );
  app.get(
    "/billing-runs/:id",
    {
      schema: {
        summary: "A billing run",
        description: "One run's status, progress and counts.",
        tags,
        params: IdParams,
        response: { 200: BillingRun },
      },
      config: reads,
    },
    async (req) => runDto(await req.run((ctx) => runs.getRun(ctx, req.params.id))),
  );
};
