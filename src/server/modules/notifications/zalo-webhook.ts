import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { ErrorBody } from "../../../contracts/common.js";
import type { Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { AppError, errors } from "../../platform/errors.js";
import { asSystem } from "../../platform/jobs/system.js";
import { notificationDeliveries } from "./deliveries.table.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Zalo's signature of an event: `mac=` sha256 of the app id, the raw body, the timestamp and the OA secret key. */
export function zaloSignature(appId: string, body: string, timestamp: string, secret: string): string {
  return `mac=${createHash("sha256").update(`${appId}${body}${timestamp}${secret}`).digest("hex")}`;
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

type ZaloEvent = {
  app_id?: string;
  timestamp?: string;
  event_name?: string;
  message?: { tracking_id?: string };
};

/**
 * Marks a Zalo delivery as delivered when Zalo says the phone received it (`user_received_message`, whose
 * tracking id is the delivery's id): one statement finds the company across companies, the update runs in it.
 */
async function markDelivered(db: Database, platform: Platform, deliveryId: string): Promise<boolean> {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select company_id from notification_deliveries where id = $1 and channel = 'zalo'",
    [deliveryId],
  );
  const companyId = rows[0]?.company_id;
  if (!companyId) return false;
  await asSystem(db, platform, companyId, "webhook:zalo", (ctx) =>
    ctx.tx
      .update(notificationDeliveries)
      .set({ status: "delivered", updatedAt: new Date() })
      // A late event never turns a failure back into a success.
      .where(
        and(
          eq(notificationDeliveries.companyId, companyId),
          eq(notificationDeliveries.id, deliveryId),
          inArray(notificationDeliveries.status, ["queued", "sent"]),
        ),
      ),
  );
  return true;
}

/** Zalo's events about the template messages sent (delivery receipts); other events are acknowledged and ignored. */
export const zaloWebhookRoutes: FastifyPluginAsync<{ db: Database; platform: Platform }> = async (
  app,
  { db, platform },
) => {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.post(
    "/webhooks/zalo",
    {
      config: { auth: "public", csrf: false, rateLimit: { max: 6000, timeWindow: "1 minute" } },
      schema: {
        summary: "Zalo delivery events",
        description:
          "Zalo's events for the ZNS messages sent, signed with the OA secret key (`X-ZEvent-Signature`); " +
          "`user_received_message` marks the delivery named by its tracking id as delivered. Called by Zalo.",
        tags: ["notifications"],
        // 401: a wrong signature; 404: no OA secret configured here; 422: a body that is not an event.
        response: {
          200: z.object({ received: z.literal(true), delivered: z.boolean() }),
          401: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const secret = platform.config.zalo?.webhookSecret;
      if (!secret) throw errors.notFound("resource");
      const raw = typeof req.body === "string" ? req.body : "";
      let event: ZaloEvent;
      try {
        event = JSON.parse(raw) as ZaloEvent;
      } catch {
        throw errors.rule("ZALO_EVENT_INVALID");
      }
      const expected = zaloSignature(event.app_id ?? "", raw, String(event.timestamp ?? ""), secret);
      if (!same(String(req.headers["x-zevent-signature"] ?? ""), expected))
        throw new AppError(401, "ZALO_EVENT_REFUSED");
      const trackingId = event.message?.tracking_id ?? "";
      const delivered =
        event.event_name === "user_received_message" && UUID.test(trackingId)
          ? await markDelivered(db, platform, trackingId)
          : false;
      return { received: true as const, delivered };
    },
  );
};
