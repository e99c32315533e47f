import { and, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Resident } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { containing } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import { onInvitationAccepted } from "../../staff/index.js";
import { units } from "../units/units.table.js";
import {
  changedFields,
  columnsFor,
  keyOf,
  type ResidentInput,
  type ResidentRow,
  toDto,
} from "./resident-record.js";
import { residentPolicy } from "./residents.policy.js";
import { findResident, residentBuildingIds, residentKeyRow, updateResidentRow } from "./residents.repo.js";
import { householdMembers, memberUnit, residents } from "./residents.table.js";

/** Buildings of the units a resident belongs to (now or before): what decides who may see them. */
async function scopeOf(ctx: Ctx, residentId: string) {
  return { buildingIds: await residentBuildingIds(ctx.tx, { companyId: ctx.companyId, id: residentId }) };
}

export async function loadResident(
  ctx: Ctx,
  id: string,
  action: ActionOf<typeof residentPolicy>,
): Promise<ResidentRow> {
  const row = await findResident(ctx.tx, { companyId: ctx.companyId, id });
  if (!row) throw errors.notFound("resident");
  authorizeVisible(ctx.actor, action, subject(residentPolicy, await scopeOf(ctx, id)));
  return row;
}

/** The data key of any resident of this company (null once erased). */
export async function residentDataKey(ctx: Ctx, residentId: string): Promise<Buffer | null> {
  const row = await residentKeyRow(ctx.tx, { companyId: ctx.companyId, id: residentId });
  return row ? keyOf(ctx, row) : null;
}

// Accepting a resident's invitation links the account to the registry record it was sent from.
/** Links a registry record to the person's app account (by an accepted invitation, or the demo seed). */
export async function linkAccount(ctx: Ctx, residentId: string, accountId: string): Promise<void> {
  await updateResidentRow(ctx.tx, { companyId: ctx.companyId, id: residentId }, { accountId });
}

onInvitationAccepted(async (ctx, invitation, accountId) => {
  if (invitation.residentId) await linkAccount(ctx, invitation.residentId, accountId);
});

export async function writeResident(ctx: Ctx, before: ResidentRow, patch: ResidentInput): Promise<Resident> {
  const key = keyOf(ctx, before);
  if (!key) throw errors.notFound("resident");
  const after = await updateResidentRow(
    ctx.tx,
    { companyId: ctx.companyId, id: before.id },
    columnsFor(ctx, key, patch),
  );
  if (!after) throw errors.notFound("resident");
  return toDto(ctx, after);
}

export async function updateResident(ctx: Ctx, id: string, patch: ResidentInput): Promise<Resident> {
  const before = await loadResident(ctx, id, "update");
  const after = await writeResident(ctx, before, patch);
  await audit(ctx, {
    action: "resident.update",
    entity: "resident",
    entityId: id,
    changes: changedFields(patch),
  });
  return after;
}

export async function getResident(ctx: Ctx, id: string): Promise<Resident> {
  return toDto(ctx, await loadResident(ctx, id, "read"));
}

/**
 * A person corrects their own record (privacy center). Fields the management owns — the unit's area, who
 * owns it — are not here: they go through change requests.
 */
export async function correctOwnRecord(ctx: Ctx, id: string, patch: ResidentInput): Promise<void> {
  const before = await findResident(ctx.tx, { companyId: ctx.companyId, id });
  if (!before || !ctx.actor.accountId || before.accountId !== ctx.actor.accountId) {
    throw errors.notFound("resident");
  }
  await writeResident(ctx, before, patch);
  await audit(ctx, {
    action: "resident.correct_own",
    entity: "resident",
    entityId: id,
    changes: changedFields(patch),
  });
}

/** Sets or lifts a restriction of processing (the person's data kept but not used). */
export async function setRestriction(ctx: Ctx, id: string, restricted: boolean): Promise<boolean> {
  const rows = await ctx.tx
    .update(residents)
    .set({ restrictedAt: restricted ? new Date() : null, updatedAt: new Date() })
    .where(
      and(
        eq(residents.companyId, ctx.companyId),
        eq(residents.id, id),
        restricted ? isNull(residents.restrictedAt) : sql`${residents.restrictedAt} is not null`,
      ),
    )
    .returning({ id: residents.id });
  return rows.length > 0;
}

/** Residents of some buildings or units (now living there), for choosing whom an incident touched. */
export async function residentsIn(
  ctx: Ctx,
  scope: { buildingIds: string[]; unitIds: string[] },
): Promise<string[]> {
  if (scope.buildingIds.length === 0 && scope.unitIds.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ id: householdMembers.residentId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        isNull(householdMembers.movedOutOn),
        or(
          scope.buildingIds.length ? inArray(units.buildingId, scope.buildingIds) : undefined,
          scope.unitIds.length ? inArray(units.id, scope.unitIds) : undefined,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/** Names of residents and the units they live in (lists of requests, holds, incidents). */
export async function residentNames(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; units: string[] }>();
  const rows = await ctx.tx
    .select({ id: residents.id, name: residents.fullName })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, [...ids])));
  const homes = await ctx.tx
    .select({ residentId: householdMembers.residentId, code: units.code })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(eq(householdMembers.companyId, ctx.companyId), inArray(householdMembers.residentId, [...ids])),
    );
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, units: [...new Set(homes.filter((h) => h.residentId === r.id).map((h) => h.code))] },
    ]),
  );
}

/** Residents whose name contains the words (accent-insensitive), for searching lists kept elsewhere. */
export async function residentIdsNamed(ctx: Ctx, q: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: residents.id })
    .from(residents)
    .where(
      and(eq(residents.companyId, ctx.companyId), ilike(residents.nameSearch, containing(searchText(q)))),
    )
    .limit(500);
  return rows.map((r) => r.id);
}
