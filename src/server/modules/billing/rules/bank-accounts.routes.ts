import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BankAccount,
  BankAccountBody,
  BankAccountList,
  BuildingQuery,
} from "../../../../contracts/billing.js";
import * as rules from "./rules.service.js";

/** The receiving bank accounts printed as VietQR on notices and watched by the bank feed. */
export const bankAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  const reads = { permission: ["read", "billing"] as const };
  const configures = { permission: ["configure", "billing"] as const };

  app.get(
    "/bank-accounts",
    {
      schema: {
        summary: "List bank accounts",
        description: "The company's receiving bank accounts (for VietQR codes and the bank feed).",
        tags,
        querystring: BuildingQuery,
        response: { 200: BankAccountList },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.listBankAccounts(ctx, req.query.buildingId)),
  );
  app.post(
    "/bank-accounts",
    {
      schema: {
        summary: "Add a bank account",
        description: "Adds a receiving account by bank BIN and account number.",
        tags,
        body: BankAccountBody,
        response: { 201: BankAccount },
      },
      config: configures,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => rules.addBankAccount(ctx, req.body))),
  );
};
