import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { PageQuery } from "../../../contracts/common.js";
import { nothingToAudit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { signalLive } from "../../platform/live/live.js";
import { notifications } from "./notifications.table.js";

/** The inbox's kinds of message: the app's icon for it, and read receipts per kind. */
export type InboxKind =
  | "announcement"
  | "billing"
  | "breach"
  | "policy"
  | "privacy_request"
  | "reminder"
  | "conversation"
  | "survey"
  | "ticket"
  | "parcel"
  | "visitor"
  | "booking"
  | "document"
  | "service"
  | "renovation"
  | "order";

type NewNotification = {
  accountId: string;
  kind: InboxKind;
  title: string;
  body: string;
  link?: string | null;
  sourceId?: string | null;
};

/**
 * Puts messages in people's in-app inboxes, in the caller's transaction (one statement for many); their open
 * app pages hear of it when the transaction commits. Modules call `notify`, which puts here what goes in-app.
 */
export async function putInInbox(ctx: Ctx, items: readonly NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  // One statement however many (an announcement to a building is thousands of rows).
  const rows = JSON.stringify(
    items.map((n) => ({
      account_id: n.accountId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      source_id: n.sourceId ?? null,
    })),
  );
  await ctx.tx.execute(sql`
    insert into notifications (company_id, account_id, kind, title, body, link, source_id)
    select ${ctx.companyId}::uuid, r.account_id, r.kind, r.title, r.body, r.link, r.source_id
      from json_to_recordset(${rows}::json)
        as r(account_id uuid, kind text, title text, body text, link text, source_id uuid)`);
  await signalLive(ctx.tx, ctx.companyId, "notifications", [...new Set(items.map((n) => n.accountId))]);
  return items.length;
}

const mine = (ctx: Ctx) =>
  and(eq(notifications.companyId, ctx.companyId), eq(notifications.accountId, ctx.actor.accountId ?? ""));

export async function listMine(ctx: Ctx, q: PageQuery) {
  const [rows, [total], [unread]] = await Promise.all([
    ctx.tx
      .select()
      .from(notifications)
      .where(mine(ctx))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(notifications).where(mine(ctx)),
    ctx.tx
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(ctx), isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Reading one's own inbox is not worth an audit entry; the read time is the record. */
export async function markRead(ctx: Ctx, id: string | null): Promise<void> {
  nothingToAudit(ctx);
  const rows = await ctx.tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(ctx), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  if (id && rows.length === 0) {
    const [exists] = await ctx.tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(mine(ctx), eq(notifications.id, id)));
    if (!exists) throw errors.notFound("resource");
  }
}

/** An erased person's inbox goes with them. */
export async function forgetInbox(ctx: Ctx, accountId: string): Promise<void> {
  await ctx.tx
    .delete(notifications)
    .where(and(eq(notifications.companyId, ctx.companyId), eq(notifications.accountId, accountId)));
}

/** What sent the signed-in person's unread messages of a kind (the announcements not read yet), newest first. */
export async function unreadSources(ctx: Ctx, kind: InboxKind): Promise<string[]> {
  const rows = await ctx.tx
    .select({ sourceId: notifications.sourceId })
    .from(notifications)
    .where(and(mine(ctx), eq(notifications.kind, kind), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt));
  return rows.flatMap((r) => (r.sourceId ? [r.sourceId] : []));
}

/** The signed-in person's messages of a kind: what sent each, and whether it was read. */
export async function mySources(ctx: Ctx, kind: InboxKind) {
  const rows = await ctx.tx
    .select({ sourceId: notifications.sourceId, readAt: notifications.readAt })
    .from(notifications)
    .where(and(mine(ctx), eq(notifications.kind, kind), isNotNull(notifications.sourceId)));
  return new Map(rows.map((r) => [r.sourceId as string, r.readAt !== null]));
}

/** Marks read the signed-in person's message sent by `sourceId` (opening an announcement reads it). */
export async function markSourceRead(ctx: Ctx, kind: InboxKind, sourceId: string) {
  await ctx.tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        mine(ctx),
        eq(notifications.kind, kind),
        eq(notifications.sourceId, sourceId),
        isNull(notifications.readAt),
      ),
    );
}

/** Per sender, how many messages went out and how many were read (an announcement's read receipts). */
export async function readCounts(ctx: Ctx, kind: InboxKind, sourceIds: readonly string[]) {
  if (sourceIds.length === 0) return new Map<string, { sent: number; read: number }>();
  const rows = await ctx.tx
    .select({
      sourceId: notifications.sourceId,
      sent: count(),
      read: count(notifications.readAt),
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.companyId, ctx.companyId),
        eq(notifications.kind, kind),
        inArray(notifications.sourceId, [...sourceIds]),
      ),
    )
    .groupBy(notifications.sourceId);
  return new Map(rows.map((r) => [r.sourceId as string, { sent: r.sent, read: r.read }]));
}
