import { and, asc, count, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing } from "../../platform/db/paging.js";
import { buildings } from "./buildings.table.js";

export type BuildingRow = typeof buildings.$inferSelect;
type BuildingKey = { companyId: string; id: string };

// Written out in full: inside a subquery Drizzle would render the outer columns unqualified.
const unitCount = sql<number>`(select count(*)::int from units u where u.company_id = buildings.company_id and u.building_id = buildings.id)`;

/**
 * The company's buildings with their unit counts, by name, matching `q` on name or address; `scope` is
 * the filter of the buildings the actor covers. As the two queries of pageOf().
 */
export function buildingPage(tx: Tx, p: { companyId: string; scope: SQL | undefined; q?: string }) {
  const conditions: SQL[] = [eq(buildings.companyId, p.companyId)];
  if (p.scope) conditions.push(p.scope);
  if (p.q) conditions.push(ilike(sql`${buildings.name} || ' ' || ${buildings.address}`, containing(p.q)));
  const where = and(...conditions);
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select({ b: buildings, unitCount })
        .from(buildings)
        .where(where)
        .orderBy(asc(buildings.name))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(buildings).where(where),
  };
}

export async function findBuilding(tx: Tx, p: BuildingKey) {
  const [row] = await tx
    .select({ b: buildings, unitCount })
    .from(buildings)
    .where(and(eq(buildings.companyId, p.companyId), eq(buildings.id, p.id)));
  return row ? { ...row.b, unitCount: row.unitCount } : null;
}

export async function insertBuilding(tx: Tx, values: typeof buildings.$inferInsert): Promise<BuildingRow> {
  return insertOne(tx.insert(buildings).values(values).returning());
}

export async function updateBuildingRow(
  tx: Tx,
  p: BuildingKey,
  set: Partial<Pick<BuildingRow, "name" | "address" | "blocks">>,
) {
  const [row] = await tx
    .update(buildings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(buildings.companyId, p.companyId), eq(buildings.id, p.id)))
    .returning();
  return row ?? null;
}

export async function deleteBuildingRow(tx: Tx, p: BuildingKey): Promise<void> {
  await tx.delete(buildings).where(and(eq(buildings.companyId, p.companyId), eq(buildings.id, p.id)));
}

export async function buildingIdsAmong(tx: Tx, p: { companyId: string; ids: readonly string[] }) {
  if (p.ids.length === 0) return [];
  const rows = await tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.companyId, p.companyId), inArray(buildings.id, [...p.ids])));
  return rows.map((r) => r.id);
}
