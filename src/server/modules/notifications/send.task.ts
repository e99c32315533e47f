import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Ctx, Platform, TaskRun } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { asSystem } from "../../platform/jobs/system.js";
import { defineTask } from "../../platform/jobs/tasks.js";
import { DeliveryError } from "../../platform/messaging/errors.js";
import type { Message, Messenger } from "../../platform/messaging/messenger.js";
import { type NotificationTemplate, render } from "../../platform/messaging/templates.js";
import { declared } from "../../platform/module.js";
import { recipientsOf } from "../accounts/index.js";
import { senderNames } from "../companies/index.js";
import { residentContacts } from "../registry/index.js";
import { notificationDeliveries as deliveries, pushSubscriptions } from "./deliveries.table.js";

const CHUNK = 50;
/** A claimed delivery is not claimed again for this long: a worker that died mid-send leaves it for another. */
const LEASE_MS = 5 * 60_000;
/** Tries before a delivery goes to the dead letters (the company admin can send it again). */
export const MAX_ATTEMPTS = 5;
/** The wait after each failed try, in minutes. */
const BACKOFF_MIN = [1, 5, 30, 120];

type Delivery = typeof deliveries.$inferSelect;
type Outcome =
  | { id: string; sent: true; providerId: string | null }
  | { id: string; sent: false; error: string; permanent: boolean; attempts: number };

/** The messages one delivery makes: one, or one per device for a push; none when no contact is left. */
type Outgoing = { delivery: Delivery; messages: Message[]; subscriptionIds: string[] };

/**
 * Sends what is due, a chunk at a time: a transaction claims the chunk (a lease), the messages go out with no
 * transaction open (a slow SMTP server holds no lock), and another records each outcome — sent, tried again
 * after a back-off, or failed for good (a permanent refusal, or MAX_ATTEMPTS tries).
 */
export async function sendDue(
  run: TaskRun,
  now = new Date(),
): Promise<{ sent: number; failed: number; retrying: number }> {
  const totals = { sent: 0, failed: 0, retrying: 0 };
  let messenger: Messenger | undefined;
  for (;;) {
    const batch = await run((ctx) => {
      messenger = ctx.platform.messenger;
      return claim(ctx, now);
    });
    if (batch.length === 0 || !messenger) break;
    const outcomes: Outcome[] = [];
    const gone: string[] = [];
    for (const item of batch) outcomes.push(await sendOne(messenger, item, gone));
    await run((ctx) => record(ctx, outcomes, gone));
    for (const o of outcomes) {
      if (o.sent) totals.sent++;
      else if (o.permanent || o.attempts >= MAX_ATTEMPTS) totals.failed++;
      else totals.retrying++;
    }
    if (batch.length < CHUNK) break;
  }
  return totals;
}

async function sendOne(
  messenger: Messenger,
  { delivery, messages, subscriptionIds }: Outgoing,
  gone: string[],
) {
  if (messages.length === 0) return failure(delivery, new DeliveryError("NO_CONTACT", true));
  let sent: string | null | undefined;
  let last: unknown;
  for (const [i, m] of messages.entries()) {
    try {
      const { providerId } = await messenger.send(m);
      sent ??= providerId;
    } catch (err) {
      last = err;
      if (err instanceof DeliveryError && err.code === "PUSH_GONE") gone.push(subscriptionIds[i] as string);
    }
  }
  if (sent !== undefined) return { id: delivery.id, sent: true as const, providerId: sent };
  return failure(delivery, last);
}

function failure(delivery: Delivery, err: unknown): Outcome {
  const known = err instanceof DeliveryError;
  return {
    id: delivery.id,
    sent: false,
    error: known ? err.code : "SEND_FAILED",
    permanent: known && err.permanent,
    attempts: delivery.attempts,
  };
}

async function claim(ctx: Ctx, now: Date): Promise<Outgoing[]> {
  const due = await ctx.tx
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.companyId, ctx.companyId),
        eq(deliveries.status, "queued"),
        lte(deliveries.notBefore, now),
      ),
    )
    .orderBy(asc(deliveries.notBefore))
    .limit(CHUNK)
    .for("update", { skipLocked: true });
  if (due.length === 0) return [];
  const claimed = await ctx.tx
    .update(deliveries)
    .set({
      attempts: sql`${deliveries.attempts} + 1`,
      notBefore: new Date(Date.now() + LEASE_MS),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(deliveries.companyId, ctx.companyId),
        inArray(
          deliveries.id,
          due.map((d) => d.id),
        ),
      ),
    )
    .returning();
  return compose(ctx, claimed);
}

/** Renders each claimed delivery in its person's language for its channel, to the contact they have now. */
async function compose(ctx: Ctx, claimed: Delivery[]): Promise<Outgoing[]> {
  const templates = new Map(
    declared(ctx.platform, "templates").map((t) => [t.key, t as NotificationTemplate]),
  );
  const accountIds = [...new Set(claimed.flatMap((d) => (d.accountId ? [d.accountId] : [])))];
  const residentIds = [...new Set(claimed.flatMap((d) => (d.residentId ? [d.residentId] : [])))];
  const accounts = new Map(
    (await recipientsOf(ctx.tx, ctx.platform, accountIds)).map((a) => [a.accountId, a]),
  );
  const residents = new Map((await residentContacts(ctx, residentIds)).map((r) => [r.residentId, r]));
  const pushAccounts = claimed.flatMap((d) => (d.channel === "push" && d.accountId ? [d.accountId] : []));
  const devices = pushAccounts.length
    ? await ctx.tx
        .select()
        .from(pushSubscriptions)
        .where(
          and(
            eq(pushSubscriptions.companyId, ctx.companyId),
            inArray(pushSubscriptions.accountId, pushAccounts),
          ),
        )
    : [];
  const senders = await senderNames(ctx);
  const base = ctx.platform.config.publicUrl;
  return claimed.map((delivery) => {
    const template = templates.get(delivery.template);
    const account = delivery.accountId ? accounts.get(delivery.accountId) : undefined;
    const resident = delivery.residentId ? residents.get(delivery.residentId) : undefined;
    const lang = account?.lang ?? resident?.lang ?? "vi";
    const email = account?.email ?? resident?.email ?? null;
    const phone = account?.phone ?? resident?.phone ?? null;
    const none = { delivery, messages: [], subscriptionIds: [] };
    if (!template) return none;
    const text = render(template, lang, delivery.data);
    const url = delivery.link ? `${base}${delivery.link}` : null;
    switch (delivery.channel) {
      case "email": {
        if (!email) return none;
        const area = delivery.link?.startsWith("/console") ? "console" : "app";
        const footer = delivery.accountId ? `\n\n--\n${SETTINGS_HINT[lang]} ${base}/${area}/account` : "";
        return {
          ...none,
          messages: [
            {
              channel: "email",
              to: email,
              subject: text.title,
              text: `${text.body}${url ? `\n\n${url}` : ""}${footer}`,
              fromName: senders.emailSenderName,
            },
          ],
        };
      }
      case "sms":
        if (!phone) return none;
        return {
          ...none,
          messages: [
            {
              channel: "sms",
              to: phone,
              text: `${text.short ?? `${text.title}: ${text.body}`}${url ? ` ${url}` : ""}`,
              signature: senders.smsSenderName,
              smsType: delivery.category === "marketing" ? "ads" : "care",
            },
          ],
        };
      case "zalo":
        if (!phone) return none;
        return {
          ...none,
          messages: [
            {
              channel: "zalo",
              to: phone,
              template: delivery.template,
              params: Object.fromEntries(
                Object.entries({ ...delivery.data, ...(url ? { link: url } : {}) }).map(([k, v]) => [
                  k,
                  String(v),
                ]),
              ),
              trackingId: delivery.id,
            },
          ],
        };
      case "push": {
        const mine = devices.filter((d) => d.accountId === delivery.accountId);
        return {
          delivery,
          subscriptionIds: mine.map((d) => d.id),
          messages: mine.map((d) => ({
            channel: "push" as const,
            subscription: { endpoint: d.endpoint, keys: { p256dh: d.p256dh, auth: d.auth } },
            title: text.title,
            body: text.short ?? text.body,
            url: url ?? `${base}/app/notifications`,
            tag: delivery.sourceId ?? delivery.id,
            urgency: delivery.urgency === "high" ? ("high" as const) : ("normal" as const),
          })),
        };
      }
      default:
        return none;
    }
  });
}

const SETTINGS_HINT = {
  vi: "Chọn cách nhận thông báo:",
  en: "Choose how you are notified:",
} as const;

/** Records a chunk's outcomes in one statement: sent, tried again after the back-off, or failed for good. */
async function record(ctx: Ctx, outcomes: readonly Outcome[], gone: readonly string[]) {
  const now = Date.now();
  const rows = outcomes.map((o) => {
    if (o.sent) return { id: o.id, status: "sent", error: null, provider_id: o.providerId, not_before: null };
    const final = o.permanent || o.attempts >= MAX_ATTEMPTS;
    const wait = (BACKOFF_MIN[o.attempts - 1] ?? BACKOFF_MIN.at(-1) ?? 1) * 60_000;
    return {
      id: o.id,
      status: final ? "failed" : "queued",
      error: o.error,
      provider_id: null,
      not_before: new Date(now + (final ? 0 : wait)).toISOString(),
    };
  });
  if (rows.length > 0)
    await ctx.tx.execute(sql`
      update notification_deliveries d
         set status = r.status, error = r.error, provider_id = coalesce(r.provider_id, d.provider_id),
             not_before = coalesce(r.not_before, d.not_before), updated_at = now()
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as r(id uuid, status text, error text, provider_id text, not_before timestamptz)
       where d.company_id = ${ctx.companyId} and d.id = r.id`);
  if (gone.length > 0)
    await ctx.tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.companyId, ctx.companyId), inArray(pushSubscriptions.id, [...gone])));
}

/** The task `notify` queues: sends what is due in the notifier's company. */
export const sendNotifications = defineTask<Record<string, never>>("notifications.send", (run) =>
  sendDue(run),
);

/** The schedule's sweep (every minute): what waited out quiet hours or a back-off, in every company. */
export async function sendDueEverywhere(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select distinct company_id from notification_deliveries where status = 'queued' and not_before <= $1",
    [now],
  );
  let sent = 0;
  for (const { company_id: companyId } of rows) {
    const run: TaskRun = (fn) => asSystem(db, platform, companyId, "job:notifications-send", fn, log);
    sent += (await sendDue(run, now)).sent;
  }
  return { companies: rows.length, sent };
}
