import { and, asc, count, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  Amenity,
  AmenityBody,
  AmenityListQuery,
  AmenityPatch,
  SlotList,
} from "../../../contracts/amenities.js";
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
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { loadBuilding } from "../buildings/index.js";
import { buildingsOfUnits, unitRef } from "../registry/index.js";
import { amenityPolicy } from "./amenities.policy.js";
import { amenities, amenityClosures, bookings } from "./amenities.table.js";
import { slotsOn } from "./slots.js";

export type AmenityRow = typeof amenities.$inferSelect;
const NO_UNIT = "00000000-0000-0000-0000-000000000000";

const byId = (ctx: Ctx, id: string) => and(eq(amenities.companyId, ctx.companyId), eq(amenities.id, id));

export const amenityView = (ctx: Ctx, a: AmenityRow): z.infer<typeof Amenity> => ({
  id: a.id,
  buildingId: a.buildingId,
  name: a.name,
  kind: a.kind as z.infer<typeof Amenity>["kind"],
  rules: a.rules,
  opensAt: a.opensAt,
  closesAt: a.closesAt,
  slotMinutes: a.slotMinutes,
  slotCapacity: a.slotCapacity,
  fee: a.fee,
  deposit: a.deposit,
  monthlyLimit: a.monthlyLimit,
  bookers: a.bookers as z.infer<typeof Amenity>["bookers"],
  advanceDays: a.advanceDays,
  cancelHours: a.cancelHours,
  active: a.active,
  can: abilitiesOf(ctx.actor, amenityPolicy, a),
});

/** Loads an amenity the actor may see (a resident: one of their buildings'). */
export async function loadAmenity(ctx: Ctx, id: string): Promise<AmenityRow> {
  const [row] = await ctx.tx.select().from(amenities).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(amenityPolicy, row));
  if (
    ctx.actor.role === "resident" &&
    !(await buildingsOfUnits(ctx, ctx.actor.unitIds)).includes(row.buildingId)
  )
    throw errors.notFound("resource");
  return row;
}

function assertHours(a: { opensAt: string; closesAt: string; slotMinutes: number }) {
  if (slotsOn(a, "2026-01-01").length === 0) throw errors.validation({ closesAt: "AMENITY_HOURS" });
}

export async function listAmenities(ctx: Ctx, q: z.infer<typeof AmenityListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", amenityPolicy);
  const resident = ctx.actor.role === "resident";
  if (resident && q.unitId && !ctx.actor.unitIds.includes(q.unitId)) throw errors.notFound("unit");
  const unitBuilding = q.unitId ? (await unitRef(ctx, q.unitId)).buildingId : undefined;
  const where = and(
    eq(amenities.companyId, ctx.companyId),
    resident
      ? inArray(amenities.buildingId, [...(await buildingsOfUnits(ctx, ctx.actor.unitIds)), NO_UNIT])
      : undefined,
    resident ? eq(amenities.active, true) : buildingScope(amenities.buildingId)(ctx.actor),
    q.buildingId ? eq(amenities.buildingId, q.buildingId) : undefined,
    unitBuilding ? eq(amenities.buildingId, unitBuilding) : undefined,
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(amenities)
          .where(where)
          .orderBy(asc(amenities.name), asc(amenities.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(amenities).where(where),
    },
    (a) => amenityView(ctx, a),
  );
}

export async function getAmenity(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return amenityView(ctx, await loadAmenity(ctx, id));
}

export async function createAmenity(ctx: Ctx, body: z.infer<typeof AmenityBody>) {
  const building = await loadBuilding(ctx, body.buildingId);
  authorizeVisible(ctx.actor, "update", subject(amenityPolicy, { buildingId: building.id }));
  assertHours(body);
  const row = await insertOne(
    ctx.tx
      .insert(amenities)
      .values({ ...body, rules: body.rules ?? null, companyId: ctx.companyId })
      .returning(),
  );
  await audit(ctx, { action: "amenity.create", entity: "amenity", entityId: row.id, changes: body });
  return amenityView(ctx, row);
}

export async function updateAmenity(ctx: Ctx, id: string, patch: z.infer<typeof AmenityPatch>) {
  const before = await loadAmenity(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(amenityPolicy, before));
  assertHours({ ...before, ...patch });
  const [row] = await ctx.tx.update(amenities).set(patch).where(byId(ctx, id)).returning();
  if (!row) throw errors.notFound("resource");
  const changes = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, [before[k as keyof AmenityRow], v]]),
  );
  await audit(ctx, { action: "amenity.update", entity: "amenity", entityId: id, changes });
  return amenityView(ctx, row);
}

/** The amenity's closures over any part of [from, until) (until: none after), the earliest first. */
export function closuresBetween(ctx: Ctx, amenityId: string, from: Date, until?: Date) {
  return ctx.tx
    .select()
    .from(amenityClosures)
    .where(
      and(
        eq(amenityClosures.companyId, ctx.companyId),
        eq(amenityClosures.amenityId, amenityId),
        until ? lt(amenityClosures.from, until) : undefined,
        gt(amenityClosures.until, from),
      ),
    )
    .orderBy(asc(amenityClosures.from));
}

/**
 * A day's slots: what each still takes, its waitlist, and the asking household's own booking of it. A slot
 * is `too_far` beyond the amenity's booking horizon, `past` once started, `closed` in a closure.
 */
export async function daySlots(ctx: Ctx, amenityId: string, date: string): Promise<z.infer<typeof SlotList>> {
  nothingToAudit(ctx);
  const amenity = await loadAmenity(ctx, amenityId);
  const slots = slotsOn(amenity, date);
  const first = slots[0];
  const last = slots.at(-1);
  if (!first || !last) return { date, items: [] };
  const [taken, closures] = await Promise.all([
    ctx.tx
      .select({
        startsAt: bookings.startsAt,
        held: sql<number>`count(*) filter (where ${bookings.status} in ('booked', 'checked_in'))::int`,
        waiting: sql<number>`count(*) filter (where ${bookings.status} = 'waiting')::int`,
        mine: sql<string | null>`max(case when ${bookings.unitId} in ${unitIdsOrNone(ctx.actor)}
                                      and ${bookings.status} <> 'cancelled' then ${bookings.status} end)`,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.companyId, ctx.companyId),
          eq(bookings.amenityId, amenityId),
          sql`${bookings.startsAt} >= ${first.startsAt} and ${bookings.startsAt} <= ${last.startsAt}`,
          sql`${bookings.status} <> 'cancelled'`,
        ),
      )
      .groupBy(bookings.startsAt),
    closuresBetween(ctx, amenityId, first.startsAt, last.endsAt),
  ]);
  const byStart = new Map(taken.map((t) => [new Date(t.startsAt).getTime(), t]));
  const now = Date.now();
  const horizon = now + amenity.advanceDays * 24 * 3600_000;
  return {
    date,
    items: slots.map((s) => {
      const t = byStart.get(s.startsAt.getTime());
      const free = Math.max(0, amenity.slotCapacity - (t?.held ?? 0));
      const closed = closures.some((c) => c.from < s.endsAt && c.until > s.startsAt);
      const state = closed
        ? "closed"
        : s.startsAt.getTime() <= now
          ? "past"
          : s.startsAt.getTime() > horizon
            ? "too_far"
            : free === 0
              ? "full"
              : "open";
      const mine = t?.mine === "waiting" ? "waiting" : t?.mine ? "booked" : null;
      return {
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        free,
        waiting: t?.waiting ?? 0,
        state,
        mine,
      };
    }),
  };
}
