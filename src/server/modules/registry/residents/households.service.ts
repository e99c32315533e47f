import type { z } from "zod";
import type { HouseholdMemberBody } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { normalisePhone } from "../../../platform/crypto/contact.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import { createInvitation } from "../../staff/index.js";
import { unitRef } from "../units/units.service.js";
import {
  currentMember,
  deactivateCards,
  endStay,
  householdOf,
  insertMember,
  setRelation,
} from "./households.repo.js";
import { changedFields, columnsFor, keyOf, open, type ResidentInput, toDto } from "./resident-record.js";
import { actsAsResident, householdPolicy } from "./residents.policy.js";
import { insertResident } from "./residents.repo.js";
import { writeResident } from "./residents.service.js";

conflictOn("household_members_match", "fullName");
conflictOn("household_members_active", "fullName");

/**
 * How an import recognises a household member: the unit with the phone and the name when there is a phone
 * (family members may share one phone), else the unit with the name and the date of birth (children).
 * A keyed hash, so the key reveals none of them.
 */
export function memberMatchKey(
  ctx: Ctx,
  unitId: string,
  person: { fullName: string; phone?: string | null; dateOfBirth?: string | null },
): string {
  const phone = person.phone ? normalisePhone(person.phone) : null;
  const name = searchText(person.fullName);
  const basis = phone
    ? `${unitId}|p:${phone}|n:${name}`
    : `${unitId}|n:${name}|d:${person.dateOfBirth ?? ""}`;
  return ctx.platform.keyring.blindIndex("member", basis);
}

/** The resident record and household role the signed-in resident holds in a unit, if any. */
async function ownMembership(ctx: Ctx, unitId: string) {
  if (!ctx.actor.accountId) return null;
  const row = await currentMember(ctx.tx, {
    companyId: ctx.companyId,
    unitId,
    by: { accountId: ctx.actor.accountId },
  });
  return row ? { residentId: row.r.id, role: row.m.role } : null;
}

/**
 * Checks that the actor may do `action` to the unit's household (staff by the buildings they cover, a
 * resident by living there, the owner for changes) and returns the unit.
 */
export async function authorizeHousehold(ctx: Ctx, unitId: string, action: ActionOf<typeof householdPolicy>) {
  const unit = await unitRef(ctx, unitId);
  const own = actsAsResident(ctx.actor) ? await ownMembership(ctx, unitId) : null;
  authorizeVisible(
    ctx.actor,
    action,
    subject(householdPolicy, { unitId, buildingIds: [unit.buildingId], isOwner: own?.role === "owner" }),
  );
  return { ...unit, own };
}

/** What a resident owner may change: the members they keep, not owners and tenants (management records those). */
function assertResidentMayTouch(ctx: Ctx, role: string) {
  if (actsAsResident(ctx.actor) && role !== "member") throw errors.forbidden();
}

/** The unit's household: current members first, then those who moved out. */
export async function getHousehold(ctx: Ctx, unitId: string) {
  const unit = await authorizeHousehold(ctx, unitId, "read");
  const rows = await householdOf(ctx.tx, { companyId: ctx.companyId, unitId });
  return {
    unitId,
    unitCode: unit.code,
    members: rows.map(({ m, r }) => ({
      id: m.id,
      role: m.role as "owner" | "tenant" | "member",
      relation: m.relation,
      movedInOn: m.movedInOn,
      movedOutOn: m.movedOutOn,
      leaseEndsOn: m.leaseEndsOn,
      you: ctx.actor.accountId !== null && r.accountId === ctx.actor.accountId,
      usesApp: r.accountId !== null,
      resident: toDto(ctx, r),
    })),
  };
}

/** Adds a person to a unit's household (a new resident record with their own data key). */
export async function addHouseholdMember(
  ctx: Ctx,
  unitId: string,
  body: z.infer<typeof HouseholdMemberBody>,
) {
  const unit = await authorizeHousehold(ctx, unitId, "add");
  const { role, relation, movedInOn, leaseEndsOn, ...person } = body;
  assertResidentMayTouch(ctx, role);
  if (role === "tenant" && !leaseEndsOn) throw errors.validation({ leaseEndsOn: "FIELD_REQUIRED" });
  const { key, wrapped } = ctx.platform.keyring.newDataKey();
  const resident = await insertResident(ctx.tx, {
    companyId: ctx.companyId,
    dataKey: wrapped,
    fullName: person.fullName,
    nameSearch: searchText(person.fullName),
    ...columnsFor(ctx, key, person),
  });
  const member = await insertMember(ctx.tx, {
    companyId: ctx.companyId,
    unitId,
    residentId: resident.id,
    role,
    relation: relation ?? null,
    movedInOn: movedInOn ?? null,
    leaseEndsOn: leaseEndsOn ?? null,
    matchKey: memberMatchKey(ctx, unitId, person),
  });
  await audit(ctx, {
    action: "household.add",
    entity: "household_member",
    entityId: member.id,
    changes: {
      unit: [null, unit.code],
      role: [null, role],
      resident: [null, resident.id],
      ...changedFields(person),
    },
  });
  return {
    id: member.id,
    role,
    relation: member.relation,
    movedInOn: member.movedInOn,
    movedOutOn: member.movedOutOn,
    leaseEndsOn: member.leaseEndsOn,
    you: false,
    usesApp: resident.accountId !== null,
    resident: toDto(ctx, resident),
  };
}

/**
 * The data key of a resident who currently belongs to the unit's household, for other records about them
 * (their vehicles' plates) that must become unreadable with the rest of their data when it is erased.
 */
export async function memberDataKey(ctx: Ctx, unitId: string, residentId: string): Promise<Buffer> {
  const row = await currentMember(ctx.tx, { companyId: ctx.companyId, unitId, by: { residentId } });
  const key = row ? keyOf(ctx, row.r) : null;
  if (!key) throw errors.validation({ residentId: "VEHICLE_OWNER_NOT_MEMBER" });
  return key;
}

/** Records a move-out: the member leaves the household, the history stays. */
export async function moveOut(ctx: Ctx, unitId: string, memberId: string, on: string) {
  await authorizeHousehold(ctx, unitId, "change");
  assertResidentMayTouch(ctx, (await loadMember(ctx, unitId, memberId)).role);
  const row = await endStay(ctx.tx, { companyId: ctx.companyId, unitId, memberId, on });
  if (!row) throw errors.notFound("resident");
  // Moving out ends the person's access and elevator cards for this unit.
  const cardsDeactivated = await deactivateCards(ctx.tx, {
    companyId: ctx.companyId,
    unitId,
    residentId: row.residentId,
    on,
  });
  await audit(ctx, {
    action: "household.move_out",
    entity: "household_member",
    entityId: memberId,
    changes: { movedOutOn: [null, on], cardsDeactivated },
  });
}

/** A current member of the unit's household, with their registry record; 404 otherwise. */
export async function loadMember(ctx: Ctx, unitId: string, memberId: string) {
  const row = await currentMember(ctx.tx, { companyId: ctx.companyId, unitId, by: { memberId } });
  if (!row) throw errors.notFound("resident");
  return { ...row.m, resident: row.r };
}

/** Corrects a current household member's details (the owner for the members they keep, or staff). */
export async function updateMember(
  ctx: Ctx,
  unitId: string,
  memberId: string,
  patch: ResidentInput & { relation?: string | null },
) {
  await authorizeHousehold(ctx, unitId, "change");
  const member = await loadMember(ctx, unitId, memberId);
  assertResidentMayTouch(ctx, member.role);
  const { relation, ...person } = patch;
  if (relation !== undefined) {
    await setRelation(ctx.tx, { companyId: ctx.companyId, memberId, relation });
  }
  const resident = await writeResident(ctx, member.resident, person);
  await audit(ctx, {
    action: "household.update",
    entity: "household_member",
    entityId: memberId,
    changes: changedFields(patch),
  });
  return {
    id: member.id,
    role: member.role as "owner" | "tenant" | "member",
    relation: relation === undefined ? member.relation : relation,
    movedInOn: member.movedInOn,
    movedOutOn: member.movedOutOn,
    leaseEndsOn: member.leaseEndsOn,
    you: ctx.actor.accountId !== null && member.resident.accountId === ctx.actor.accountId,
    usesApp: member.resident.accountId !== null,
    resident,
  };
}

/**
 * Invites a household member to the resident app through the invitation mechanism, by email when the
 * registry has one, else by SMS; accepting links their account to this registry record. Staff invite anyone
 * in the household; the owner invites the members they keep.
 */
export async function inviteMember(ctx: Ctx, unitId: string, memberId: string) {
  await authorizeHousehold(ctx, unitId, "invite");
  const member = await loadMember(ctx, unitId, memberId);
  assertResidentMayTouch(ctx, member.role);
  const key = keyOf(ctx, member.resident);
  const contact = open(key, member.resident.emailEnc) ?? open(key, member.resident.phoneEnc);
  if (!contact) throw errors.rule("RESIDENT_NO_CONTACT");
  return createInvitation(ctx, {
    contact,
    displayName: member.resident.fullName,
    role: "resident",
    unitIds: [unitId],
    residentId: member.resident.id,
  });
}
