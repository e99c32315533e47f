import { and, count, desc, eq, gt, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing } from "../../platform/db/paging.js";
import { invitations } from "./memberships.table.js";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** The states of invitationStatus() (invitations.service.ts), as SQL. */
const statusCondition: Record<InvitationStatus, () => SQL> = {
  revoked: () => sql`${invitations.revokedAt} is not null`,
  accepted: () => sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is not null`,
  expired: () =>
    sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is null and ${invitations.expiresAt} < now()`,
  pending: () =>
    sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is null and ${invitations.expiresAt} >= now()`,
};

export async function insertInvitation(
  tx: Tx,
  values: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  return insertOne(tx.insert(invitations).values(values).returning());
}

/** The company's invitations to some roles, newest first, as the two queries of pageOf(). */
export function invitationPage(
  tx: Tx,
  p: { companyId: string; roles: readonly string[]; status?: InvitationStatus; q?: string },
) {
  const conditions: SQL[] = [eq(invitations.companyId, p.companyId), inArray(invitations.role, [...p.roles])];
  if (p.status) conditions.push(statusCondition[p.status]());
  if (p.q) conditions.push(ilike(invitations.displayName, containing(p.q)));
  const where = and(...conditions);
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select()
        .from(invitations)
        .where(where)
        .orderBy(desc(invitations.createdAt))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(invitations).where(where),
  };
}

/** Some invitations of the company by id. */
export async function invitationRows(tx: Tx, p: { companyId: string; ids: readonly string[] }) {
  if (p.ids.length === 0) return [];
  return tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.companyId, p.companyId), inArray(invitations.id, [...p.ids])));
}

/** Marks an invitation revoked; null when the company has no such invitation. */
export async function revokeInvitationRow(tx: Tx, p: { companyId: string; id: string }) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.companyId, p.companyId), eq(invitations.id, p.id)))
    .returning();
  return row ?? null;
}

/** The invitation locked for its acceptance. */
export async function lockInvitation(tx: Tx, p: { companyId: string; id: string }) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.companyId, p.companyId), eq(invitations.id, p.id)))
    .for("update");
  return row ?? null;
}

export async function markInvitationAccepted(
  tx: Tx,
  p: { companyId: string; id: string; accountId: string },
) {
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedAccountId: p.accountId })
    .where(and(eq(invitations.companyId, p.companyId), eq(invitations.id, p.id)));
}

/**
 * Invitations sent to some registry records that are neither revoked nor expired: whether each was
 * accepted. What bulk invitation of residents skips.
 */
export async function liveResidentInvitations(
  tx: Tx,
  p: { companyId: string; residentIds: readonly string[] },
) {
  if (p.residentIds.length === 0) return [];
  const rows = await tx
    .select({ residentId: invitations.residentId, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.companyId, p.companyId),
        inArray(invitations.residentId, [...p.residentIds]),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return rows.flatMap((r) =>
    r.residentId ? [{ residentId: r.residentId, accepted: r.acceptedAt !== null }] : [],
  );
}

/** Deletes every invitation sent to a registry record or accepted by an account. */
export async function deleteInvitationsOf(
  tx: Tx,
  p: { companyId: string; residentId: string; accountId: string | null },
): Promise<void> {
  await tx
    .delete(invitations)
    .where(
      and(
        eq(invitations.companyId, p.companyId),
        p.accountId
          ? or(eq(invitations.residentId, p.residentId), eq(invitations.acceptedAccountId, p.accountId))
          : eq(invitations.residentId, p.residentId),
      ),
    );
}
