import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type NewTicketBody,
  OPEN_TICKET_STATUSES,
  type TicketCategory,
  type TicketFromConversationBody,
  type TicketMessageBody,
  type TicketPatch,
  type TicketPriority,
  type TicketRatingBody,
  type TicketReopenBody,
  type TicketStatus,
} from "../../../contracts/tickets.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize, authorizeVisible, coversBuilding, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { errors } from "../../platform/errors.js";
import { signalLive } from "../../platform/live/live.js";
import { accountNames } from "../accounts/index.js";
import { conversationForTicket } from "../conversations/index.js";
import { claimFiles } from "../files/index.js";
import { notify } from "../notifications/index.js";
import { unitRef } from "../registry/index.js";
import { accountsWithRoles, frontOffice } from "../staff/index.js";
import { dueTimes, resumedResolveBy } from "./sla.js";
import { slaOf } from "./slas.service.js";
import { ticketPolicy } from "./tickets.policy.js";
import { ticketCounters, ticketEvents, tickets } from "./tickets.table.js";
import {
  assignedTemplate,
  newTicketTemplate,
  ticketAnsweredTemplate,
  ticketStatusTemplate,
} from "./tickets.templates.js";
import { byId, loadTicket, REOPEN_DAYS, type TicketRow, ticketDetail } from "./tickets.views.js";

type Status = z.infer<typeof TicketStatus>;
const DAY_MS = 24 * 3600_000;

/** Where the management may move a ticket from each status (a resident closes it by rating, or reopens it). */
const NEXT: Record<Status, readonly Status[]> = {
  new: ["acknowledged", "in_progress", "waiting", "resolved"],
  acknowledged: ["in_progress", "waiting", "resolved"],
  in_progress: ["acknowledged", "waiting", "resolved"],
  waiting: ["in_progress", "resolved"],
  reopened: ["acknowledged", "in_progress", "waiting", "resolved"],
  resolved: ["in_progress"],
  closed: [],
};

/** The next number of the company's tickets: the counter row's lock orders concurrent reports. */
async function nextNumber(ctx: Ctx): Promise<number> {
  const [row] = await ctx.tx
    .insert(ticketCounters)
    .values({ companyId: ctx.companyId, last: 1 })
    .onConflictDoUpdate({ target: ticketCounters.companyId, set: { last: sql`${ticketCounters.last} + 1` } })
    .returning({ last: ticketCounters.last });
  if (!row) throw new Error("ticket counter not updated");
  return row.last;
}

/** Everyone working on it besides the actor: its managers and its technician. */
async function staffOf(ctx: Ctx, row: TicketRow) {
  const people = await frontOffice(ctx, row.buildingId);
  if (row.assignedTo) people.push(row.assignedTo);
  return [...new Set(people)].filter((id) => id !== ctx.actor.accountId);
}

async function addEvent(
  ctx: Ctx,
  ticketId: string,
  event: {
    kind: "created" | "status" | "assigned" | "message" | "note" | "rated";
    status?: Status;
    body?: string | null;
    internal?: boolean;
  },
) {
  return insertOne(
    ctx.tx
      .insert(ticketEvents)
      .values({
        companyId: ctx.companyId,
        ticketId,
        kind: event.kind,
        status: event.status ?? null,
        body: event.body ?? null,
        internal: event.internal ?? false,
        authorId: ctx.actor.accountId,
        fromStaff: ctx.actor.role !== "resident" && ctx.actor.role !== null,
      })
      .returning({ id: ticketEvents.id }),
  );
}

const link = (id: string) => `/app/tickets/${id}`;

async function tellRequester(ctx: Ctx, row: TicketRow, status: Status) {
  if (!row.requesterId) return;
  await notify(
    ctx,
    [{ accountId: row.requesterId }],
    ticketStatusTemplate,
    { number: row.number, title: row.title, status },
    { inbox: "ticket", link: link(row.id), sourceId: row.id },
  );
  await signalLive(ctx.tx, ctx.companyId, "tickets", [row.requesterId]);
}

type Opening = {
  unit: { id: string; code: string; buildingId: string };
  requesterId: string;
  category: TicketCategory;
  priority: TicketPriority;
  location: string;
  locationNote: string | null;
  title: string;
  description: string;
  photos: readonly string[];
  conversationId?: string;
};

async function open(ctx: Ctx, o: Opening) {
  const now = new Date();
  const due = dueTimes(now, await slaOf(ctx, o.category), o.priority);
  const row = await insertOne(
    ctx.tx
      .insert(tickets)
      .values({
        companyId: ctx.companyId,
        number: await nextNumber(ctx),
        buildingId: o.unit.buildingId,
        unitId: o.unit.id,
        unitCode: o.unit.code,
        location: o.location,
        locationNote: o.locationNote,
        category: o.category,
        priority: o.priority,
        title: o.title,
        description: o.description,
        requesterId: o.requesterId,
        conversationId: o.conversationId ?? null,
        ...due,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  await claimFiles(ctx, o.photos, "ticket", row.id);
  await addEvent(ctx, row.id, { kind: "created", status: "new" });
  const staff = await frontOffice(ctx, row.buildingId);
  await notify(
    ctx,
    staff.map((accountId) => ({ accountId })),
    newTicketTemplate,
    { number: row.number, title: row.title, unitCode: row.unitCode },
    { inbox: "ticket", link: `/console/tickets?open=${row.id}`, sourceId: row.id },
  );
  await signalLive(ctx.tx, ctx.companyId, "tickets", staff);
  await audit(ctx, {
    action: "ticket.open",
    entity: "ticket",
    entityId: row.id,
    changes: { number: row.number, category: row.category, priority: row.priority },
  });
  return row;
}

/** A resident reports a problem in their unit or a common area of its building. */
export async function reportTicket(ctx: Ctx, body: z.infer<typeof NewTicketBody>) {
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.unauthenticated();
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  const unit = await unitRef(ctx, body.unitId);
  authorize(
    ctx.actor,
    "report",
    subject(ticketPolicy, {
      ...unit,
      unitId: unit.id,
      requesterId: accountId,
      assignedTo: null,
      status: "new",
    }),
  );
  const row = await open(ctx, {
    unit,
    requesterId: accountId,
    category: body.category,
    priority: body.urgent ? "urgent" : "normal",
    location: body.location,
    locationNote: body.locationNote ?? null,
    title: body.title,
    description: body.description,
    photos: body.photos,
  });
  return ticketDetail(ctx, row.id);
}

/**
 * A resident's complaint about something another module keeps (a marketplace order): a ticket of the unit, the
 * front office told as for any ticket. Answers its id and number for the other module to link.
 */
export async function openComplaint(
  ctx: Ctx,
  c: Pick<Opening, "unit" | "requesterId" | "title" | "description" | "photos">,
): Promise<{ id: string; number: number }> {
  const row = await open(ctx, {
    ...c,
    category: "other",
    priority: "normal",
    location: "unit",
    locationNote: null,
  });
  return { id: row.id, number: row.number };
}

/** The management turns a resident's conversation into a ticket: its topic, first message and photos. */
export async function ticketFromConversation(ctx: Ctx, body: z.infer<typeof TicketFromConversationBody>) {
  const c = await conversationForTicket(ctx, body.conversationId);
  authorize(
    ctx.actor,
    "assign",
    subject(ticketPolicy, { ...c, requesterId: c.accountId, assignedTo: null, status: "new" }),
  );
  const [existing] = await ctx.tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.conversationId, c.id)));
  if (existing) throw errors.inUse("TICKET_FROM_CONVERSATION_EXISTS", { ticketId: existing.id });
  const row = await open(ctx, {
    unit: { id: c.unitId, code: c.unitCode, buildingId: c.buildingId },
    requesterId: c.accountId,
    category: body.category,
    priority: body.priority,
    location: body.location,
    locationNote: body.locationNote ?? null,
    title: c.topic,
    description: c.firstMessage,
    photos: [],
    conversationId: c.id,
  });
  await tellRequester(ctx, row, "new");
  return ticketDetail(ctx, row.id);
}

/** The times again after a change of category or priority, from the opening, plus what it waited. */
async function replanned(ctx: Ctx, row: TicketRow, category: TicketCategory, priority: TicketPriority) {
  const due = dueTimes(row.createdAt, await slaOf(ctx, category), priority);
  return {
    respondBy: due.respondBy,
    resolveBy: new Date(due.resolveBy.getTime() + row.waitedSeconds * 1000),
  };
}

/** What a move to `to` changes: the response stamp, the waiting clock, the resolution stamp. */
function movedTo(row: TicketRow, to: Status, now: Date) {
  const change: Partial<typeof tickets.$inferInsert> = { status: to, updatedAt: now };
  if (!row.respondedAt) change.respondedAt = now;
  if (row.pausedAt && to !== "waiting") {
    change.pausedAt = null;
    change.resolveBy = resumedResolveBy(row.resolveBy, row.pausedAt, now);
    change.waitedSeconds = row.waitedSeconds + Math.round((now.getTime() - row.pausedAt.getTime()) / 1000);
  }
  if (to === "waiting" && !row.pausedAt) change.pausedAt = now;
  change.resolvedAt = to === "resolved" ? now : null;
  return change;
}

/** A building's technicians and managers, with their open tickets, for the management's assignment. */
export async function assignees(ctx: Ctx, buildingId: string) {
  authorize(ctx.actor, "assign", ticketPolicy);
  if (!coversBuilding(ctx.actor, buildingId)) throw errors.notFound("building");
  nothingToAudit(ctx);
  const technicians = await accountsWithRoles(ctx, ["technician"], buildingId);
  const building = await accountsWithRoles(ctx, ["building_manager"], buildingId);
  const ids = [...new Set([...technicians, ...building])];
  if (ids.length === 0) return { items: [] };
  const names = accountNames(ctx.tx);
  const named = new Map(
    (await ctx.tx.select().from(names).where(inArray(names.id, ids))).map((r) => [r.id, r.displayName]),
  );
  const open = await ctx.tx
    .select({ id: tickets.assignedTo, n: count() })
    .from(tickets)
    .where(
      and(
        eq(tickets.companyId, ctx.companyId),
        inArray(tickets.assignedTo, ids),
        inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
      ),
    )
    .groupBy(tickets.assignedTo);
  return {
    items: ids
      .map((id) => ({
        id,
        name: named.get(id) ?? "—",
        role: technicians.includes(id) ? ("technician" as const) : ("building_manager" as const),
        open: open.find((o) => o.id === id)?.n ?? 0,
      }))
      .sort((a, b) =>
        a.role === b.role ? a.name.localeCompare(b.name, "vi") : a.role === "technician" ? -1 : 1,
      ),
  };
}

/** The management moves it along, assigns it, or changes its priority or category. */
export async function updateTicket(ctx: Ctx, id: string, patch: z.infer<typeof TicketPatch>) {
  const row = await loadTicket(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(ticketPolicy, row));
  const assigns = patch.assignedTo !== undefined || patch.priority || patch.category;
  if (assigns) authorizeVisible(ctx.actor, "assign", subject(ticketPolicy, row));
  const now = new Date();
  let change: Partial<typeof tickets.$inferInsert> = {};
  const status = row.status as Status;
  if (patch.status && patch.status !== status) {
    if (!NEXT[status].includes(patch.status))
      throw errors.rule("TICKET_STATUS", { from: status, to: patch.status });
    change = movedTo(row, patch.status, now);
  }
  if (patch.assignedTo && patch.assignedTo !== row.assignedTo) {
    const technicians = await accountsWithRoles(ctx, ["technician", "building_manager"], row.buildingId);
    if (!technicians.includes(patch.assignedTo)) throw errors.validation({ assignedTo: "TICKET_ASSIGNEE" });
  }
  if (patch.priority || patch.category) {
    Object.assign(
      change,
      await replanned(
        ctx,
        row,
        (patch.category ?? row.category) as TicketCategory,
        (patch.priority ?? row.priority) as TicketPriority,
      ),
      patch.priority ? { priority: patch.priority } : {},
      patch.category ? { category: patch.category } : {},
    );
  }
  if (patch.assignedTo !== undefined) change.assignedTo = patch.assignedTo;
  if (Object.keys(change).length === 0) return ticketDetail(ctx, id);
  await ctx.tx
    .update(tickets)
    .set({ ...change, updatedAt: now })
    .where(byId(ctx, id));
  if (change.status) {
    await addEvent(ctx, id, { kind: "status", status: change.status as Status });
    await tellRequester(ctx, row, change.status as Status);
  }
  if (patch.assignedTo !== undefined && patch.assignedTo !== row.assignedTo) {
    await addEvent(ctx, id, { kind: "assigned", internal: true });
    if (patch.assignedTo) {
      await notify(
        ctx,
        [{ accountId: patch.assignedTo }],
        assignedTemplate,
        { number: row.number, title: row.title, unitCode: row.unitCode },
        { inbox: "ticket", link: `/console/tickets?open=${id}`, sourceId: id },
      );
      await signalLive(ctx.tx, ctx.companyId, "tickets", [patch.assignedTo]);
    }
  }
  await audit(ctx, {
    action: "ticket.update",
    entity: "ticket",
    entityId: id,
    changes: Object.fromEntries(
      (["status", "assignedTo", "priority", "category"] as const)
        .filter((k) => change[k] !== undefined && change[k] !== row[k])
        .map((k) => [k, [row[k], change[k]]]),
    ),
  });
  return ticketDetail(ctx, id);
}

/**
 * A message in the timeline: from the resident (which brings a ticket waiting for them back to work), from the
 * management (its first answer ends the response time), or a note only staff read.
 */
export async function addTicketMessage(ctx: Ctx, id: string, body: z.infer<typeof TicketMessageBody>) {
  const row = await loadTicket(ctx, id);
  const fromRequester = row.requesterId === ctx.actor.accountId && ctx.actor.role === "resident";
  authorizeVisible(ctx.actor, body.internal ? "note" : "message", subject(ticketPolicy, row));
  if (body.internal && fromRequester) throw errors.forbidden();
  const event = await addEvent(ctx, id, {
    kind: body.internal ? "note" : "message",
    body: body.body,
    internal: body.internal,
  });
  await claimFiles(ctx, body.photos, "ticket", event.id);
  const now = new Date();
  if (fromRequester) {
    if (row.status === "waiting") {
      await ctx.tx
        .update(tickets)
        .set(movedTo(row, "in_progress", now))
        .where(byId(ctx, id));
      await addEvent(ctx, id, { kind: "status", status: "in_progress" });
    } else await ctx.tx.update(tickets).set({ updatedAt: now }).where(byId(ctx, id));
    await signalLive(ctx.tx, ctx.companyId, "tickets", await staffOf(ctx, row));
  } else {
    await ctx.tx
      .update(tickets)
      .set({ updatedAt: now, ...(!body.internal && !row.respondedAt ? { respondedAt: now } : {}) })
      .where(byId(ctx, id));
    if (!body.internal && row.requesterId) {
      await notify(
        ctx,
        [{ accountId: row.requesterId }],
        ticketAnsweredTemplate,
        { number: row.number, title: row.title, excerpt: body.body.slice(0, 280) },
        { inbox: "ticket", link: link(id), sourceId: id },
      );
      await signalLive(ctx.tx, ctx.companyId, "tickets", [row.requesterId]);
    }
    await signalLive(ctx.tx, ctx.companyId, "tickets", await staffOf(ctx, row));
  }
  await audit(ctx, {
    action: body.internal ? "ticket.note" : "ticket.message",
    entity: "ticket",
    entityId: id,
    changes: { photos: body.photos.length },
  });
  return ticketDetail(ctx, id);
}

/** The resident rates the resolution, which closes the ticket. */
export async function rateTicket(ctx: Ctx, id: string, body: z.infer<typeof TicketRatingBody>) {
  const row = await loadTicket(ctx, id);
  authorizeVisible(ctx.actor, "rate", subject(ticketPolicy, row));
  const now = new Date();
  await ctx.tx
    .update(tickets)
    .set({
      status: "closed",
      closedAt: now,
      updatedAt: now,
      rating: body.rating,
      ratingComment: body.comment ?? null,
    })
    .where(byId(ctx, id));
  await addEvent(ctx, id, { kind: "rated", status: "closed", body: body.comment ?? null });
  await signalLive(ctx.tx, ctx.companyId, "tickets", await staffOf(ctx, row));
  await audit(ctx, {
    action: "ticket.rate",
    entity: "ticket",
    entityId: id,
    changes: { rating: body.rating },
  });
  return ticketDetail(ctx, id);
}

/** The resident reopens it within 7 days of its resolution: the resolution clock starts again. */
export async function reopenTicket(ctx: Ctx, id: string, body: z.infer<typeof TicketReopenBody>) {
  const row = await loadTicket(ctx, id);
  authorizeVisible(ctx.actor, "reopen", subject(ticketPolicy, row));
  const now = new Date();
  if (!row.resolvedAt || now.getTime() - row.resolvedAt.getTime() > REOPEN_DAYS * DAY_MS)
    throw errors.rule("TICKET_REOPEN_LATE", { days: REOPEN_DAYS });
  const sla = await slaOf(ctx, row.category as TicketCategory);
  const { resolveBy } = dueTimes(now, sla, row.priority as TicketPriority);
  await ctx.tx
    .update(tickets)
    .set({
      status: "reopened",
      resolvedAt: null,
      closedAt: null,
      resolveBy,
      updatedAt: now,
      rating: null,
      ratingComment: null,
    })
    .where(byId(ctx, id));
  await addEvent(ctx, id, { kind: "status", status: "reopened", body: body.reason });
  await signalLive(ctx.tx, ctx.companyId, "tickets", await staffOf(ctx, row));
  await audit(ctx, { action: "ticket.reopen", entity: "ticket", entityId: id });
  return ticketDetail(ctx, id);
}

/** Resolved tickets the resident neither rated nor reopened within 7 days close by themselves. */
export async function closeResolvedBefore(ctx: Ctx, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REOPEN_DAYS * DAY_MS);
  const closed = await ctx.tx
    .update(tickets)
    .set({ status: "closed", closedAt: now, updatedAt: now })
    .where(
      and(
        eq(tickets.companyId, ctx.companyId),
        eq(tickets.status, "resolved"),
        sql`${tickets.resolvedAt} < ${cutoff}`,
      ),
    )
    .returning({ id: tickets.id });
  if (closed.length === 0) return 0;
  await ctx.tx.insert(ticketEvents).values(
    closed.map((t) => ({
      companyId: ctx.companyId,
      ticketId: t.id,
      kind: "status",
      status: "closed",
      fromStaff: true,
    })),
  );
  await audit(ctx, {
    action: "ticket.autoclose",
    entity: "ticket",
    entityId: null,
    changes: { count: closed.length },
  });
  return closed.length;
}
