import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AssignedTransfer,
  AssignTransferBody,
  BankAccountOwner,
  BankAccountOwnerBody,
  BankAccountOwnerParams,
  UnroutedTransferPage,
  UnroutedTransferQuery,
} from "../../../../contracts/billing.js";
import { IdParams } from "../../../../contracts/common.js";
import { assignUnrouted } from "./payments.service.js";
import { listUnrouted, setBankAccountOwner } from "./unrouted.service.js";

/**
 * The platform admin's side of the bank feed: transfers to accounts no company holds (listed, assigned to a
 * company), and who holds an account number when it really changes company.
 */
export const unroutedRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["platform"];
  app.get(
    "/platform/unrouted-transfers",
    {
      schema: {
        summary: "List unrouted bank transfers",
        description:
          "Transfers the bank feed delivered to an account number no company holds, kept until the platform admin assigns them. Platform admin only.",
        tags,
        querystring: UnroutedTransferQuery,
        response: { 200: UnroutedTransferPage },
      },
      config: { auth: "platform", permission: ["list", "unrouted_transfer"] },
    },
    async (req) => req.run((ctx) => listUnrouted(ctx, req.query)),
  );
  app.post(
    "/platform/unrouted-transfers/:id/assign",
    {
      schema: {
        summary: "Assign an unrouted transfer to a company",
        description:
          "The company receives the transfer like any from the feed (matched by the code in its memo, else queued for its accountant); audited. A transfer already assigned answers 409.",
        tags,
        params: IdParams,
        body: AssignTransferBody,
        response: { 200: AssignedTransfer },
      },
      config: { auth: "platform", permission: ["assign", "unrouted_transfer"] },
    },
    async (req) => req.run((ctx) => assignUnrouted(ctx, req.params.id, req.body.companyId)),
  );
  app.put(
    "/platform/bank-account-owners/:accountNumber",
    {
      schema: {
        summary: "Move a bank account number to another company",
        description:
          "An account number belongs to one company at a time; the platform admin resolves a real change of company. Later transfers to the number go to the new holder; audited.",
        tags,
        params: BankAccountOwnerParams,
        body: BankAccountOwnerBody,
        response: { 200: BankAccountOwner },
      },
      config: { auth: "platform", permission: ["reassign", "bank_account_owner"] },
    },
    async (req) => req.run((ctx) => setBankAccountOwner(ctx, req.params.accountNumber, req.body.companyId)),
  );
};
