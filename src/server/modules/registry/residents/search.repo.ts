import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/client.js";
import { containing } from "../../../platform/db/paging.js";
import { units } from "../units/units.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import { householdMembers, memberUnit, residents } from "./residents.table.js";

/** What a search term was recognised as: blind indexes are computed by the caller, which holds the keys. */
export type ResidentMatch =
  | { phoneBidx: string }
  | { emailBidx: string }
  | { plateBidx: string }
  | { unitCode: string }
  | { name: string; unitCode: string };

/**
 * `household_members.unit_id` among the company's units that pass `filter`, as `unit_id = any(array(…))`: the
 * units are listed once (an init plan) and the memberships then found through their (unit, resident) index.
 * A join to units instead left the plan to the tables' statistics, which PGlite never gathers by itself (it
 * has no autovacuum): without them the planner took both tables for one row each and scanned every unit for
 * every membership of every resident — 2.5–4.8 s for the demo's 323 residents.
 */
function memberOfUnits(tx: Tx, companyId: string, filter: SQL | undefined): SQL {
  const ids = tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.companyId, companyId), filter));
  return sql`${householdMembers.unitId} = any(array(${ids}))`;
}

/** Whether the membership's unit (probed by its key) passes `filter`; OFFSET keeps it a probe. */
function unitOf(tx: Tx, filter: SQL): SQL {
  return sql`exists (${tx
    .select({ one: sql`1` })
    .from(units)
    .where(
      and(eq(units.companyId, householdMembers.companyId), eq(units.id, householdMembers.unitId), filter),
    )} offset 0)`;
}

function matching(tx: Tx, companyId: string, m: ResidentMatch): SQL {
  if ("phoneBidx" in m) return eq(residents.phoneBidx, m.phoneBidx);
  if ("emailBidx" in m) return eq(residents.emailBidx, m.emailBidx);
  if ("plateBidx" in m) {
    return inArray(
      residents.id,
      tx
        .select({ residentId: vehicles.residentId })
        .from(vehicles)
        .where(and(eq(vehicles.companyId, companyId), eq(vehicles.plateBidx, m.plateBidx))),
    );
  }
  const byUnit = inArray(
    residents.id,
    tx
      .select({ residentId: householdMembers.residentId })
      .from(householdMembers)
      .where(
        and(
          eq(householdMembers.companyId, companyId),
          memberOfUnits(tx, companyId, ilike(units.code, containing(m.unitCode))),
        ),
      ),
  );
  return "name" in m ? (or(ilike(residents.nameSearch, containing(m.name)), byUnit) as SQL) : byUnit;
}

/**
 * Residents living now in the company's units (of one building, and within `buildingScope`, a filter on
 * `units`), matching a search term, by name; as the two queries of pageOf().
 *
 * The page is read in the order of the `residents_name` index (name, newest first, id), so a page stops the
 * scan once it is full; only its rows are decrypted and mapped by the caller. Whether a resident lives in
 * the actor's units is answered without a join whose order the planner would choose on statistics PGlite may
 * not have (it has no autovacuum: without them the demo's 323 residents took 2.5–4.8 s):
 * - company-wide, or for an exact look-up (one or two rows), by probing each resident's current memberships
 *   by id (`household_members_current`, and the unit by its key); the OFFSET keeps the planner from turning
 *   the probe into a join;
 * - otherwise within some buildings, against the set of their residents, hashed once from the buildings'
 *   units (`IS TRUE` keeps it a hashed subplan rather than a join): a building whose residents' names all
 *   sort last would otherwise have the whole company probed before its first page is full.
 * The total is counted up to `countUpTo` (+1, to know there are more), on the memberships alone when the list
 * is not searched.
 */
export function residentPage(
  tx: Tx,
  p: {
    companyId: string;
    buildingId?: string;
    buildingScope: SQL | undefined;
    match?: ResidentMatch;
    countUpTo: number;
  },
) {
  const unitFilter =
    p.buildingId || p.buildingScope
      ? and(p.buildingId ? eq(units.buildingId, p.buildingId) : undefined, p.buildingScope)
      : undefined;
  const living = and(
    eq(householdMembers.companyId, p.companyId),
    isNull(householdMembers.movedOutOn),
    unitFilter ? memberOfUnits(tx, p.companyId, unitFilter) : undefined,
  );
  const exact = p.match && ("phoneBidx" in p.match || "emailBidx" in p.match || "plateBidx" in p.match);
  const livesHere =
    unitFilter && !exact
      ? sql`(${residents.id} in (${tx
          .select({ id: householdMembers.residentId })
          .from(householdMembers)
          .where(living)})) is true`
      : sql`exists (${tx
          .select({ one: sql`1` })
          .from(householdMembers)
          .where(
            and(
              eq(householdMembers.companyId, residents.companyId),
              eq(householdMembers.residentId, residents.id),
              isNull(householdMembers.movedOutOn),
              unitFilter ? unitOf(tx, unitFilter) : undefined,
            ),
          )} offset 0)`;
  const conditions: SQL[] = [eq(residents.companyId, p.companyId), livesHere];
  if (p.match) conditions.push(matching(tx, p.companyId, p.match));
  const where = and(...conditions);
  const counted = p.match
    ? tx
        .select({ one: sql`1` })
        .from(residents)
        .where(where)
        .limit(p.countUpTo + 1)
        .as("counted")
    : tx
        .selectDistinct({ id: householdMembers.residentId })
        .from(householdMembers)
        .where(living)
        .limit(p.countUpTo + 1)
        .as("counted");
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select()
        .from(residents)
        .where(where)
        .orderBy(asc(residents.nameSearch), desc(residents.createdAt), asc(residents.id))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(counted),
  };
}

/** The units some residents live in now, with their role there. */
export async function currentHomes(tx: Tx, p: { companyId: string; residentIds: string[] }) {
  if (p.residentIds.length === 0) return [];
  return tx
    .select({
      residentId: householdMembers.residentId,
      unitId: units.id,
      buildingId: units.buildingId,
      code: units.code,
      role: householdMembers.role,
    })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, p.companyId),
        inArray(householdMembers.residentId, p.residentIds),
        isNull(householdMembers.movedOutOn),
      ),
    );
}
