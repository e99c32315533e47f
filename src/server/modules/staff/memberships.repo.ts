import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { STAFF_ROLES } from "../../platform/authz/can.js";
import type { Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing } from "../../platform/db/paging.js";
import { FOLD_FROM, FOLD_TO, searchText } from "../../platform/i18n/search.js";
import { accountNames } from "../accounts/index.js";
import { memberships } from "./memberships.table.js";

export type MembershipRow = typeof memberships.$inferSelect;

const staffRole = inArray(memberships.role, [...STAFF_ROLES]);

/** Staff memberships with the person's name, by name, as the two queries of pageOf(). */
export function staffPage(tx: Tx, p: { companyId: string; q?: string }) {
  const names = accountNames(tx);
  const conditions: SQL[] = [eq(memberships.companyId, p.companyId), staffRole];
  if (p.q) conditions.push(ilike(names.displayName, containing(p.q)));
  const where = and(...conditions);
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select({ m: memberships, displayName: names.displayName })
        .from(memberships)
        .innerJoin(names, eq(names.id, memberships.accountId))
        .where(where)
        .orderBy(asc(names.displayName), asc(memberships.role))
        .limit(limit)
        .offset(offset),
    total: tx
      .select({ n: count() })
      .from(memberships)
      .innerJoin(names, eq(names.id, memberships.accountId))
      .where(where),
  };
}

/** One membership with the person's name. */
export async function membershipWithName(tx: Tx, p: { companyId: string; id: string }) {
  const names = accountNames(tx);
  const [row] = await tx
    .select({ m: memberships, displayName: names.displayName })
    .from(memberships)
    .innerJoin(names, eq(names.id, memberships.accountId))
    .where(and(eq(memberships.companyId, p.companyId), eq(memberships.id, p.id)));
  return row ?? null;
}

/** A staff membership, locked for a change. */
export async function lockStaffMembership(tx: Tx, p: { companyId: string; id: string }) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.companyId, p.companyId), eq(memberships.id, p.id), staffRole))
    .for("update");
  return row ?? null;
}

export async function updateMembership(
  tx: Tx,
  p: { companyId: string; id: string },
  set: Partial<Pick<MembershipRow, "role" | "buildingIds" | "status">>,
) {
  const [row] = await tx
    .update(memberships)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(memberships.companyId, p.companyId), eq(memberships.id, p.id)))
    .returning();
  return row ?? null;
}

/** How many active admins the company has besides one membership. */
export async function otherActiveAdmins(tx: Tx, p: { companyId: string; except: string }): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, p.companyId),
        eq(memberships.role, "company_admin"),
        eq(memberships.status, "active"),
        ne(memberships.id, p.except),
      ),
    );
  return row?.n ?? 0;
}

/** A membership, if it is active. */
export async function activeMembership(tx: Tx, p: { companyId: string; id: string }) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(
      and(eq(memberships.companyId, p.companyId), eq(memberships.id, p.id), eq(memberships.status, "active")),
    );
  return row ?? null;
}

export async function activeAccountsWithRoles(
  tx: Tx,
  p: { companyId: string; roles: readonly string[]; buildingId?: string },
) {
  const rows = await tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, p.companyId),
        inArray(memberships.role, [...p.roles]),
        eq(memberships.status, "active"),
        // A membership without buildings covers every building of the company.
        p.buildingId
          ? sql`(cardinality(${memberships.buildingIds}) = 0 or ${p.buildingId}::uuid = any(${memberships.buildingIds}))`
          : undefined,
      ),
    );
  return rows.map((r) => r.accountId);
}

/**
 * Gives an account a role (or re-activates it), adding the invitation's buildings and units to those it
 * already covers.
 */
export async function upsertMembership(
  tx: Tx,
  values: Pick<MembershipRow, "companyId" | "accountId" | "role" | "buildingIds" | "unitIds">,
): Promise<MembershipRow> {
  return insertOne(
    tx
      .insert(memberships)
      .values(values)
      .onConflictDoUpdate({
        target: [memberships.companyId, memberships.accountId, memberships.role],
        set: {
          status: "active",
          buildingIds: sql`array(select distinct unnest(${memberships.buildingIds} || excluded.building_ids))`,
          unitIds: sql`array(select distinct unnest(${memberships.unitIds} || excluded.unit_ids))`,
          updatedAt: new Date(),
        },
      })
      .returning(),
  );
}

export async function deleteResidentMembership(tx: Tx, p: { companyId: string; accountId: string }) {
  await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.companyId, p.companyId),
        eq(memberships.accountId, p.accountId),
        eq(memberships.role, "resident"),
      ),
    );
}

/**
 * The company's people (staff and residents with an account, any membership status) whose name contains the
 * text, with or without its diacritics, or whose account is one of `accountIds` (found by exact contact),
 * with their roles in the company; at most `limit`, by name.
 */
export async function peopleMatching(
  tx: Tx,
  p: { companyId: string; text: string; accountIds: string[]; limit: number },
) {
  const names = accountNames(tx);
  const folded = sql`lower(translate(${names.displayName}, ${FOLD_FROM}, ${FOLD_TO}))`;
  const byName = sql`${folded} like ${containing(searchText(p.text))}`;
  return tx
    .select({
      accountId: memberships.accountId,
      displayName: names.displayName,
      roles: sql<string[]>`array_agg(distinct ${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .innerJoin(names, eq(names.id, memberships.accountId))
    .where(
      and(
        eq(memberships.companyId, p.companyId),
        p.accountIds.length ? or(byName, inArray(memberships.accountId, p.accountIds)) : byName,
      ),
    )
    .groupBy(memberships.accountId, names.displayName)
    .orderBy(asc(names.displayName), asc(memberships.accountId))
    .limit(p.limit);
}
