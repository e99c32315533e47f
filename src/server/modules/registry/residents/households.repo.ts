import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { accessCards, householdMembers, memberResident, residents } from "./residents.table.js";

type UnitKey = { companyId: string; unitId: string };

/** Which current member: by their membership, their registry record, or their app account. */
type MemberBy = { memberId: string } | { residentId: string } | { accountId: string };

const memberIs = (by: MemberBy): SQL =>
  "memberId" in by
    ? eq(householdMembers.id, by.memberId)
    : "residentId" in by
      ? eq(householdMembers.residentId, by.residentId)
      : eq(residents.accountId, by.accountId);

/** A current member of the unit's household with their registry record, or null. */
export async function currentMember(tx: Tx, p: UnitKey & { by: MemberBy }) {
  const [row] = await tx
    .select({ m: householdMembers, r: residents })
    .from(householdMembers)
    .innerJoin(residents, memberResident)
    .where(
      and(
        eq(householdMembers.companyId, p.companyId),
        eq(householdMembers.unitId, p.unitId),
        isNull(householdMembers.movedOutOn),
        memberIs(p.by),
      ),
    );
  return row ?? null;
}

/**
 * Everyone who belongs or belonged to the unit's household: current members first, then the owner, tenants and
 * members, each by name.
 */
export function householdOf(tx: Tx, p: UnitKey) {
  return tx
    .select({ m: householdMembers, r: residents })
    .from(householdMembers)
    .innerJoin(residents, memberResident)
    .where(and(eq(householdMembers.companyId, p.companyId), eq(householdMembers.unitId, p.unitId)))
    .orderBy(
      sql`${householdMembers.movedOutOn} is not null`,
      sql`case ${householdMembers.role} when 'owner' then 0 when 'tenant' then 1 else 2 end`,
      asc(residents.fullName),
    );
}

export async function insertMember(tx: Tx, values: typeof householdMembers.$inferInsert) {
  return insertOne(tx.insert(householdMembers).values(values).returning());
}

/** Ends a current member's stay; null when there is no such current member. */
export async function endStay(tx: Tx, p: UnitKey & { memberId: string; on: string }) {
  const [row] = await tx
    .update(householdMembers)
    .set({ movedOutOn: p.on })
    .where(
      and(
        eq(householdMembers.companyId, p.companyId),
        eq(householdMembers.unitId, p.unitId),
        eq(householdMembers.id, p.memberId),
        isNull(householdMembers.movedOutOn),
      ),
    )
    .returning();
  return row ?? null;
}

/** Deactivates a person's active cards for a unit; answers how many. */
export async function deactivateCards(tx: Tx, p: UnitKey & { residentId: string; on: string }) {
  const cards = await tx
    .update(accessCards)
    .set({ deactivatedOn: p.on })
    .where(
      and(
        eq(accessCards.companyId, p.companyId),
        eq(accessCards.unitId, p.unitId),
        eq(accessCards.residentId, p.residentId),
        isNull(accessCards.deactivatedOn),
      ),
    )
    .returning({ id: accessCards.id });
  return cards.length;
}

export async function setRelation(
  tx: Tx,
  p: { companyId: string; memberId: string; relation: string | null },
) {
  await tx
    .update(householdMembers)
    .set({ relation: p.relation })
    .where(and(eq(householdMembers.companyId, p.companyId), eq(householdMembers.id, p.memberId)));
}
