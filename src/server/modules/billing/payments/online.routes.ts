import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../../contracts/common.js";
import type { Platform } from "../../../platform/context.js";
import { ipnAnswer } from "./gateway/gateway.js";
import * as online from "./online.service.js";

const Query = z.record(z.string(), z.string());
const Redirect = z.object({ url: z.string() });
export const Autopay = z.object({
  active: z.boolean(),
  cardMasked: z.string().nullable(),
  since: z.string().nullable(),
  lastFailure: z.string().nullable(),
});

/**
 * Card and e-wallet payments through the gateway (VNPAY 2.1.0 or the local sandbox): starting a payment or an
 * auto-debit authorisation (residents), and the gateway's callbacks (IPN, the payer's return, the saved card).
 */
export const onlinePaymentRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (
  app,
  { platform },
) => {
  const tags = ["payments"];
  const pays = { permission: ["pay", "invoice"] as const };

  app.post(
    "/invoices/:id/pay-online",
    { schema: { tags, params: IdParams, response: { 200: Redirect } }, config: pays },
    async (req) => req.run((ctx) => online.startOnlinePayment(ctx, req.params.id, req.ip)),
  );
  app.get(
    "/units/:id/autopay",
    { schema: { tags, params: IdParams, response: { 200: Autopay } }, config: pays },
    async (req) => req.run((ctx) => online.getAutopay(ctx, req.params.id)),
  );
  app.post(
    "/units/:id/autopay",
    { schema: { tags, params: IdParams, response: { 200: Redirect } }, config: pays },
    async (req) => req.run((ctx) => online.startAutopay(ctx, req.params.id, req.ip)),
  );
  app.delete(
    "/units/:id/autopay",
    { schema: { tags, params: IdParams }, config: pays },
    async (req, reply) => {
      await req.run((ctx) => online.cancelAutopay(ctx, req.params.id, req.ip));
      return reply.status(204).send();
    },
  );

  // VNPAY calls the IPN server to server and reads only {RspCode, Message}.
  app.get(
    "/gateway/vnpay/ipn",
    { schema: { tags, querystring: Query }, config: { auth: "public" } },
    async (req) => {
      const gateway = platform.gateway;
      if (!gateway) return ipnAnswer("99");
      const result = gateway.verifyIpn(req.query);
      if (!result.valid) return ipnAnswer("97");
      try {
        const code = await req.run(async (ctx) => {
          const inCompany = await online.companyOfRef(ctx, result.txnRef);
          return inCompany ? online.settleGatewayResult(inCompany, result) : "01";
        });
        return ipnAnswer(code);
      } catch (err) {
        req.log.error({ err }, "IPN could not be recorded");
        return ipnAnswer("99");
      }
    },
  );

  // The payer's browser comes back here; what it carries is shown, the IPN has already decided.
  app.get(
    "/gateway/vnpay/return",
    { schema: { tags, querystring: Query }, config: { auth: "public" } },
    async (req, reply) => {
      const result = platform.gateway?.verifyReturn(req.query);
      const invoiceId =
        result?.valid &&
        (await req.run(async (ctx) => {
          const inCompany = await online.companyOfRef(ctx, result.txnRef);
          return inCompany ? online.invoiceOfRef(inCompany, result.txnRef) : null;
        }));
      const outcome = !result?.valid ? "invalid" : result.success ? "paid" : "failed";
      return reply.redirect(
        invoiceId ? `/app/invoices/${invoiceId}?payment=${outcome}` : `/app/invoices?payment=${outcome}`,
        303,
      );
    },
  );

  app.get(
    "/gateway/vnpay/token-return",
    { schema: { tags, querystring: Query }, config: { auth: "public" } },
    async (req, reply) => {
      const result = platform.gateway?.verifyTokenReturn?.(req.query);
      const saved =
        result?.valid &&
        (await req.run(async (ctx) => {
          const inCompany = await online.companyOfRef(ctx, result.txnRef);
          return inCompany ? online.completeAutopay(inCompany, result) : false;
        }));
      return reply.redirect(`/app/invoices?autopay=${saved ? "on" : "failed"}`, 303);
    },
  );
};
