import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import {
  OPEN_TICKET_STATUSES,
  type Ticket,
  type TicketBoardQuery,
  type TicketCategory,
  type TicketListQuery,
  type TicketPriority,
  TicketStatus,
} from "../../../contracts/tickets.js";
import { nothingToAudit } from "../../platform/audit/audit.service.js";
import {
  abilitiesOf,
  authorize,
  authorizeVisible,
  buildingScope,
  subject,
} from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { message } from "../../platform/i18n/messages.js";
import { accountNames } from "../accounts/index.js";
import { filesOf, readFile } from "../files/index.js";
import { markSourceRead } from "../notifications/index.js";
import { maskedPhonesOf } from "../registry/index.js";
import { breaches } from "./sla.js";
import { ticketPolicy } from "./tickets.policy.js";
import { ticketEvents, tickets } from "./tickets.table.js";

export type TicketRow = typeof tickets.$inferSelect;

/** A resolved ticket may be reopened by its resident for this long. */
export const REOPEN_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export const byId = (ctx: Ctx, id: string) => and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, id));

/** The ticket, if the actor may see it (404 otherwise, as for an id that does not exist). */
export async function loadTicket(ctx: Ctx, id: string): Promise<TicketRow> {
  const [row] = await ctx.tx.select().from(tickets).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(ticketPolicy, row));
  return row;
}

/** Vietnamese names end with the given name ("Nguyễn Thị Lan" → "Lan"): what a technician calls them. */
export const firstNameOf = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;

/** Only the company's own managers see the requester's full name; a technician sees the first name. */
const seesFullName = (ctx: Ctx) => ctx.actor.role !== "technician" && ctx.actor.role !== "resident";

type Line = { row: TicketRow; requesterName: string | null; assigneeName: string | null };

function listQuery(ctx: Ctx, where: SQL | undefined, order: SQL[]) {
  const requester = accountNames(ctx.tx, "requester");
  const assignee = accountNames(ctx.tx, "assignee");
  return {
    rows: (limit: number, offset: number) =>
      ctx.tx
        .select({ row: tickets, requesterName: requester.displayName, assigneeName: assignee.displayName })
        .from(tickets)
        .leftJoin(requester, eq(requester.id, tickets.requesterId))
        .leftJoin(assignee, eq(assignee.id, tickets.assignedTo))
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    total: ctx.tx.select({ n: count() }).from(tickets).where(where),
  };
}

/** The list's views of its lines, with the requesters' masked phones read in one query. */
async function toViews(ctx: Ctx, lines: Line[]): Promise<z.infer<typeof Ticket>[]> {
  // The requester sees their own ticket: no need to show them their phone.
  const phones =
    ctx.actor.role === "resident"
      ? new Map<string, string>()
      : await maskedPhonesOf(
          ctx,
          lines.flatMap((l) => (l.row.requesterId ? [l.row.requesterId] : [])),
        );
  const now = new Date();
  return lines.map(({ row, requesterName, assigneeName }) => {
    const name = requesterName ?? message(ctx.lang, "TICKET_REQUESTER_GONE");
    const firstName = requesterName ? firstNameOf(requesterName) : name;
    return {
      id: row.id,
      number: row.number,
      buildingId: row.buildingId,
      unitId: row.unitId,
      unitCode: row.unitCode,
      location: row.location as z.infer<typeof Ticket>["location"],
      locationNote: row.locationNote,
      category: row.category as TicketCategory,
      priority: row.priority as TicketPriority,
      status: row.status as z.infer<typeof TicketStatus>,
      title: row.title,
      requester: {
        firstName,
        name: seesFullName(ctx) ? name : null,
        phone: (row.requesterId && phones.get(row.requesterId)) || null,
      },
      assignedTo: row.assignedTo ? { id: row.assignedTo, name: assigneeName ?? "—" } : null,
      sla: {
        respondBy: row.respondBy.toISOString(),
        resolveBy: row.resolveBy.toISOString(),
        respondedAt: row.respondedAt?.toISOString() ?? null,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        ...breaches(row, now),
        paused: row.pausedAt !== null,
      },
      rating: row.rating,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      conversationId: row.conversationId,
    };
  });
}

const isOpen = inArray(tickets.status, [...OPEN_TICKET_STATUSES]);

/** Past its response time unanswered, or past its resolution time unresolved (its clock running). */
export const overdueNow = (now: Date) =>
  or(
    and(isNull(tickets.respondedAt), sql`${tickets.respondBy} < ${now}`),
    and(isOpen, isNull(tickets.pausedAt), sql`${tickets.resolveBy} < ${now}`),
  );

/**
 * What the actor may see of the company's tickets: a technician those assigned to them, the management those
 * of the buildings it covers.
 */
function staffScope(ctx: Ctx) {
  authorize(ctx.actor, "read", ticketPolicy);
  if (ctx.actor.role === "resident") throw errors.forbidden();
  return and(
    eq(tickets.companyId, ctx.companyId),
    ctx.actor.role === "technician"
      ? eq(tickets.assignedTo, ctx.actor.accountId ?? "")
      : buildingScope(tickets.buildingId)(ctx.actor),
  );
}

function assignedFilter(ctx: Ctx, assigned: string | undefined) {
  if (assigned === "me") return eq(tickets.assignedTo, ctx.actor.accountId ?? "");
  if (assigned === "none") return isNull(tickets.assignedTo);
  return assigned ? eq(tickets.assignedTo, assigned) : undefined;
}

/** Most pressing first: urgent before low, then the nearest resolution time. */
const pressing = [
  sql`case ${tickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
  asc(tickets.resolveBy),
  asc(tickets.id),
];

/** The management's list: filters by status (or every open one), category, building, assignee, lateness. */
export async function listTickets(ctx: Ctx, q: z.infer<typeof TicketListQuery>) {
  nothingToAudit(ctx);
  const number = q.q && /^#?\d{1,9}$/.test(q.q) ? Number(q.q.replace("#", "")) : null;
  const where = and(
    staffScope(ctx),
    q.status === "open" ? isOpen : q.status ? eq(tickets.status, q.status) : undefined,
    q.category ? eq(tickets.category, q.category) : undefined,
    q.buildingId ? eq(tickets.buildingId, q.buildingId) : undefined,
    assignedFilter(ctx, q.assigned),
    q.overdue ? overdueNow(new Date()) : undefined,
    number !== null
      ? eq(tickets.number, number)
      : q.q
        ? or(
            sql`${tickets.title} ilike ${containing(q.q)}`,
            sql`${tickets.unitCode} ilike ${containing(q.q)}`,
          )
        : undefined,
  );
  const order = q.status === "open" || q.overdue ? pressing : [desc(tickets.createdAt), desc(tickets.id)];
  const page = await pageOf(q, listQuery(ctx, where, order), (line) => line);
  return { ...page, items: await toViews(ctx, page.items) };
}

/** The board: each status's count and its most pressing cards; closed tickets are counted, not shown. */
export async function ticketBoard(ctx: Ctx, q: z.infer<typeof TicketBoardQuery>) {
  nothingToAudit(ctx);
  const where = and(
    staffScope(ctx),
    q.buildingId ? eq(tickets.buildingId, q.buildingId) : undefined,
    q.category ? eq(tickets.category, q.category) : undefined,
    assignedFilter(ctx, q.assigned),
  );
  const statuses = TicketStatus.options.filter((s) => s !== "closed");
  const counts = await ctx.tx
    .select({ status: tickets.status, n: count() })
    .from(tickets)
    .where(and(where, inArray(tickets.status, statuses)))
    .groupBy(tickets.status);
  // One query for every column's first cards (a window per status), not one per column.
  const ranked = ctx.tx
    .select({
      id: tickets.id,
      rank: sql<number>`row_number() over (partition by ${tickets.status} order by ${sql.join(pressing, sql`, `)})`.as(
        "rank",
      ),
    })
    .from(tickets)
    .where(and(where, inArray(tickets.status, statuses)))
    .as("ranked");
  const requester = accountNames(ctx.tx, "requester");
  const assignee = accountNames(ctx.tx, "assignee");
  const cards = await ctx.tx
    .select({ row: tickets, requesterName: requester.displayName, assigneeName: assignee.displayName })
    .from(ranked)
    .innerJoin(tickets, and(eq(tickets.companyId, ctx.companyId), eq(tickets.id, ranked.id)))
    .leftJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assignedTo))
    .where(sql`${ranked.rank} <= ${q.perColumn}`)
    .orderBy(...pressing);
  const views = await toViews(ctx, cards);
  return {
    columns: statuses.map((status) => ({
      status,
      total: counts.find((c) => c.status === status)?.n ?? 0,
      items: views.filter((v) => v.status === status),
    })),
  };
}

/** The resident's own tickets, latest first. */
export async function myTickets(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "report", ticketPolicy);
  const where = and(eq(tickets.companyId, ctx.companyId), eq(tickets.requesterId, ctx.actor.accountId ?? ""));
  const page = await pageOf(q, listQuery(ctx, where, [desc(tickets.createdAt), desc(tickets.id)]), (l) => l);
  return { ...page, items: await toViews(ctx, page.items) };
}

/** Events the viewer may read: a resident never sees internal notes. */
const visibleEvents = (ctx: Ctx, row: TicketRow) =>
  and(
    eq(ticketEvents.companyId, ctx.companyId),
    eq(ticketEvents.ticketId, row.id),
    ctx.actor.role === "resident" ? eq(ticketEvents.internal, false) : undefined,
  );

/** The ticket with its timeline; the resident sees the management as one, not who wrote. */
export async function ticketDetail(ctx: Ctx, id: string) {
  // The ticket with its people's names in one read, then the same check as loadTicket.
  const [line] = await listQuery(ctx, byId(ctx, id), []).rows(1, 0);
  if (!line) throw errors.notFound("resource");
  const row = line.row;
  authorizeVisible(ctx.actor, "read", subject(ticketPolicy, row));
  const [view] = await toViews(ctx, [line]);
  if (!view) throw errors.notFound("resource");
  const names = accountNames(ctx.tx);
  const events = await ctx.tx
    .select({ e: ticketEvents, author: names.displayName })
    .from(ticketEvents)
    .leftJoin(names, eq(names.id, ticketEvents.authorId))
    .where(visibleEvents(ctx, row))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  const photos = await filesOf(ctx, [row.id, ...events.map(({ e }) => e.id)]);
  const residentView = row.requesterId === ctx.actor.accountId;
  if (residentView) await markSourceRead(ctx, "ticket", id);
  const management = message(ctx.lang, "CONVERSATION_MANAGEMENT");
  return {
    ...view,
    description: row.description,
    photos: photos.get(row.id) ?? [],
    ratingComment: row.ratingComment,
    reopenUntil: row.resolvedAt
      ? new Date(row.resolvedAt.getTime() + REOPEN_DAYS * DAY_MS).toISOString()
      : null,
    events: events.map(({ e, author }) => ({
      id: e.id,
      kind: e.kind as "created" | "status" | "assigned" | "message" | "note" | "rated",
      status: (e.status as z.infer<typeof TicketStatus> | null) ?? null,
      body: e.body,
      author: e.fromStaff
        ? residentView
          ? management
          : (author ?? management)
        : author && !seesFullName(ctx) && !residentView
          ? firstNameOf(author)
          : (author ?? view.requester.firstName),
      fromStaff: e.fromStaff,
      createdAt: e.createdAt.toISOString(),
      photos: photos.get(e.id) ?? [],
    })),
    can: abilitiesOf(ctx.actor, ticketPolicy, row),
  };
}

/** A photo of the ticket or of a line of its timeline the viewer may read. */
export async function ticketFile(ctx: Ctx, id: string, fileId: string, variant: "display" | "thumbnail") {
  const row = await loadTicket(ctx, id);
  const events = await ctx.tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(visibleEvents(ctx, row));
  return readFile(ctx, fileId, [row.id, ...events.map((e) => e.id)], variant);
}
