import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { ErrorBody } from "../../../../contracts/common.js";
import { cleanInput } from "../../../../contracts/text.js";
import type { Platform } from "../../../platform/context.js";
import { AppError, errors } from "../../../platform/errors.js";
import { BANK_FEED_ACK, type BankTransfer, parseSepayWebhook, verifyBankFeed } from "./bank-feed/sepay.js";
import { routeTransfer } from "./payments.service.js";

/** What the feed reads to stop retrying. */
const BankFeedAck = z.object({ success: z.literal(true) });

function parse(raw: Buffer): BankTransfer {
  try {
    // The body skips the route validator (it is kept as bytes for the signature): clean its text here.
    const cleaned = cleanInput(JSON.parse(raw.toString("utf8")));
    if (!cleaned.ok) throw new Error("control characters");
    return parseSepayWebhook(cleaned.value);
  } catch {
    throw errors.validation({ body: "BODY_MALFORMED" });
  }
}

/**
 * The bank-feed webhook (SePay-shaped): authenticated by API key or by an HMAC over timestamp and raw body,
 * routed to the company that owns the receiving account, idempotent by the feed's transaction id. It answers
 * `{"success": true}` once the transfer is stored, so the feed stops retrying.
 */
export const bankFeedRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  // The signature covers the body exactly as sent: keep the bytes, parse them here.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post(
    "/bank-feed/sepay",
    {
      // The feed delivers bursts (and retries); its requests are authenticated before anything is done.
      config: { auth: "public", csrf: false, rateLimit: { max: 6000, timeWindow: "1 minute" } },
      schema: {
        response: { 200: BankFeedAck, 401: ErrorBody },
        summary: "Bank feed webhook",
        description:
          "Receives a SePay-shaped transfer notification, authenticated by API key or HMAC over the raw body, idempotent by the feed's transaction id. Called by the bank feed, not by browsers.",
        tags: ["billing"],
      },
    },
    async (req) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from("");
      const check = verifyBankFeed(req.headers, raw, platform.config.bankFeed);
      if (!check.ok)
        throw new AppError(401, "BANK_FEED_REFUSED", { reason: check.reason }, { reason: check.reason });
      const transfer = parse(raw);
      // Stored (in a company, or in the platform's unrouted queue) and committed before the feed hears success.
      const result = await req.run((ctx) => routeTransfer(ctx, transfer));
      if (result.status === "unrouted") {
        req.log.warn(
          { account: transfer.accountNumber.slice(-4) },
          "bank transfer to an account no company holds: kept in the platform's unrouted queue",
        );
      }
      return BANK_FEED_ACK;
    },
  );
};
