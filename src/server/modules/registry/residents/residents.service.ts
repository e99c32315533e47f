import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.js";
import type {
  HouseholdMemberBody,
  PersonalField,
  Resident,
  ResidentListItem,
  ResidentPatch,
  ResidentQuery,
} from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, isCompanyWide, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { maskEmail, maskPhone, normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { containing, pageOf } from "../../../platform/db/paging.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import { createInvitation, onInvitationAccepted } from "../../staff/invitations.service.js";
import { unitRef } from "../units/units.service.js";
import { units } from "../units/units.table.js";
import { formatPlate, normalisePlate } from "../vehicles/plates.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import { actsAsResident } from "./residents.policy.js";
import {
  accessCards,
  householdMembers,
  memberResident,
  memberUnit,
  personalDataReveals,
  residents,
} from "./residents.table.js";

conflictOn("household_members_match", "fullName");
conflictOn("household_members_active", "fullName");

type ResidentRow = typeof residents.$inferSelect;
type Field = z.infer<typeof PersonalField>;
type ResidentInput = z.infer<typeof ResidentPatch>;

const keyOf = (ctx: Ctx, r: Pick<ResidentRow, "dataKey">) =>
  r.dataKey ? ctx.platform.keyring.unwrap(r.dataKey) : null;
const open = (key: Buffer | null, box: Buffer | null) => (key && box ? decrypt(key, box) : null);

function toDto(ctx: Ctx, r: ResidentRow): Resident {
  const key = keyOf(ctx, r);
  const phone = open(key, r.phoneEnc);
  const email = open(key, r.emailEnc);
  return {
    id: r.id,
    fullName: r.fullName,
    phone: phone ? maskPhone(phone) : null,
    email: email ? maskEmail(email) : null,
    hasDateOfBirth: Boolean(r.dateOfBirthEnc),
    hasIdNumber: Boolean(r.idNumberEnc),
    nationality: r.nationality,
    preferredLang: r.preferredLang === "en" ? "en" : "vi",
    contactAddress: r.contactAddress,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Column values for the given fields: personal fields encrypted with the person's key, phone and email
 * normalised and indexed. Only the fields present in `input` are returned, so it serves create and update.
 */
function columnsFor(ctx: Ctx, key: Buffer, input: ResidentInput) {
  const { keyring } = ctx.platform;
  const out: Partial<typeof residents.$inferInsert> = {};
  if (input.fullName !== undefined)
    Object.assign(out, { fullName: input.fullName, nameSearch: searchText(input.fullName) });
  if (input.phone !== undefined) {
    const phone = input.phone ? normalisePhone(input.phone) : null;
    if (input.phone && !phone) throw errors.validation({ phone: "CONTACT_INVALID" });
    Object.assign(out, {
      phoneEnc: phone ? encrypt(key, phone) : null,
      phoneBidx: phone ? keyring.blindIndex("phone", phone) : null,
    });
  }
  if (input.email !== undefined) {
    const email = input.email ? normaliseEmail(input.email) : null;
    if (input.email && !email) throw errors.validation({ email: "CONTACT_INVALID" });
    Object.assign(out, {
      emailEnc: email ? encrypt(key, email) : null,
      emailBidx: email ? keyring.blindIndex("email", email) : null,
    });
  }
  if (input.dateOfBirth !== undefined)
    out.dateOfBirthEnc = input.dateOfBirth ? encrypt(key, input.dateOfBirth) : null;
  if (input.idNumber !== undefined) out.idNumberEnc = input.idNumber ? encrypt(key, input.idNumber) : null;
  for (const k of ["nationality", "preferredLang", "contactAddress"] as const) {
    if (input[k] !== undefined) Object.assign(out, { [k]: input[k] });
  }
  return out;
}

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

/** Which personal fields changed, without their values (the audit log never holds them in clear). */
const changedFields = (input: ResidentInput) =>
  Object.fromEntries(Object.keys(input).map((k) => [k, ["***", "***"]]));

/** Buildings of the units a resident belongs to (now or before): what decides who may see them. */
async function scopeOf(ctx: Ctx, residentId: string) {
  const rows = await ctx.tx
    .selectDistinct({ buildingId: units.buildingId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.residentId, residentId)));
  return { buildingIds: rows.map((r) => r.buildingId) };
}

async function loadResident(ctx: Ctx, id: string, action: string): Promise<ResidentRow> {
  const [row] = await ctx.tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
  if (!row) throw errors.notFound("resident");
  authorizeVisible(ctx.actor, action, subject("resident", await scopeOf(ctx, id)));
  return row;
}

/** Current members of the unit's household (with their registry records) that also match `which`. */
function currentMembers(ctx: Ctx, unitId: string, which: SQL) {
  return ctx.tx
    .select({ m: householdMembers, r: residents })
    .from(householdMembers)
    .innerJoin(residents, memberResident)
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        eq(householdMembers.unitId, unitId),
        isNull(householdMembers.movedOutOn),
        which,
      ),
    );
}

/** The resident record and household role the signed-in resident holds in a unit, if any. */
async function ownMembership(ctx: Ctx, unitId: string) {
  if (!ctx.actor.accountId) return null;
  const [row] = await currentMembers(ctx, unitId, eq(residents.accountId, ctx.actor.accountId));
  return row ? { residentId: row.r.id, role: row.m.role } : null;
}

/**
 * Checks that the actor may do `action` to the unit's household (staff by the buildings they cover, a
 * resident by living there, the owner for changes) and returns the unit.
 */
export async function authorizeHousehold(ctx: Ctx, unitId: string, action: string) {
  const unit = await unitRef(ctx, unitId);
  const own = actsAsResident(ctx.actor) ? await ownMembership(ctx, unitId) : null;
  authorizeVisible(
    ctx.actor,
    action,
    subject("household", { unitId, buildingIds: [unit.buildingId], isOwner: own?.role === "owner" }),
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
  const rows = await ctx.tx
    .select({ m: householdMembers, r: residents })
    .from(householdMembers)
    .innerJoin(residents, memberResident)
    .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.unitId, unitId)))
    .orderBy(
      sql`${householdMembers.movedOutOn} is not null`,
      asc(householdMembers.role),
      asc(residents.fullName),
    );
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
  const [resident] = await ctx.tx
    .insert(residents)
    .values({
      companyId: ctx.companyId,
      dataKey: wrapped,
      fullName: person.fullName,
      nameSearch: searchText(person.fullName),
      ...columnsFor(ctx, key, person),
    })
    .returning();
  if (!resident) throw new Error("insert returned nothing");
  const [member] = await ctx.tx
    .insert(householdMembers)
    .values({
      companyId: ctx.companyId,
      unitId,
      residentId: resident.id,
      role,
      relation: relation ?? null,
      movedInOn: movedInOn ?? null,
      leaseEndsOn: leaseEndsOn ?? null,
      matchKey: memberMatchKey(ctx, unitId, person),
    })
    .returning();
  if (!member) throw new Error("insert returned nothing");
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
    resident: toDto(ctx, resident),
  };
}

/**
 * The data key of a resident who currently belongs to the unit's household, for other records about them
 * (their vehicles' plates) that must become unreadable with the rest of their data when it is erased.
 */
export async function memberDataKey(ctx: Ctx, unitId: string, residentId: string): Promise<Buffer> {
  const [row] = await currentMembers(ctx, unitId, eq(householdMembers.residentId, residentId));
  const key = row ? keyOf(ctx, row.r) : null;
  if (!key) throw errors.validation({ residentId: "VEHICLE_OWNER_NOT_MEMBER" });
  return key;
}

/** The data key of any resident of this company (null once erased). */
export async function residentDataKey(ctx: Ctx, residentId: string): Promise<Buffer | null> {
  const [row] = await ctx.tx
    .select({ dataKey: residents.dataKey })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, residentId)));
  return row ? keyOf(ctx, row) : null;
}

/** Records a move-out: the member leaves the household, the history stays. */
export async function moveOut(ctx: Ctx, unitId: string, memberId: string, on: string) {
  await authorizeHousehold(ctx, unitId, "change");
  assertResidentMayTouch(ctx, (await loadMember(ctx, unitId, memberId)).role);
  const [row] = await ctx.tx
    .update(householdMembers)
    .set({ movedOutOn: on })
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        eq(householdMembers.unitId, unitId),
        eq(householdMembers.id, memberId),
        isNull(householdMembers.movedOutOn),
      ),
    )
    .returning();
  if (!row) throw errors.notFound("resident");
  // Moving out ends the person's access and elevator cards for this unit.
  const cards = await ctx.tx
    .update(accessCards)
    .set({ deactivatedOn: on })
    .where(
      and(
        eq(accessCards.companyId, ctx.companyId),
        eq(accessCards.unitId, unitId),
        eq(accessCards.residentId, row.residentId),
        isNull(accessCards.deactivatedOn),
      ),
    )
    .returning({ id: accessCards.id });
  await audit(ctx, {
    action: "household.move_out",
    entity: "household_member",
    entityId: memberId,
    changes: { movedOutOn: [null, on], cardsDeactivated: cards.length },
  });
}

/** A current member of the unit's household, with their registry record; 404 otherwise. */
export async function loadMember(ctx: Ctx, unitId: string, memberId: string) {
  const [row] = await currentMembers(ctx, unitId, eq(householdMembers.id, memberId));
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
    await ctx.tx
      .update(householdMembers)
      .set({ relation })
      .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.id, memberId)));
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

// Accepting a resident's invitation links the account to the registry record it was sent from.
/** Links a registry record to the person's app account (by an accepted invitation, or the demo seed). */
export async function linkAccount(ctx: Ctx, residentId: string, accountId: string): Promise<void> {
  await ctx.tx
    .update(residents)
    .set({ accountId, updatedAt: new Date() })
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, residentId)));
}

onInvitationAccepted(async (ctx, invitation, accountId) => {
  if (invitation.residentId) await linkAccount(ctx, invitation.residentId, accountId);
});

async function writeResident(ctx: Ctx, before: ResidentRow, patch: ResidentInput): Promise<Resident> {
  const key = keyOf(ctx, before);
  if (!key) throw errors.notFound("resident");
  const [after] = await ctx.tx
    .update(residents)
    .set({ ...columnsFor(ctx, key, patch), updatedAt: new Date() })
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, before.id)))
    .returning();
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
 * Shows one personal field in full and records who saw it, when and why (the access trail the person
 * sees in their privacy center).
 */
export async function reveal(ctx: Ctx, id: string, field: Field) {
  const row = await loadResident(ctx, id, "reveal");
  const key = keyOf(ctx, row);
  const box = {
    phone: row.phoneEnc,
    email: row.emailEnc,
    dateOfBirth: row.dateOfBirthEnc,
    idNumber: row.idNumberEnc,
  }[field];
  await ctx.tx.insert(personalDataReveals).values({
    companyId: ctx.companyId,
    residentId: id,
    field,
    actorAccountId: ctx.actor.accountId,
    actorRole: ctx.actor.role,
    requestId: ctx.requestId,
  });
  await audit(ctx, { action: "resident.reveal", entity: "resident", entityId: id, changes: { field } });
  return { field, value: open(key, box) };
}

/**
 * Residents of the buildings the actor covers. `q` is matched as an exact phone or email (through the
 * blind index), else against the name without diacritics, the unit code and an exact plate.
 */
export async function listResidents(
  ctx: Ctx,
  q: z.infer<typeof ResidentQuery>,
): Promise<Page<z.infer<typeof ResidentListItem>>> {
  const memberUnits = ctx.tx
    .select({ residentId: householdMembers.residentId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        isNull(householdMembers.movedOutOn),
        q.buildingId ? eq(units.buildingId, q.buildingId) : undefined,
        isCompanyWide(ctx.actor) ? undefined : inArray(units.buildingId, [...ctx.actor.buildingIds]),
      ),
    );
  const conditions: SQL[] = [eq(residents.companyId, ctx.companyId), inArray(residents.id, memberUnits)];
  if (q.q) conditions.push(matchQuery(ctx, q.q));
  const where = and(...conditions);
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(residents)
          .where(where)
          .orderBy(asc(residents.nameSearch), desc(residents.createdAt))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(residents).where(where),
    },
    (r) => toDto(ctx, r),
  );
  const ids = page.items.map((r) => r.id);
  const links = ids.length
    ? await ctx.tx
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
            eq(householdMembers.companyId, ctx.companyId),
            inArray(householdMembers.residentId, ids),
            isNull(householdMembers.movedOutOn),
          ),
        )
    : [];
  return {
    ...page,
    items: page.items.map((r) => ({
      ...r,
      units: links
        .filter((l) => l.residentId === r.id)
        .map((l) => ({
          unitId: l.unitId,
          buildingId: l.buildingId,
          code: l.code,
          role: l.role as "owner" | "tenant" | "member",
        })),
    })),
  };
}

function matchQuery(ctx: Ctx, q: string): SQL {
  const phone = normalisePhone(q);
  if (phone) return eq(residents.phoneBidx, ctx.platform.keyring.blindIndex("phone", phone));
  const email = q.includes("@") ? normaliseEmail(q) : null;
  if (email) return eq(residents.emailBidx, ctx.platform.keyring.blindIndex("email", email));
  // A plate is looked up through its blind index, as written in either format, and only so: scanning every
  // name and unit code as well cost 60–80 ms at 30,000 residents (no unit code is written like a plate).
  const plate = formatPlate(q, "car") ?? formatPlate(q, "motorbike");
  if (plate) {
    return inArray(
      residents.id,
      ctx.tx
        .select({ residentId: vehicles.residentId })
        .from(vehicles)
        .where(
          and(
            eq(vehicles.companyId, ctx.companyId),
            eq(vehicles.plateBidx, ctx.platform.keyring.blindIndex("plate", normalisePlate(plate))),
          ),
        ),
    );
  }
  const byUnit = inArray(
    residents.id,
    ctx.tx
      .select({ residentId: householdMembers.residentId })
      .from(householdMembers)
      .innerJoin(units, memberUnit)
      .where(and(eq(householdMembers.companyId, ctx.companyId), ilike(units.code, containing(q.trim())))),
  );
  // Names hold no digits: a query with one is a unit code.
  const name = searchText(q);
  return /\d/.test(name) ? byUnit : (or(ilike(residents.nameSearch, containing(name)), byUnit) as SQL);
}

/**
 * A person corrects their own record (privacy center). Fields the management owns — the unit's area, who
 * owns it — are not here: they go through change requests.
 */
export async function correctOwnRecord(ctx: Ctx, id: string, patch: ResidentInput): Promise<void> {
  const [before] = await ctx.tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
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
