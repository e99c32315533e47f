import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  Booking,
  BookingBody,
  BookingListQuery,
  CancelBookingBody,
  DepositBody,
} from "../../../contracts/amenities.js";
import type { PageQuery } from "../../../contracts/common.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { unitIdsOrNone } from "../../platform/authz/actor.js";
import {
  abilitiesOf,
  authorize,
  authorizeVisible,
  buildingScope,
  subject,
} from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { readableCode } from "../../platform/crypto/readable-code.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { chargeUnit, withdrawCharges } from "../billing/index.js";
import { householdsOf, notifyEach } from "../notifications/index.js";
import { buildingResidents, unitRef } from "../registry/index.js";
import { amenityPolicy, bookingPolicy } from "./amenities.policy.js";
import { type AmenityRow, closuresBetween, loadAmenity } from "./amenities.service.js";
import { amenities, bookings } from "./amenities.table.js";
import { cancelledTemplate, depositTemplate, promotedTemplate } from "./amenities.templates.js";
import { dayStart, monthOf, slotAt, slotLabel, vnDate } from "./slots.js";

type Row = typeof bookings.$inferSelect;
const HOUR_MS = 3600_000;
/** Reception lets a booking in from this long before its start. */
const CHECK_IN_EARLY_MS = 30 * 60_000;
const WHO: Record<string, { roles: string[]; vi: string; en: string }> = {
  owners: { roles: ["owner"], vi: "chủ hộ", en: "owners" },
  owners_tenants: { roles: ["owner", "tenant"], vi: "chủ hộ và người thuê", en: "owners and tenants" },
};

const byId = (ctx: Ctx, id: string) => and(eq(bookings.companyId, ctx.companyId), eq(bookings.id, id));
/** The seat index's predicate, as ON CONFLICT names it (unqualified). */
const live = sql`status in ('booked', 'checked_in')`;

function bookingView(ctx: Ctx, b: Row, amenityName: string, cancelHours: number): z.infer<typeof Booking> {
  return {
    id: b.id,
    buildingId: b.buildingId,
    amenityId: b.amenityId,
    amenityName,
    unitId: b.unitId,
    unitCode: b.unitCode,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    status: b.status as z.infer<typeof Booking>["status"],
    guests: b.guests,
    note: b.note,
    fee: b.fee,
    deposit: b.deposit,
    depositStatus: b.depositStatus as z.infer<typeof Booking>["depositStatus"],
    depositNote: b.depositNote,
    code: b.code,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    cancelReason: b.cancelReason,
    freeCancelUntil: new Date(b.startsAt.getTime() - cancelHours * HOUR_MS).toISOString(),
    can: abilitiesOf(ctx.actor, bookingPolicy, b),
  };
}

function listQuery(ctx: Ctx, where: ReturnType<typeof and>, order: "asc" | "desc") {
  return {
    rows: (limit: number, offset: number) =>
      ctx.tx
        .select({ b: bookings, name: amenities.name, cancelHours: amenities.cancelHours })
        .from(bookings)
        .innerJoin(
          amenities,
          and(eq(amenities.companyId, bookings.companyId), eq(amenities.id, bookings.amenityId)),
        )
        .where(where)
        .orderBy(order === "asc" ? asc(bookings.startsAt) : desc(bookings.startsAt), asc(bookings.createdAt))
        .limit(limit)
        .offset(offset),
    total: ctx.tx.select({ n: count() }).from(bookings).where(where),
  };
}

async function load(ctx: Ctx, id: string) {
  const [found] = await listQuery(ctx, byId(ctx, id), "asc").rows(1, 0);
  if (!found) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(bookingPolicy, found.b));
  return found;
}

/** The fee and deposit of a booking that holds a slot, on the unit's fee notice of the slot's month. */
async function charge(ctx: Ctx, amenity: AmenityRow, b: Row): Promise<Partial<Row>> {
  const base = {
    buildingId: b.buildingId,
    unitId: b.unitId,
    period: vnDate(b.startsAt).slice(0, 7),
    source: "booking",
    sourceId: b.id,
  };
  const when = slotLabel(b.startsAt);
  const fee = amenity.fee
    ? await chargeUnit(ctx, {
        ...base,
        kind: "amenity_fee",
        description: `Phí ${amenity.name} ${when}`,
        amount: amenity.fee,
      })
    : null;
  const deposit = amenity.deposit
    ? await chargeUnit(ctx, {
        ...base,
        kind: "deposit",
        description: `Tiền cọc ${amenity.name} ${when}`,
        amount: amenity.deposit,
      })
    : null;
  return {
    fee: amenity.fee,
    deposit: amenity.deposit,
    feeChargeId: fee?.id ?? null,
    depositChargeId: deposit?.id ?? null,
    depositStatus: deposit ? "held" : null,
  };
}

/** "Tiền cọc Khu BBQ 18:00 20/12/2026" comes back as "Hoàn tiền cọc Khu BBQ …"; a fee as "Hoàn phí … (đã hủy)". */
const creditText = (c: { description: string; kind: string }) =>
  c.kind === "deposit"
    ? c.description.replace(/^Tiền cọc/, "Hoàn tiền cọc")
    : `${c.description.replace(/^Phí/, "Hoàn phí")} (đã hủy)`;

/** The household member may book this amenity for the unit: in its building, in the roles it admits. */
async function assertMayBook(ctx: Ctx, amenity: AmenityRow, unitId: string) {
  authorizeVisible(ctx.actor, "book", subject(amenityPolicy, { buildingId: amenity.buildingId, unitId }));
  const unit = await unitRef(ctx, unitId);
  if (unit.buildingId !== amenity.buildingId)
    throw errors.validation({ amenityId: "AMENITY_OTHER_BUILDING" });
  if (!amenity.active) throw errors.rule("AMENITY_INACTIVE");
  const who = WHO[amenity.bookers];
  if (who) {
    const admitted = await buildingResidents(ctx, amenity.buildingId, {
      unitIds: [unitId],
      roles: who.roles,
    });
    if (!admitted.some((p) => p.accountId === ctx.actor.accountId))
      throw errors.rule("BOOKING_WHO", { who: ctx.lang === "en" ? who.en : who.vi });
  }
  return unit;
}

/**
 * Books a slot for a unit. The seat is taken by the insert itself: each of the slot's seats is tried with
 * ON CONFLICT DO NOTHING against the partial unique index, so two requests for the last seat cannot both win,
 * whatever arrives at once. A full slot is refused, or (asked for) the unit joins its waitlist. The unit's
 * monthly limit is counted under a lock on the unit and amenity, so parallel requests of one household
 * cannot pass it either.
 */
export async function book(ctx: Ctx, body: z.infer<typeof BookingBody>) {
  const amenity = await loadAmenity(ctx, body.amenityId);
  const unit = await assertMayBook(ctx, amenity, body.unitId);
  const slot = slotAt(amenity, new Date(body.startsAt));
  if (!slot) throw errors.validation({ startsAt: "SLOT_NOT_FOUND" });
  const now = Date.now();
  if (slot.startsAt.getTime() <= now) throw errors.rule("SLOT_PAST");
  if (slot.startsAt.getTime() > now + amenity.advanceDays * 24 * HOUR_MS)
    throw errors.rule("SLOT_TOO_FAR", { days: amenity.advanceDays });
  const [closure] = await closuresBetween(ctx, amenity.id, slot.startsAt, slot.endsAt);
  if (closure) throw errors.rule("AMENITY_CLOSED", { reason: closure.reason });

  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking:${unit.id}:${amenity.id}`}))`);
  const mine = and(
    eq(bookings.companyId, ctx.companyId),
    eq(bookings.amenityId, amenity.id),
    eq(bookings.unitId, unit.id),
    sql`${bookings.status} <> 'cancelled'`,
  );
  const [twice] = await ctx.tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(mine, eq(bookings.startsAt, slot.startsAt)));
  if (twice) throw errors.rule("BOOKING_TWICE");
  if (amenity.monthlyLimit) {
    const { from, until } = monthOf(slot.startsAt);
    const [used] = await ctx.tx
      .select({ n: count() })
      .from(bookings)
      .where(and(mine, sql`${bookings.startsAt} >= ${from} and ${bookings.startsAt} < ${until}`));
    if ((used?.n ?? 0) >= amenity.monthlyLimit)
      throw errors.rule("BOOKING_LIMIT", { amenity: amenity.name, limit: amenity.monthlyLimit });
  }

  const values = {
    companyId: ctx.companyId,
    buildingId: amenity.buildingId,
    amenityId: amenity.id,
    unitId: unit.id,
    unitCode: unit.code,
    bookedBy: ctx.actor.accountId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    guests: body.guests,
    note: body.note ?? null,
  };
  let row: Row | undefined;
  for (let seat = 1; !row && seat <= amenity.slotCapacity; seat++)
    [row] = await ctx.tx
      .insert(bookings)
      .values({ ...values, seat, status: "booked", code: readableCode() })
      .onConflictDoNothing({
        target: [bookings.companyId, bookings.amenityId, bookings.startsAt, bookings.seat],
        where: live,
      })
      .returning();
  if (!row) {
    if (!body.waitlist) throw errors.rule("SLOT_FULL");
    [row] = await ctx.tx
      .insert(bookings)
      .values({ ...values, status: "waiting", code: readableCode() })
      .returning();
    if (!row) throw new Error("waitlist insert");
  } else {
    [row] = await ctx.tx
      .update(bookings)
      .set(await charge(ctx, amenity, row))
      .where(byId(ctx, row.id))
      .returning();
    if (!row) throw new Error("booking charge");
  }
  await audit(ctx, {
    action: row.status === "waiting" ? "booking.waitlist" : "booking.create",
    entity: "booking",
    entityId: row.id,
    changes: {
      amenity: amenity.name,
      unit: unit.code,
      startsAt: body.startsAt,
      fee: row.fee,
      deposit: row.deposit,
    },
  });
  return bookingView(ctx, row, amenity.name, amenity.cancelHours);
}

/**
 * Gives a freed seat to the slot's first household on the waitlist (the oldest request): it is charged as a
 * booking is, and told.
 */
async function promote(ctx: Ctx, amenity: AmenityRow, freed: Row) {
  if (freed.seat === null || freed.startsAt.getTime() <= Date.now()) return;
  const [next] = await ctx.tx
    .update(bookings)
    .set({ status: "booked", seat: freed.seat })
    .where(
      and(
        eq(bookings.companyId, ctx.companyId),
        eq(
          bookings.id,
          sql`(select id from bookings where company_id = ${ctx.companyId} and amenity_id = ${amenity.id}
                 and starts_at = ${freed.startsAt} and status = 'waiting'
               order by created_at, id limit 1 for update skip locked)`,
        ),
      ),
    )
    .returning();
  if (!next) return;
  await ctx.tx
    .update(bookings)
    .set(await charge(ctx, amenity, next))
    .where(byId(ctx, next.id));
  const people = await householdsOf(ctx, next.buildingId, [next.unitId]);
  await notifyEach(
    ctx,
    promotedTemplate,
    [
      {
        recipients: people.get(next.unitId) ?? [],
        data: { amenity: amenity.name, when: slotLabel(next.startsAt) },
        link: "/app/bookings",
        sourceId: next.id,
      },
    ],
    { inbox: "booking" },
  );
  await audit(ctx, {
    action: "booking.promote",
    entity: "booking",
    entityId: next.id,
    changes: { seat: next.seat },
  });
}

/**
 * Cancels a booking and frees its seat for the waitlist. The fee comes back when the household cancels before
 * the amenity's window (or the management cancels); the deposit always does. Returns the cancelled row.
 */
async function cancelRow(
  ctx: Ctx,
  amenity: AmenityRow,
  b: Row,
  reason: string | null,
  byManagement: boolean,
) {
  const [done] = await ctx.tx
    .update(bookings)
    .set({
      status: "cancelled",
      seat: null,
      cancelledAt: new Date(),
      cancelReason: reason,
      depositStatus: b.depositStatus === "held" ? "refunded" : b.depositStatus,
    })
    .where(and(byId(ctx, b.id), inArray(bookings.status, ["booked", "waiting"])))
    .returning();
  if (!done) throw errors.rule("BOOKING_NOT_LIVE");
  const feeBack = byManagement || Date.now() < b.startsAt.getTime() - amenity.cancelHours * HOUR_MS;
  const back = [b.depositChargeId, feeBack ? b.feeChargeId : null].filter((id): id is string => id !== null);
  await withdrawCharges(ctx, back, creditText);
  await promote(ctx, amenity, b);
  return { done, feeBack };
}

export async function cancelBooking(ctx: Ctx, id: string, body: z.infer<typeof CancelBookingBody>) {
  const { b } = await load(ctx, id);
  authorizeVisible(ctx.actor, "cancel", subject(bookingPolicy, b));
  const amenity = await loadAmenity(ctx, b.amenityId);
  const byManagement = ctx.actor.role !== "resident";
  const { done, feeBack } = await cancelRow(ctx, amenity, b, body.reason ?? null, byManagement);
  if (byManagement) await tellCancelled(ctx, amenity, [done], body.reason ?? "");
  await audit(ctx, {
    action: "booking.cancel",
    entity: "booking",
    entityId: id,
    changes: { reason: body.reason ?? null, feeRefunded: feeBack && b.fee > 0 },
  });
  return bookingView(ctx, done, amenity.name, amenity.cancelHours);
}

async function tellCancelled(ctx: Ctx, amenity: AmenityRow, rows: Row[], reason: string) {
  if (rows.length === 0) return;
  const people = await householdsOf(
    ctx,
    amenity.buildingId,
    rows.map((r) => r.unitId),
  );
  await notifyEach(
    ctx,
    cancelledTemplate,
    rows.map((r) => ({
      recipients: people.get(r.unitId) ?? [],
      data: { amenity: amenity.name, when: slotLabel(r.startsAt), reason },
      link: "/app/bookings",
      sourceId: r.id,
    })),
    { inbox: "booking" },
  );
}

/** A closure cancels the bookings and waitlist places inside it (nothing charged); returns how many. */
export async function cancelForClosure(
  ctx: Ctx,
  amenity: AmenityRow,
  from: Date,
  until: Date,
  reason: string,
) {
  const inside = await ctx.tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.companyId, ctx.companyId),
        eq(bookings.amenityId, amenity.id),
        inArray(bookings.status, ["booked", "waiting"]),
        sql`${bookings.startsAt} < ${until} and ${bookings.endsAt} > ${from}`,
      ),
    )
    .orderBy(desc(bookings.status));
  const cancelled: Row[] = [];
  // Waitlist places first ('waiting' sorts after 'booked' descending), so none is promoted into the closure.
  for (const b of inside) cancelled.push((await cancelRow(ctx, amenity, b, reason, true)).done);
  await tellCancelled(ctx, amenity, cancelled, reason);
  return cancelled.length;
}

/** The booking whose code reception scanned or typed, in the buildings it covers. */
export async function bookingByCode(ctx: Ctx, code: string) {
  authorize(ctx.actor, "desk", bookingPolicy);
  const [found] = await listQuery(
    ctx,
    and(
      eq(bookings.companyId, ctx.companyId),
      eq(bookings.code, code.toUpperCase()),
      buildingScope(bookings.buildingId)(ctx.actor),
    ),
    "asc",
  ).rows(1, 0);
  return found ? bookingView(ctx, found.b, found.name, found.cancelHours) : undefined;
}

/** Reception lets the household in: from 30 minutes before the slot until its end, once. */
export async function checkIn(ctx: Ctx, id: string) {
  const { b, name, cancelHours } = await load(ctx, id);
  authorizeVisible(ctx.actor, "checkIn", subject(bookingPolicy, { ...b, status: "booked" }));
  if (b.status !== "booked") throw errors.rule("BOOKING_NOT_LIVE");
  const now = Date.now();
  if (now < b.startsAt.getTime() - CHECK_IN_EARLY_MS || now >= b.endsAt.getTime())
    throw errors.rule("BOOKING_CHECK_IN_TIME");
  const [done] = await ctx.tx
    .update(bookings)
    .set({ status: "checked_in", checkedInAt: new Date() })
    .where(and(byId(ctx, id), eq(bookings.status, "booked")))
    .returning();
  if (!done) throw errors.rule("BOOKING_NOT_LIVE");
  await audit(ctx, { action: "booking.check_in", entity: "booking", entityId: id, changes: {} });
  return bookingView(ctx, done, name, cancelHours);
}

/** Once the slot is over, a manager gives the deposit back (a credit on the next notice) or keeps it, saying why. */
export async function settleDeposit(ctx: Ctx, id: string, body: z.infer<typeof DepositBody>) {
  const { b, name, cancelHours } = await load(ctx, id);
  authorizeVisible(ctx.actor, "settleDeposit", subject(bookingPolicy, b));
  if (b.depositStatus !== "held" || !b.depositChargeId) throw errors.rule("DEPOSIT_NOT_HELD");
  if (b.endsAt.getTime() > Date.now()) throw errors.rule("DEPOSIT_TOO_EARLY");
  const reason = body.outcome === "keep" ? body.reason : null;
  const [done] = await ctx.tx
    .update(bookings)
    .set({ depositStatus: body.outcome === "refund" ? "refunded" : "kept", depositNote: reason })
    .where(and(byId(ctx, id), eq(bookings.depositStatus, "held")))
    .returning();
  if (!done) throw errors.rule("DEPOSIT_NOT_HELD");
  if (body.outcome === "refund") await withdrawCharges(ctx, [b.depositChargeId], creditText);
  const people = await householdsOf(ctx, b.buildingId, [b.unitId]);
  await notifyEach(
    ctx,
    depositTemplate,
    [
      {
        recipients: people.get(b.unitId) ?? [],
        data: { amenity: name, when: slotLabel(b.startsAt), outcome: body.outcome, reason: reason ?? "" },
        link: "/app/bookings",
        sourceId: id,
      },
    ],
    { inbox: "booking" },
  );
  await audit(ctx, {
    action: body.outcome === "refund" ? "booking.deposit_refund" : "booking.deposit_keep",
    entity: "booking",
    entityId: id,
    changes: { deposit: b.deposit, reason },
  });
  return bookingView(ctx, done, name, cancelHours);
}

/** The desk's list: the bookings of the buildings it covers, by day, amenity and status. */
export async function listBookings(ctx: Ctx, q: z.infer<typeof BookingListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "desk", bookingPolicy);
  const where = and(
    eq(bookings.companyId, ctx.companyId),
    buildingScope(bookings.buildingId)(ctx.actor),
    q.buildingId ? eq(bookings.buildingId, q.buildingId) : undefined,
    q.amenityId ? eq(bookings.amenityId, q.amenityId) : undefined,
    q.status ? eq(bookings.status, q.status) : undefined,
    q.date
      ? sql`${bookings.startsAt} >= ${dayStart(q.date)} and ${bookings.startsAt} < ${dayStart(q.date, 1)}`
      : undefined,
    q.depositHeld ? sql`${bookings.depositStatus} = 'held' and ${bookings.endsAt} <= now()` : undefined,
    q.q ? sql`${bookings.unitCode} ilike ${`%${q.q}%`}` : undefined,
  );
  return pageOf(q, listQuery(ctx, where, "asc"), (r) => bookingView(ctx, r.b, r.name, r.cancelHours));
}

/** The household's bookings: those to come first (soonest first), then the last 30 days'. */
export async function myBookings(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", bookingPolicy);
  const where = and(
    eq(bookings.companyId, ctx.companyId),
    inArray(bookings.unitId, unitIdsOrNone(ctx.actor)),
    sql`${bookings.endsAt} > now() - interval '30 days'`,
  );
  return pageOf(q, listQuery(ctx, where, "desc"), (r) => bookingView(ctx, r.b, r.name, r.cancelHours));
}
