import type { z } from "zod";
import type { CompanyRole, Page, PageQuery, StaffRole } from "../../../contracts/common.js";
import type { InvitationBody, StaffMember, StaffPatch } from "../../../contracts/organisation.js";
import { audit, diff } from "../../platform/audit/audit.service.js";
import type { Actor } from "../../platform/authz/actor.js";
import type { Ctx } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import {
  accountIdsByContactText,
  isAccountActive,
  maskedContactsByAccount,
  sessionsChanged,
} from "../accounts/index.js";
import { existingBuildingIds } from "../buildings/index.js";
import { deleteInvitationsOf } from "./invitations.repo.js";
import { createInvitation } from "./invitations.service.js";
import {
  activeAccountsWithRoles,
  activeMembership,
  deleteResidentMembership,
  lockStaffMembership,
  type MembershipRow,
  membershipWithName,
  otherActiveAdmins,
  peopleMatching,
  staffPage,
  updateMembership,
} from "./memberships.repo.js";
import "./staff.policy.js";

type StaffRow = { m: MembershipRow; displayName: string };

/** Staff members as the console lists them, with their contacts masked. */
async function toStaff(ctx: Ctx, rows: StaffRow[]): Promise<StaffMember[]> {
  const contacts = await maskedContactsByAccount(
    ctx.tx,
    ctx.platform,
    rows.map((r) => r.m.accountId),
  );
  return rows.map(({ m, displayName }) => {
    const masked = contacts.get(m.accountId);
    return {
      id: m.id,
      accountId: m.accountId,
      displayName,
      contact: masked?.email ?? masked?.phone ?? null,
      role: m.role as StaffRole,
      buildingIds: m.buildingIds,
      status: m.status as "active" | "disabled",
      createdAt: m.createdAt.toISOString(),
    };
  });
}

export async function listStaff(ctx: Ctx, q: PageQuery): Promise<Page<StaffMember>> {
  const page = await pageOf(q, staffPage(ctx.tx, { companyId: ctx.companyId, q: q.q }), (r) => r);
  return { ...page, items: await toStaff(ctx, page.items) };
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
  const before = await lockStaffMembership(ctx.tx, { companyId: ctx.companyId, id });
  if (!before) throw errors.notFound("membership");
  if (before.id === ctx.actor.membershipId) throw errors.rule("CANNOT_CHANGE_SELF");
  if (patch.buildingIds) await assertBuildings(ctx, patch.buildingIds);
  const losesAdmin =
    before.role === "company_admin" &&
    ((patch.role !== undefined && patch.role !== "company_admin") || patch.status === "disabled");
  if (losesAdmin) await assertAnotherAdmin(ctx, before);

  const after = await updateMembership(ctx.tx, { companyId: ctx.companyId, id }, patch);
  if (!after) throw errors.notFound("membership");
  const pick = (m: MembershipRow) => ({ role: m.role, buildingIds: m.buildingIds, status: m.status });
  await audit(ctx, {
    action: "staff.update",
    entity: "membership",
    entityId: id,
    changes: diff(pick(before), pick(after)),
  });
  await sessionsChanged(ctx);
  return getStaffMember(ctx, id);
}

async function assertAnotherAdmin(ctx: Ctx, except: MembershipRow) {
  if ((await otherActiveAdmins(ctx.tx, { companyId: ctx.companyId, except: except.id })) === 0)
    throw errors.rule("LAST_ADMIN");
}

async function getStaffMember(ctx: Ctx, id: string): Promise<StaffMember> {
  const row = await membershipWithName(ctx.tx, { companyId: ctx.companyId, id });
  const [member] = row ? await toStaff(ctx, [row]) : [];
  if (!member) throw errors.notFound("membership");
  return member;
}

/**
 * The company's people — staff and residents with an account — found by part of their name (diacritics or
 * not) or their exact email or phone, for a picker: name, roles in the company and contacts masked (enough
 * to tell namesakes apart, no more). Only this company's memberships are searched.
 */
export async function findPeople(ctx: Ctx, text: string, limit = 20) {
  const accountIds = await accountIdsByContactText(ctx.tx, ctx.platform, text);
  const rows = await peopleMatching(ctx.tx, { companyId: ctx.companyId, text, accountIds, limit });
  const contacts = await maskedContactsByAccount(
    ctx.tx,
    ctx.platform,
    rows.map((r) => r.accountId),
  );
  return rows.map((r) => ({
    accountId: r.accountId,
    displayName: r.displayName,
    roles: r.roles as CompanyRole[],
    email: contacts.get(r.accountId)?.email ?? null,
    phone: contacts.get(r.accountId)?.phone ?? null,
  }));
}

/**
 * Who runs a building for its residents: the company admin and customer care (company-wide) and the building's
 * managers — those who answer its residents' messages and take its tickets.
 */
export async function frontOffice(ctx: Ctx, buildingId: string): Promise<string[]> {
  const everywhere = await accountsWithRoles(ctx, ["company_admin", "customer_care"]);
  const managers = await accountsWithRoles(ctx, ["building_manager"], buildingId);
  return [...new Set([...everywhere, ...managers])];
}

/** Accounts holding one of these roles in the company now (active memberships). */
export async function accountsWithRoles(
  ctx: Ctx,
  roles: readonly string[],
  buildingId?: string,
): Promise<string[]> {
  return activeAccountsWithRoles(ctx.tx, { companyId: ctx.companyId, roles, buildingId });
}

/**
 * Who queued a task, as their membership stands now (a background task re-checks its requester, see
 * TaskQueue.perform); null once the membership or the account is disabled or gone.
 */
export async function currentActor(tx: Tx, companyId: string, queuedAs: Actor): Promise<Actor | null> {
  if (!queuedAs.membershipId) return queuedAs;
  const membership = await activeMembership(tx, { companyId, id: queuedAs.membershipId });
  if (!membership || !(await isAccountActive(tx, membership.accountId))) return null;
  return {
    ...queuedAs,
    accountId: membership.accountId,
    role: membership.role as CompanyRole,
    buildingIds: membership.buildingIds,
    unitIds: membership.unitIds,
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
  await deleteInvitationsOf(ctx.tx, { companyId: ctx.companyId, residentId, accountId });
  if (accountId) await deleteResidentMembership(ctx.tx, { companyId: ctx.companyId, accountId });
}
