import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { units } from "../units/units.table.js";
import { householdMembers, memberUnit, residents } from "./residents.table.js";

type ResidentKey = { companyId: string; id: string };

export async function insertResident(tx: Tx, values: typeof residents.$inferInsert) {
  return insertOne(tx.insert(residents).values(values).returning());
}

export async function findResident(tx: Tx, p: ResidentKey) {
  const [row] = await tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, p.companyId), eq(residents.id, p.id)));
  return row ?? null;
}

/** Buildings of the units a resident belongs to, now or before. */
export async function residentBuildingIds(tx: Tx, p: ResidentKey): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ buildingId: units.buildingId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(and(eq(householdMembers.companyId, p.companyId), eq(householdMembers.residentId, p.id)));
  return rows.map((r) => r.buildingId);
}

export async function residentKeyRow(tx: Tx, p: ResidentKey) {
  const [row] = await tx
    .select({ dataKey: residents.dataKey })
    .from(residents)
    .where(and(eq(residents.companyId, p.companyId), eq(residents.id, p.id)));
  return row ?? null;
}

/** Writes some columns of a record and answers it as it is now; null when the company has no such record. */
export async function updateResidentRow(tx: Tx, p: ResidentKey, set: Partial<typeof residents.$inferInsert>) {
  const [row] = await tx
    .update(residents)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(residents.companyId, p.companyId), eq(residents.id, p.id)))
    .returning();
  return row ?? null;
}
