import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
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
      .innerJoin(units, memberUnit)
      .where(and(eq(householdMembers.companyId, companyId), ilike(units.code, containing(m.unitCode)))),
  );
  return "name" in m ? (or(ilike(residents.nameSearch, containing(m.name)), byUnit) as SQL) : byUnit;
}

/**
 * Residents living now in the company's units (of one building, and within `buildingScope`, a filter on
 * `units`), matching a search term, by name; as the two queries of pageOf().
 */
export function residentPage(
  tx: Tx,
  p: { companyId: string; buildingId?: string; buildingScope: SQL | undefined; match?: ResidentMatch },
) {
  const memberUnits = tx
    .select({ residentId: householdMembers.residentId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, p.companyId),
        isNull(householdMembers.movedOutOn),
        p.buildingId ? eq(units.buildingId, p.buildingId) : undefined,
        p.buildingScope,
      ),
    );
  const conditions: SQL[] = [eq(residents.companyId, p.companyId), inArray(residents.id, memberUnits)];
  if (p.match) conditions.push(matching(tx, p.companyId, p.match));
  const where = and(...conditions);
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select()
        .from(residents)
        .where(where)
        .orderBy(asc(residents.nameSearch), desc(residents.createdAt))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(residents).where(where),
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
