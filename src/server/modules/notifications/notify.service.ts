import { and, eq, inArray, sql } from "drizzle-orm";
import type { Lang } from "../../../contracts/common.js";
import type { Ctx } from "../../platform/context.js";
import {
  type NotificationCategory,
  type NotificationTemplate,
  render,
  type TemplateData,
} from "../../platform/messaging/templates.js";
import { reachableAccounts } from "../accounts/index.js";
import { reachableResidents } from "../registry/index.js";
import { type notificationDeliveries as deliveries, pushSubscriptions } from "./deliveries.table.js";
import { type InboxKind, putInInbox } from "./notifications.service.js";
import { choiceOf, preferencesOf } from "./preferences.service.js";
import { quietUntil } from "./quiet-hours.js";
import { sendNotifications } from "./send.task.js";

export type Channel = "in_app" | "push" | "email" | "zalo" | "sms";

/** Someone to notify: an account, a resident of the registry (reached on its contacts without an account), or both. */
export type Recipient = { accountId?: string | null; residentId?: string | null; unitCode?: string | null };

export type NotifyOptions = {
  /** High: sent at once, quiet hours or not (an emergency, a breach). */
  urgency?: "normal" | "high";
  /** Where the message leads in the app (`/app/bills/…`); email and push carry it as a full address. */
  link?: string | null;
  /** What sent it (an announcement, a fee notice): read receipts and delivery reports gather by it. */
  sourceId?: string | null;
  /** The inbox's kind of message (the app's icon, read receipts per kind). */
  inbox: InboxKind;
  /** Every channel the person can be reached on, whatever their choices: an emergency broadcast. */
  everyChannel?: boolean;
};

/** What a household needs to hear even without an account: it reaches them on the registry's contacts. */
const HOUSEHOLD_NEEDS: readonly NotificationCategory[] = ["billing", "building", "maintenance", "account"];
/** Data whose use a person restricted still serves what the law or their contract requires. */
const DESPITE_RESTRICTION: readonly NotificationCategory[] = ["billing", "account"];

type Person = {
  accountId: string | null;
  residentId: string | null;
  unitCode: string | null;
  lang: Lang;
  email: boolean;
  phone: boolean;
  push: boolean;
  usable: boolean;
};

/** One message of a batch: its people, its data, where it leads and what sent it. */
export type Notice<D extends TemplateData> = {
  recipients: readonly Recipient[];
  data: D;
  link?: string | null;
  sourceId?: string | null;
};

/**
 * Notifies people, in the caller's transaction: puts the message in the inbox of those with an account (live at
 * once) and queues it on every other channel their choices and the category allow — email, Web Push, Zalo, SMS
 * — for the sending task, held until their quiet hours end unless urgent. People without an account are reached
 * on the registry's contacts for what their household needs. Marketing reaches only those who consent to it;
 * people who restricted the use of their data get only what billing and their account require.
 */
export async function notify<D extends TemplateData>(
  ctx: Ctx,
  recipients: readonly Recipient[],
  template: NotificationTemplate<D>,
  data: D,
  options: NotifyOptions,
): Promise<{ people: number; queued: number }> {
  const notice = { recipients, data, link: options.link, sourceId: options.sourceId };
  return notifyEach(ctx, template, [notice], options);
}

/** `notify` for many messages of one template at once (a fee notice per unit): the same queries, whatever the count. */
export async function notifyEach<D extends TemplateData>(
  ctx: Ctx,
  template: NotificationTemplate<D>,
  notices: readonly Notice<D>[],
  options: Omit<NotifyOptions, "link" | "sourceId">,
): Promise<{ people: number; queued: number }> {
  const category = template.category;
  const known = await lookUp(
    ctx,
    notices.flatMap((n) => n.recipients),
  );
  const all = notices.flatMap((n) => peopleOf(n.recipients, known).map((p) => ({ notice: n, p })));
  let reached = all.filter(({ p }) => p.usable || DESPITE_RESTRICTION.includes(category));
  if (category === "marketing") {
    const consenting = await consentingTo(ctx, [
      ...new Set(reached.flatMap(({ p }) => (p.accountId ? [p.accountId] : []))),
    ]);
    reached = reached.filter(({ p }) => p.accountId && consenting.has(p.accountId));
  }
  if (reached.length === 0) return { people: 0, queued: 0 };
  const preferences = await preferencesOf(ctx, [
    ...new Set(reached.flatMap(({ p }) => (p.accountId ? [p.accountId] : []))),
  ]);
  const now = new Date();
  const urgency = options.urgency ?? "normal";
  const rows: (typeof deliveries.$inferInsert)[] = [];
  const inbox: Parameters<typeof putInInbox>[1][number][] = [];
  for (const { notice, p } of reached) {
    const choice = choiceOf(p.accountId ? preferences.get(p.accountId) : undefined);
    const channels = options.everyChannel
      ? reachableChannels(ctx, p)
      : reachableChannels(ctx, p).filter((c) =>
          p.accountId ? choice.wants(category, c) : householdChannel(ctx, p, category, c),
        );
    const held = urgency === "high" ? null : quietUntil(now, ...choice.quietHours);
    const link = notice.link ?? null;
    const sourceId = notice.sourceId ?? null;
    for (const channel of channels.length > 0 ? channels : (["none"] as const)) {
      rows.push({
        companyId: ctx.companyId,
        accountId: p.accountId,
        residentId: p.residentId,
        unitCode: p.unitCode,
        channel,
        template: template.key,
        category,
        urgency,
        data: notice.data,
        link,
        sourceId,
        status: channel === "in_app" ? "sent" : channel === "none" ? "failed" : "queued",
        error: channel === "none" ? "NO_CONTACT" : null,
        notBefore: held && INTRUSIVE.includes(channel as Channel) ? held : now,
      });
    }
    if (p.accountId && channels.includes("in_app")) {
      const text = render(template, p.lang, notice.data);
      inbox.push({
        accountId: p.accountId,
        kind: options.inbox,
        title: text.title,
        body: text.body,
        link,
        sourceId,
      });
    }
  }
  await putInInbox(ctx, inbox);
  await insertDeliveries(ctx, rows);
  const queued = rows.filter((r) => r.status === "queued").length;
  if (queued > 0 && ctx.platform.tasks.running())
    await ctx.platform.tasks.enqueue(ctx, sendNotifications, {});
  return { people: reached.length, queued };
}

/** The channels that wake a phone: held during quiet hours. Email and the inbox wait silently anyway. */
const INTRUSIVE: readonly Channel[] = ["push", "zalo", "sms"];

function reachableChannels(ctx: Ctx, p: Person): Channel[] {
  const out: Channel[] = [];
  if (p.accountId) out.push("in_app");
  if (p.push && ctx.platform.messenger.available("push")) out.push("push");
  if (p.email && ctx.platform.messenger.available("email")) out.push("email");
  if (p.phone && ctx.platform.messenger.available("zalo")) out.push("zalo");
  if (p.phone && ctx.platform.messenger.available("sms")) out.push("sms");
  return out;
}

/** Someone without an account: email and Zalo for their household's needs, SMS only when neither reaches them. */
function householdChannel(ctx: Ctx, p: Person, category: NotificationCategory, channel: Channel): boolean {
  if (!HOUSEHOLD_NEEDS.includes(category)) return false;
  if (channel !== "sms") return channel === "email" || channel === "zalo";
  return !p.email && !ctx.platform.messenger.available("zalo");
}

async function consentingTo(ctx: Ctx, accountIds: readonly string[]): Promise<Set<string>> {
  const keeper = ctx.platform.modules.find((m) => m.consenting);
  return keeper?.consenting ? keeper.consenting(ctx, accountIds, "marketing") : new Set();
}

type Contacts = {
  lang: Lang;
  email: boolean;
  phone: boolean;
  push: boolean;
  usable: boolean;
  erased: boolean;
};
type Known = {
  residents: Map<string, Contacts & { accountId: string | null }>;
  accounts: Map<string, Omit<Contacts, "usable" | "erased">>;
};

/** What can be known of every recipient at once: their records in the registry, their accounts' contacts. */
async function lookUp(ctx: Ctx, recipients: readonly Recipient[]): Promise<Known> {
  const residentIds = [...new Set(recipients.flatMap((r) => (r.residentId ? [r.residentId] : [])))];
  const records = await reachableResidents(ctx, residentIds);
  const residents = new Map(records.map((c) => [c.residentId, { ...c, push: false }]));
  const accountIds = [
    ...new Set([
      ...recipients.flatMap((r) => (r.accountId ? [r.accountId] : [])),
      ...records.flatMap((c) => (c.accountId ? [c.accountId] : [])),
    ]),
  ];
  const subscribed = await accountsWithPush(ctx, accountIds);
  const accounts = new Map(
    (await reachableAccounts(ctx.tx, accountIds)).map((a) => [
      a.accountId,
      { lang: a.lang, email: a.email, phone: a.phone, push: subscribed.has(a.accountId) },
    ]),
  );
  return { residents, accounts };
}

/**
 * The people behind one message's recipients, one each (an account named twice, or as an account and as its
 * resident record, is one person), with the contacts they have: the account's, else the registry's.
 */
function peopleOf(recipients: readonly Recipient[], known: Known): Person[] {
  const byKey = new Map<string, Person>();
  for (const r of recipients) {
    const record = r.residentId ? known.residents.get(r.residentId) : undefined;
    // An erased person is no one to tell anything.
    if (record?.erased) continue;
    const accountId = r.accountId ?? record?.accountId ?? null;
    const account = accountId ? known.accounts.get(accountId) : undefined;
    if (!account && !record) continue;
    const key = accountId ?? (r.residentId as string);
    const same = byKey.get(key);
    if (same) {
      same.residentId ??= r.residentId ?? null;
      same.unitCode ??= r.unitCode ?? null;
      continue;
    }
    byKey.set(key, {
      accountId: account ? accountId : null,
      residentId: record ? (r.residentId as string) : null,
      unitCode: r.unitCode ?? null,
      lang: account?.lang ?? record?.lang ?? "vi",
      email: Boolean(account?.email || record?.email),
      phone: Boolean(account?.phone || record?.phone),
      push: Boolean(account?.push),
      usable: record?.usable ?? true,
    });
  }
  return [...byKey.values()];
}

async function accountsWithPush(ctx: Ctx, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await ctx.tx
    .selectDistinct({ accountId: pushSubscriptions.accountId })
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.companyId, ctx.companyId),
        inArray(pushSubscriptions.accountId, [...accountIds]),
      ),
    );
  return new Set(rows.map((r) => r.accountId));
}

/** One statement however many (an announcement to a building is thousands of rows). */
async function insertDeliveries(ctx: Ctx, rows: readonly (typeof deliveries.$inferInsert)[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      account_id: r.accountId,
      resident_id: r.residentId,
      unit_code: r.unitCode,
      channel: r.channel,
      template: r.template,
      category: r.category,
      urgency: r.urgency,
      data: r.data,
      link: r.link,
      source_id: r.sourceId,
      status: r.status,
      error: r.error,
      not_before: (r.notBefore as Date).toISOString(),
    })),
  );
  await ctx.tx.execute(sql`
    insert into notification_deliveries (company_id, account_id, resident_id, unit_code, channel, template, category,
                                         urgency, data, link, source_id, status, error, not_before)
    select ${ctx.companyId}::uuid, r.account_id, r.resident_id, r.unit_code, r.channel, r.template, r.category,
           r.urgency, r.data, r.link, r.source_id, r.status, r.error, r.not_before
      from json_to_recordset(${json}::json)
        as r(account_id uuid, resident_id uuid, unit_code text, channel text, template text, category text,
             urgency text, data jsonb, link text, source_id uuid, status text, error text, not_before timestamptz)`);
}
