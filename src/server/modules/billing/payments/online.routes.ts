import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams, NoContent, SeeOther } from "../../../../contracts/common.js";
import type { Platform } from "../../../platform/context.js";
import { ipnAnswer } from "./gateway/gateway.js";
import { paymentGateway } from "./gateway/setup.js";
import * as online from "./online.service.js";

/**
 * What VNPAY appends to its callbacks: the vnp_* fields it signs (others it may add are kept, since the
 * signature covers every one of them).
 */
const Query = z
  .object({
    vnp_TmnCode: z.string().optional(),
    vnp_Amount: z.string().optional(),
    vnp_BankCode: z.string().optional(),
    vnp_TxnRef: z.string().optional(),
    vnp_TransactionNo: z.string().optional(),
    vnp_ResponseCode: z.string().optional(),
    vnp_TransactionStatus: z.string().optional(),
    vnp_PayDate: z.string().optional(),
    vnp_OrderInfo: z.string().optional(),
    vnp_SecureHash: z.string().optional(),
  })
  .catchall(z.string());
const Redirect = z.object({ url: z.string() });
/** What VNPAY reads from the IPN answer. */
const IpnAnswer = z.object({ RspCode: z.string(), Message: z.string() });
export const Autopay = z.object({
  active: z.boolean(),
  cardMasked: z.string().nullable(),
  since: z.string().nullable(),
  lastFailure: z.string().nullable(),
});

/** A host as a browser sends it (a name or an address, and a port): anything else is not used to build a URL. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Where the gateway sends the payer's browser back to: the configured public address (PUBLIC_URL, required in
 * production) so that a forged Host header cannot point it elsewhere; in demo mode the address the app was
 * opened on (localhost, 127.0.0.1, a name on the local network), where the payer's session cookie lives, so
 * that the payer comes back signed in whatever PUBLIC_URL says.
 */
function returnOriginOf(platform: Platform, req: FastifyRequest): string {
  const { demo, publicUrl } = platform.config;
  if (!demo || !HOST.test(req.host)) return publicUrl;
  return `${req.protocol}://${req.host}`;
}

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
    {
      schema: {
        summary: "Pay a notice online",
        description:
          "Starts a card or e-wallet payment at the gateway and answers the address to send the payer to.",
        tags,
        params: IdParams,
        response: { 503: ErrorBody, 200: Redirect },
      },
      config: pays,
    },
    async (req) =>
      req.run((ctx) => online.startOnlinePayment(ctx, req.params.id, req.ip, returnOriginOf(platform, req))),
  );
  app.get(
    "/units/:id/autopay",
    {
      schema: {
        summary: "Auto-debit of a unit",
        description: "Whether the unit pays by auto-debit, with the masked card.",
        tags,
        params: IdParams,
        response: { 200: Autopay },
      },
      config: pays,
    },
    async (req) => req.run((ctx) => online.getAutopay(ctx, req.params.id)),
  );
  app.post(
    "/units/:id/autopay",
    {
      schema: {
        summary: "Turn auto-debit on",
        description: "Starts saving a card at the gateway and answers the address to send the payer to.",
        tags,
        params: IdParams,
        response: { 503: ErrorBody, 200: Redirect },
      },
      config: pays,
    },
    async (req) =>
      req.run((ctx) => online.startAutopay(ctx, req.params.id, req.ip, returnOriginOf(platform, req))),
  );
  app.delete(
    "/units/:id/autopay",
    {
      schema: {
        summary: "Turn auto-debit off",
        description: "Removes the saved card at the gateway and stops charging it.",
        response: { 503: ErrorBody, 204: NoContent },
        tags,
        params: IdParams,
      },
      config: pays,
    },
    async (req, reply) => {
      await req.run((ctx) => online.cancelAutopay(ctx, req.params.id, req.ip));
      return reply.status(204).send(null);
    },
  );

  // VNPAY calls the IPN server to server and reads only {RspCode, Message}.
  app.get(
    "/gateway/vnpay/ipn",
    {
      schema: {
        response: { 200: IpnAnswer },
        summary: "VNPAY payment notification (IPN)",
        description:
          "Called by VNPAY server to server with the signed result of a payment; records it once and answers VNPAY's RspCode.",
        tags,
        querystring: Query,
      },
      config: { auth: "public" },
    },
    async (req) => {
      const gateway = paymentGateway.get(platform);
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
    {
      schema: {
        summary: "Return from VNPAY",
        description:
          "The payer's browser comes back here from the gateway; the signed result is shown by redirecting (303) to the notice in the web app.",
        response: { 303: SeeOther },
        tags,
        querystring: Query,
      },
      config: { auth: "public" },
    },
    async (req, reply) => {
      const result = paymentGateway.get(platform)?.verifyReturn(req.query);
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
    {
      schema: {
        summary: "Return from saving a card",
        description:
          "The payer's browser comes back here after saving a card; redirects (303) to the web app with the outcome.",
        response: { 303: SeeOther },
        tags,
        querystring: Query,
      },
      config: { auth: "public" },
    },
    async (req, reply) => {
      const result = paymentGateway.get(platform)?.verifyTokenReturn?.(req.query);
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
