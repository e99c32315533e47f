import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BankTransferPage,
  BankTransferQuery,
  CashPaymentBody,
  MatchTransferBody,
  Payment,
} from "../../../../contracts/billing.js";
import { Acknowledged, IdParams } from "../../../../contracts/common.js";
import * as payments from "./payments.service.js";

/** Cash at the office and bank transfers the feed reported. */
export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];

  app.post(
    "/payments/cash",
    {
      schema: {
        summary: "Record a cash payment",
        description:
          "Records money received at the office and allocates it to the oldest open notices of the unit; a receipt follows.",
        tags,
        body: CashPaymentBody,
        response: { 201: Payment },
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => payments.recordCash(ctx, req.body))),
  );
  app.get(
    "/bank-transfers",
    {
      schema: {
        summary: "List bank transfers",
        description: "Transfers the bank feed reported, matched or waiting for a person to match them.",
        tags,
        querystring: BankTransferQuery,
        response: { 200: BankTransferPage },
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req) => req.run((ctx) => payments.listTransfers(ctx, req.query)),
  );
  app.post(
    "/bank-transfers/:id/match",
    {
      schema: {
        response: { 200: Acknowledged },
        summary: "Match a bank transfer",
        description: "Allocates an unmatched transfer to a unit's notices by hand.",
        tags,
        params: IdParams,
        body: MatchTransferBody,
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req) => req.run((ctx) => payments.matchTransfer(ctx, req.params.id, req.body.invoiceId)),
  );
};
