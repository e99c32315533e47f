import { and, asc, eq, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { deleteFilesOf, filesOf } from "../files/index.js";
import { ticketEvents, tickets } from "./tickets.table.js";

/** The tickets the person reported, with what the resident saw of them, for "my data". */
async function myTickets(ctx: Ctx, accountId: string) {
  const rows = await ctx.tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.companyId, ctx.companyId), eq(tickets.requesterId, accountId)))
    .orderBy(asc(tickets.createdAt));
  if (rows.length === 0) return [];
  const events = await ctx.tx
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.companyId, ctx.companyId),
        inArray(
          ticketEvents.ticketId,
          rows.map((t) => t.id),
        ),
        eq(ticketEvents.kind, "message"),
      ),
    )
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  const photos = await filesOf(ctx, [...rows.map((t) => t.id), ...events.map((e) => e.id)]);
  return rows.map((t) => ({
    number: t.number,
    title: t.title,
    category: t.category,
    unitCode: t.unitCode,
    status: t.status,
    openedAt: t.createdAt.toISOString(),
    description: t.description,
    photos: photos.get(t.id)?.length ?? 0,
    rating: t.rating,
    ratingComment: t.ratingComment,
    messages: events
      .filter((e) => e.ticketId === t.id)
      .map((e) => ({
        fromStaff: e.fromStaff,
        body: e.body ?? "",
        at: e.createdAt.toISOString(),
        photos: photos.get(e.id)?.length ?? 0,
      })),
  }));
}

const ERASED_TEXT = "—";

/**
 * Removes the photos of the tickets `where` picks and of their timelines; answers how many tickets had any.
 */
async function deleteTicketPhotos(ctx: Ctx, where: SQL) {
  const rows = await ctx.tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.companyId, ctx.companyId), where));
  if (rows.length === 0) return 0;
  const ids = rows.map((t) => t.id);
  const events = await ctx.tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.companyId, ctx.companyId), inArray(ticketEvents.ticketId, ids)));
  return deleteFilesOf(ctx, [...ids, ...events.map((e) => e.id)]);
}

/**
 * Photos of tickets closed before `cutoff` go (the privacy center's period for ticket photos); the tickets stay,
 * as the building's record of its repairs.
 */
export async function purgeTicketPhotosBefore(ctx: Ctx, cutoff: Date): Promise<number> {
  return deleteTicketPhotos(ctx, and(isNotNull(tickets.closedAt), lt(tickets.closedAt, cutoff)) as SQL);
}

/**
 * A person's tickets are partly the building's record of its repairs (the unit, the category, the times, who
 * worked on it, the rating's figure): erasure keeps those without the person — no link to them, no text they
 * wrote, no photo — and removes the messages they wrote.
 */
export const ticketsPersonalData = definePersonalData({
  fields: [],
  collect: async (ctx, owner) => ({ tickets: await myTickets(ctx, owner.accountId) }),
  erase: async (ctx, person) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const mine = eq(tickets.requesterId, person.accountId);
    await deleteTicketPhotos(ctx, mine);
    const theirs = await ctx.tx
      .update(tickets)
      .set({ requesterId: null, title: ERASED_TEXT, description: ERASED_TEXT, ratingComment: null })
      .where(and(eq(tickets.companyId, ctx.companyId), mine))
      .returning({ id: tickets.id });
    await ctx.tx
      .delete(ticketEvents)
      .where(
        and(
          eq(ticketEvents.companyId, ctx.companyId),
          eq(ticketEvents.authorId, person.accountId),
          eq(ticketEvents.fromStaff, false),
        ),
      );
    return { erased: [], tables: ["tickets", "ticket_events", "files"], counts: { tickets: theirs.length } };
  },
});
