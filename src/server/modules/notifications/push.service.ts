import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { PushSubscriptionBody } from "../../../contracts/notifications.js";
import { nothingToAudit } from "../../platform/audit/audit.service.js";
import type { Ctx, Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { errors } from "../../platform/errors.js";
import { generateVapidKeys } from "../../platform/messaging/push.js";
import { pushSubscriptions } from "./deliveries.table.js";

/**
 * The installation's Web Push key pair, made by whichever API process starts first and read by the others
 * (`on conflict do nothing`: two processes starting together keep one pair). The messenger signs with it.
 */
export async function loadPushKeys(db: Database, platform: Platform): Promise<void> {
  const fresh = generateVapidKeys();
  await db.ownerSql.query(
    "insert into push_keys (singleton, public_key, private_key_enc) values (true, $1, $2) on conflict do nothing",
    [fresh.publicKey, platform.keyring.wrap(Buffer.from(fresh.privateKey, "base64url"))],
  );
  const { rows } = await db.ownerSql.query<{ public_key: string; private_key_enc: Uint8Array }>(
    "select public_key, private_key_enc from push_keys",
  );
  const row = rows[0];
  // Only a database that keeps nothing (the API document's build) has no pair here: push stays off.
  if (!row) return;
  platform.messenger.setPushKeys({
    publicKey: row.public_key,
    privateKey: platform.keyring.unwrap(Buffer.from(row.private_key_enc)).toString("base64url"),
  });
}

const me = (ctx: Ctx) => {
  if (!ctx.actor.accountId) throw errors.forbidden();
  return ctx.actor.accountId;
};

/** This browser's subscription, kept for the signed-in person (a browser subscribing again replaces its own). */
export async function subscribe(ctx: Ctx, body: z.infer<typeof PushSubscriptionBody>) {
  if (!ctx.platform.messenger.available("push")) throw errors.unavailable("PUSH_UNAVAILABLE");
  nothingToAudit(ctx);
  const values = {
    accountId: me(ctx),
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    label: body.label ?? null,
  };
  await ctx.tx
    .insert(pushSubscriptions)
    .values({ companyId: ctx.companyId, endpoint: body.endpoint, ...values })
    .onConflictDoUpdate({ target: [pushSubscriptions.companyId, pushSubscriptions.endpoint], set: values });
  return myDevices(ctx);
}

/** Stops push to one browser of the signed-in person. */
export async function unsubscribe(ctx: Ctx, endpoint: string) {
  nothingToAudit(ctx);
  await ctx.tx
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.companyId, ctx.companyId),
        eq(pushSubscriptions.accountId, me(ctx)),
        eq(pushSubscriptions.endpoint, endpoint),
      ),
    );
  return myDevices(ctx);
}

export async function myDevices(ctx: Ctx) {
  const rows = await ctx.tx
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.companyId, ctx.companyId), eq(pushSubscriptions.accountId, me(ctx))))
    .orderBy(desc(pushSubscriptions.createdAt));
  return {
    devices: rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt.toISOString() })),
  };
}
