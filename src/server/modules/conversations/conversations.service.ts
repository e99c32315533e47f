import { and, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import type {
  ConversationListQuery,
  ConversationPatch,
  ConversationStatus,
  MessageBody,
  NewConversationBody,
} from "../../../contracts/conversations.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize, authorizeVisible, buildingScope, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { message } from "../../platform/i18n/messages.js";
import { signalLive } from "../../platform/live/live.js";
import { accountNames } from "../accounts/index.js";
import { claimFiles, deleteFilesOf, filesOf, readFile } from "../files/index.js";
import { markSourceRead, notify } from "../notifications/index.js";
import { unitRef } from "../registry/index.js";
import { frontOffice } from "../staff/index.js";
import { conversationPolicy } from "./conversations.policy.js";
import { conversationMessages, conversations } from "./conversations.table.js";
import { answeredTemplate } from "./conversations.templates.js";

type Row = typeof conversations.$inferSelect;

const byId = (ctx: Ctx, id: string) =>
  and(eq(conversations.companyId, ctx.companyId), eq(conversations.id, id));

async function load(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx.select().from(conversations).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(conversationPolicy, row));
  return row;
}

async function addMessage(ctx: Ctx, row: Row, body: string, fromStaff: boolean, photos: readonly string[]) {
  const now = new Date();
  const added = await insertOne(
    ctx.tx
      .insert(conversationMessages)
      .values({
        companyId: ctx.companyId,
        conversationId: row.id,
        authorId: ctx.actor.accountId,
        fromStaff,
        body,
      })
      .returning({ id: conversationMessages.id }),
  );
  await claimFiles(ctx, photos, "conversation", added.id);
  await ctx.tx
    .update(conversations)
    .set({
      lastMessageAt: now,
      status: fromStaff ? "answered" : "open",
      closedAt: null,
      ...(fromStaff && !row.firstResponseAt ? { firstResponseAt: now } : {}),
      // Whoever answers an unassigned conversation takes it.
      ...(fromStaff && !row.assignedTo ? { assignedTo: ctx.actor.accountId } : {}),
    })
    .where(byId(ctx, row.id));
  if (fromStaff) {
    // The resident's bell counts it, and their open page reads the thread again.
    await notify(
      ctx,
      [{ accountId: row.accountId }],
      answeredTemplate,
      { topic: row.topic, excerpt: body.slice(0, 280) },
      { inbox: "conversation", link: `/app/messages/${row.id}`, sourceId: row.id },
    );
    await signalLive(ctx.tx, ctx.companyId, "conversations", [row.accountId]);
  } else {
    await signalLive(ctx.tx, ctx.companyId, "conversations", await frontOffice(ctx, row.buildingId));
  }
}

/** A resident writes to the management about one of their units. */
export async function openConversation(ctx: Ctx, body: z.infer<typeof NewConversationBody>) {
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.unauthenticated();
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  const unit = await unitRef(ctx, body.unitId);
  authorize(ctx.actor, "open", subject(conversationPolicy, { ...unit, unitId: unit.id, accountId }));
  const row = await insertOne(
    ctx.tx
      .insert(conversations)
      .values({
        companyId: ctx.companyId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        unitCode: unit.code,
        accountId,
        topic: body.topic,
      })
      .returning(),
  );
  await addMessage(ctx, row, body.message, false, body.photos);
  await audit(ctx, { action: "conversation.open", entity: "conversation", entityId: row.id });
  return conversationDetail(ctx, row.id);
}

/** A message in the thread, from the resident who opened it or from the management. */
export async function reply(ctx: Ctx, id: string, body: z.infer<typeof MessageBody>) {
  const row = await load(ctx, id);
  const fromStaff = row.accountId !== ctx.actor.accountId;
  if (fromStaff) authorizeVisible(ctx.actor, "answer", subject(conversationPolicy, row));
  await addMessage(ctx, row, body.body, fromStaff, body.photos);
  await audit(ctx, {
    action: fromStaff ? "conversation.answer" : "conversation.message",
    entity: "conversation",
    entityId: id,
  });
  return conversationDetail(ctx, id);
}

/** The management assigns it, closes it or opens it again. */
export async function updateConversation(ctx: Ctx, id: string, patch: z.infer<typeof ConversationPatch>) {
  const row = await load(ctx, id);
  authorizeVisible(ctx.actor, "answer", subject(conversationPolicy, row));
  if (patch.assignedTo) {
    const candidates = await frontOffice(ctx, row.buildingId);
    if (!candidates.includes(patch.assignedTo))
      throw errors.validation({ assignedTo: "CONVERSATION_ASSIGNEE" });
  }
  const status: ConversationStatus | undefined =
    patch.status === "closed"
      ? "closed"
      : patch.status === "open"
        ? row.firstResponseAt
          ? "answered"
          : "open"
        : undefined;
  await ctx.tx
    .update(conversations)
    .set({
      ...(patch.assignedTo !== undefined ? { assignedTo: patch.assignedTo } : {}),
      ...(status ? { status, closedAt: status === "closed" ? new Date() : null } : {}),
    })
    .where(byId(ctx, id));
  await audit(ctx, {
    action: "conversation.update",
    entity: "conversation",
    entityId: id,
    changes: {
      ...(patch.assignedTo !== undefined ? { assignedTo: [row.assignedTo, patch.assignedTo] } : {}),
      ...(status ? { status: [row.status, status] } : {}),
    },
  });
  await signalLive(ctx.tx, ctx.companyId, "conversations", [row.accountId]);
  return conversationDetail(ctx, id);
}

/** Lines of a list: the conversation, who opened it, who has it, and its last message. */
function listQuery(ctx: Ctx, where: SQL | undefined) {
  const opener = accountNames(ctx.tx, "opener");
  const staff = accountNames(ctx.tx, "assignee");
  const lastMessage = sql<string>`(select m.body from ${conversationMessages} m
    where m.company_id = ${conversations.companyId} and m.conversation_id = ${conversations.id}
    order by m.created_at desc limit 1)`;
  return {
    rows: (limit: number, offset: number) =>
      ctx.tx
        .select({
          row: conversations,
          residentName: opener.displayName,
          assigneeName: staff.displayName,
          lastMessage,
        })
        .from(conversations)
        .leftJoin(opener, eq(opener.id, conversations.accountId))
        .leftJoin(staff, eq(staff.id, conversations.assignedTo))
        .where(where)
        .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
        .limit(limit)
        .offset(offset),
    total: ctx.tx.select({ n: count() }).from(conversations).where(where),
  };
}

type Line = {
  row: Row;
  residentName: string | null;
  assigneeName: string | null;
  lastMessage: string | null;
};
const toView = ({ row, residentName, assigneeName, lastMessage }: Line) => ({
  id: row.id,
  buildingId: row.buildingId,
  unitId: row.unitId,
  unitCode: row.unitCode,
  topic: row.topic,
  status: row.status as ConversationStatus,
  residentName: residentName ?? "—",
  assignedTo: row.assignedTo ? { id: row.assignedTo, name: assigneeName ?? "—" } : null,
  createdAt: row.createdAt.toISOString(),
  lastMessageAt: row.lastMessageAt.toISOString(),
  firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
  lastMessage: lastMessage ?? "",
});

/** The management's shared inbox: conversations of the buildings the caller covers, latest first. */
export async function listConversations(ctx: Ctx, q: z.infer<typeof ConversationListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "answer", conversationPolicy);
  const where = and(
    eq(conversations.companyId, ctx.companyId),
    buildingScope(conversations.buildingId)(ctx.actor),
    q.buildingId ? eq(conversations.buildingId, q.buildingId) : undefined,
    q.status ? eq(conversations.status, q.status) : undefined,
    q.assigned === "me" ? eq(conversations.assignedTo, ctx.actor.accountId ?? "") : undefined,
    q.assigned === "none" ? isNull(conversations.assignedTo) : undefined,
  );
  return pageOf(q, listQuery(ctx, where), toView);
}

/** The resident's own conversations, latest first. */
export async function myConversations(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  const where = and(
    eq(conversations.companyId, ctx.companyId),
    eq(conversations.accountId, ctx.actor.accountId ?? ""),
  );
  return pageOf(q, listQuery(ctx, where), toView);
}

/** A conversation with its messages; the resident sees the management as one, not who wrote. */
export async function conversationDetail(ctx: Ctx, id: string) {
  const row = await load(ctx, id);
  const [line] = await listQuery(ctx, byId(ctx, id)).rows(1, 0);
  if (!line) throw errors.notFound("resource");
  const names = accountNames(ctx.tx);
  const messages = await ctx.tx
    .select({ m: conversationMessages, author: names.displayName })
    .from(conversationMessages)
    .leftJoin(names, eq(names.id, conversationMessages.authorId))
    .where(
      and(eq(conversationMessages.companyId, ctx.companyId), eq(conversationMessages.conversationId, id)),
    )
    .orderBy(conversationMessages.createdAt, conversationMessages.id);
  const photos = await filesOf(
    ctx,
    messages.map(({ m }) => m.id),
  );
  const residentView = row.accountId === ctx.actor.accountId;
  // The resident reading the thread has read the management's answers: the bell stops counting them.
  if (residentView) await markSourceRead(ctx, "conversation", id);
  return {
    ...toView(line),
    messages: messages.map(({ m, author }) => ({
      id: m.id,
      body: m.body,
      fromStaff: m.fromStaff,
      author: m.fromStaff && residentView ? message(ctx.lang, "CONVERSATION_MANAGEMENT") : (author ?? "—"),
      createdAt: m.createdAt.toISOString(),
      photos: photos.get(m.id) ?? [],
    })),
  };
}

/** A photo of the conversation's messages, for whoever may read the conversation. */
export async function conversationFile(
  ctx: Ctx,
  id: string,
  fileId: string,
  variant: "display" | "thumbnail",
) {
  await load(ctx, id);
  const messages = await ctx.tx
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.companyId, ctx.companyId), eq(conversationMessages.conversationId, id)),
    );
  return readFile(
    ctx,
    fileId,
    messages.map((m) => m.id),
    variant,
  );
}

/** Waiting, answered, and the response times of the last 30 days, for the buildings the caller covers. */
export async function conversationStats(ctx: Ctx, buildingId?: string) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "answer", conversationPolicy);
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const scope = and(
    eq(conversations.companyId, ctx.companyId),
    buildingScope(conversations.buildingId)(ctx.actor),
    buildingId ? eq(conversations.buildingId, buildingId) : undefined,
  );
  const minutes = sql<number>`extract(epoch from ${conversations.firstResponseAt} - ${conversations.createdAt}) / 60`;
  const [row] = await ctx.tx
    .select({
      waiting: sql<number>`count(*) filter (where ${conversations.status} = 'open')::int`,
      answered: sql<number>`count(*) filter (where ${conversations.status} = 'answered')::int`,
      opened30d: sql<number>`count(*) filter (where ${conversations.createdAt} >= ${since})::int`,
      median: sql<number | null>`percentile_cont(0.5) within group (order by ${minutes})
        filter (where ${conversations.firstResponseAt} is not null and ${conversations.createdAt} >= ${since})`,
      withinHour: sql<number | null>`avg(case when ${minutes} <= 60 then 1.0 else 0.0 end)
        filter (where ${conversations.firstResponseAt} is not null and ${conversations.createdAt} >= ${since})`,
    })
    .from(conversations)
    .where(scope);
  return {
    waiting: row?.waiting ?? 0,
    answered: row?.answered ?? 0,
    opened30d: row?.opened30d ?? 0,
    medianFirstResponseMinutes:
      row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median)),
    answeredWithinHour:
      row?.withinHour === null || row?.withinHour === undefined
        ? null
        : Number(Number(row.withinHour).toFixed(2)),
  };
}

/**
 * Conversations silent since before `cutoff` go with their messages and photos (the company's retention
 * period), and their old row versions leave the files on disk once committed.
 */
export async function purgeConversationsBefore(ctx: Ctx, cutoff: Date): Promise<number> {
  const gone = await deleteThreads(ctx, sql`${conversations.lastMessageAt} < ${cutoff}`);
  if (gone > 0) ctx.afterCommit(() => ctx.platform.compactTables(["conversations", "conversation_messages"]));
  return gone;
}

/** Deletes the company's conversations that `where` picks, every message and photo in them. */
export async function deleteThreads(ctx: Ctx, where: SQL): Promise<number> {
  const threads = await ctx.tx
    .delete(conversations)
    .where(and(eq(conversations.companyId, ctx.companyId), where))
    .returning({ id: conversations.id });
  if (threads.length === 0) return 0;
  const messages = await ctx.tx
    .delete(conversationMessages)
    .where(
      and(
        eq(conversationMessages.companyId, ctx.companyId),
        inArray(
          conversationMessages.conversationId,
          threads.map((t) => t.id),
        ),
      ),
    )
    .returning({ id: conversationMessages.id });
  await deleteFilesOf(
    ctx,
    messages.map((m) => m.id),
  );
  return threads.length;
}

/** What a ticket made from the conversation takes: its unit, its resident, its topic and first message. */
export async function conversationForTicket(ctx: Ctx, id: string) {
  const row = await load(ctx, id);
  authorizeVisible(ctx.actor, "answer", subject(conversationPolicy, row));
  const [first] = await ctx.tx
    .select({ body: conversationMessages.body })
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.companyId, ctx.companyId), eq(conversationMessages.conversationId, id)),
    )
    .orderBy(conversationMessages.createdAt, conversationMessages.id)
    .limit(1);
  return {
    id: row.id,
    buildingId: row.buildingId,
    unitId: row.unitId,
    unitCode: row.unitCode,
    accountId: row.accountId,
    topic: row.topic,
    firstMessage: first?.body ?? row.topic,
  };
}
