import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CompanyRole, Page, PageQuery, StaffRole } from "../../../contracts/common.js";
import type { InvitationBody, StaffMember, StaffPatch } from "../../../contracts/organisation.js";
import { audit, diff } from "../../platform/audit/audit.service.js";
import type { Actor } from "../../platform/authz/actor.js";
import { STAFF_ROLES } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { maskedContactsOf } from "../accounts/accounts.service.js";
import { accounts } from "../accounts/accounts.table.js";
import { existingBuildingIds } from "../buildings/buildings.service.js";
import { createInvitation } from "./invitations.service.js";
import { invitations, memberships } from "./memberships.table.js";
import "./staff.policy.js";

type MembershipRow = typeof memberships.$inferSelect;
const staffRole = inArray(memberships.role, [...STAFF_ROLES]);

function toStaff(ctx: Ctx, { m, a }: { m: MembershipRow; a: typeof accounts.$inferSelect }): StaffMember {
  const masked = maskedContactsOf(ctx.platform, a);
  return {
    id: m.id,
    accountId: a.id,
    displayName: a.displayName,
    contact: masked.email ?? masked.phone,
    role: m.role as StaffRole,
    buildingIds: m.buildingIds,
    status: m.status as "active" | "disabled",
    createdAt: m.createdAt.toISOString(),
  };
}

export async function listStaff(ctx: Ctx, q: PageQuery): Promise<Page<StaffMember>> {
  const conditions: SQL[] = [eq(memberships.companyId, ctx.companyId), staffRole];
  if (q.q) conditions.push(ilike(accounts.displayName, containing(q.q)));
  const where = and(...conditions);
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select({ m: memberships, a: accounts })
          .from(memberships)
          .innerJoin(accounts, eq(accounts.id, memberships.accountId))
          .where(where)
          .orderBy(asc(accounts.displayName), asc(memberships.role))
          .limit(limit)
          .offset(offset),
      total: ctx.tx
        .select({ n: count() })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(where),
    },
    (r) => toStaff(ctx, r),
  );
}

async function assertBuildings(ctx: Ctx, ids: readonly string[]) {
  const found = await existingBuildingIds(ctx, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length) throw errors.rule("BUILDING_NOT_IN_COMPANY", { buildingIds: missing });
}

export async function inviteStaff(ctx: Ctx, body: z.infer<typeof InvitationBody>) {
  await assertBuildings(ctx, body.buildingIds);
  return createInvitation(ctx, body);
}

/**
 * Changes a staff member's role, buildings or status. Nobody changes their own membership, and the
 * company always keeps one active admin.
 */
export async function updateStaff(
  ctx: Ctx,
  id: string,
  patch: z.infer<typeof StaffPatch>,
): Promise<StaffMember> {
  const [before] = await ctx.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.companyId, ctx.companyId), eq(memberships.id, id), staffRole))
    .for("update");
  if (!before) throw errors.notFound("membership");
  if (before.id === ctx.actor.membershipId) throw errors.rule("CANNOT_CHANGE_SELF");
  if (patch.buildingIds) await assertBuildings(ctx, patch.buildingIds);
  const losesAdmin =
    before.role === "company_admin" &&
    ((patch.role !== undefined && patch.role !== "company_admin") || patch.status === "disabled");
  if (losesAdmin) await assertAnotherAdmin(ctx, before);

  const [after] = await ctx.tx
    .update(memberships)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(memberships.companyId, ctx.companyId), eq(memberships.id, id)))
    .returning();
  if (!after) throw errors.notFound("membership");
  const pick = (m: MembershipRow) => ({ role: m.role, buildingIds: m.buildingIds, status: m.status });
  await audit(ctx, {
    action: "staff.update",
    entity: "membership",
    entityId: id,
    changes: diff(pick(before), pick(after)),
  });
  ctx.platform.forgetSessions();
  return getStaffMember(ctx, id);
}

async function assertAnotherAdmin(ctx: Ctx, except: MembershipRow) {
  const [other] = await ctx.tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, ctx.companyId),
        eq(memberships.role, "company_admin"),
        eq(memberships.status, "active"),
        ne(memberships.id, except.id),
      ),
    );
  if (!other || other.n === 0) throw errors.rule("LAST_ADMIN");
}

async function getStaffMember(ctx: Ctx, id: string): Promise<StaffMember> {
  const [row] = await ctx.tx
    .select({ m: memberships, a: accounts })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.companyId, ctx.companyId), eq(memberships.id, id)));
  if (!row) throw errors.notFound("membership");
  return toStaff(ctx, row);
}

/** Accounts holding one of these roles in the company now (active memberships). */
export async function accountsWithRoles(ctx: Ctx, roles: readonly string[]): Promise<string[]> {
  const rows = await ctx.tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, ctx.companyId),
        inArray(memberships.role, [...roles]),
        eq(memberships.status, "active"),
      ),
    );
  return rows.map((r) => r.accountId);
}

/**
 * Who queued a task, as their membership stands now (a background task re-checks its requester, see
 * TaskQueue.perform); null once the membership or the account is disabled or gone.
 */
export async function currentActor(tx: Tx, companyId: string, queuedAs: Actor): Promise<Actor | null> {
  if (!queuedAs.membershipId) return queuedAs;
  const [row] = await tx
    .select({ m: memberships })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.companyId, companyId),
        eq(memberships.id, queuedAs.membershipId),
        eq(memberships.status, "active"),
        eq(accounts.status, "active"),
      ),
    );
  if (!row) return null;
  return {
    ...queuedAs,
    accountId: row.m.accountId,
    role: row.m.role as CompanyRole,
    buildingIds: row.m.buildingIds,
    unitIds: row.m.unitIds,
  };
}

/**
 * An erased resident's role in the company and every invitation that named them go: the invitation's
 * contact is encrypted with the system key, which erasure cannot shred, so the row itself must go.
 */
export async function forgetResidentAccess(
  ctx: Ctx,
  residentId: string,
  accountId: string | null,
): Promise<void> {
  await ctx.tx
    .delete(invitations)
    .where(
      and(
        eq(invitations.companyId, ctx.companyId),
        accountId
          ? or(eq(invitations.residentId, residentId), eq(invitations.acceptedAccountId, accountId))
          : eq(invitations.residentId, residentId),
      ),
    );
  if (accountId) {
    await ctx.tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.companyId, ctx.companyId),
          eq(memberships.accountId, accountId),
          eq(memberships.role, "resident"),
        ),
      );
  }
}
