import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Ageing,
  BillingDashboard,
  DashboardQuery,
  DebtQuery,
  Statement,
  UnitBalanceQuery,
  UnitBalances,
} from "../../../../contracts/billing.js";
import { IdParams } from "../../../../contracts/common.js";
import * as debts from "./debts.service.js";

/** What units owe: ageing, a unit's statement, the collection dashboard. */
export const debtRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  const reads = { permission: ["read", "billing"] as const };

  app.get(
    "/debts",
    {
      schema: {
        summary: "Debts by age",
        description: "Unpaid amounts of a building's units, by age.",
        tags,
        querystring: DebtQuery,
        response: { 200: Ageing },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => debts.ageing(ctx, req.query.buildingId, req.query)),
  );
  app.get(
    "/billing/unit-balances",
    {
      schema: {
        summary: "Balances of units",
        description:
          "What each of the given units of a building owes on its issued notices, and the part overdue: the " +
          "unit list's balance column, for one page of units at once.",
        tags,
        querystring: UnitBalanceQuery,
        response: { 200: UnitBalances },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => debts.unitBalances(ctx, req.query.buildingId, req.query.unitIds)),
  );
  app.get(
    "/units/:id/statement",
    {
      schema: {
        summary: "Statement of a unit",
        description: "Every notice and payment of a unit, with the running balance.",
        tags,
        params: IdParams,
        response: { 200: Statement },
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req) => req.run((ctx) => debts.statement(ctx, req.params.id)),
  );
  app.get(
    "/billing/dashboard",
    {
      schema: {
        summary: "Billing dashboard",
        description:
          "Collection rate, amounts due and paid, unmatched transfers, for the console's dashboard.",
        tags,
        querystring: DashboardQuery,
        response: { 200: BillingDashboard },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => debts.dashboard(ctx, req.query.buildingId, req.query.months)),
  );
};
