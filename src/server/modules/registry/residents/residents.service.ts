import { and, eq, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Resident } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { queryRows } from "../../../platform/db/client.js";
import { containing } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import { todayInVietnam } from "../../../platform/time.js";
import { onInvitationAccepted } from "../../staff/index.js";
import { units } from "../units/units.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import {
  changedFields,
  columnsFor,
  keyOf,
  open,
  type ResidentInput,
  type ResidentRow,
  toDto,
} from "./resident-record.js";
import { residentPolicy } from "./residents.policy.js";
import { findResident, residentBuildingIds, residentKeyRow, updateResidentRow } from "./residents.repo.js";
import { accessCards, changeRequests, householdMembers, memberUnit, residents } from "./residents.table.js";

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

export type ResidentFacts = {
  id: string;
  fullName: string;
  accountId: string | null;
  unitIds: string[];
  /** Units the person owns now (an owner answers for the unit's fees), with their codes. */
  owned: { unitId: string; code: string }[];
  erasedAt: Date | null;
  erasurePendingSince: Date | null;
};

/** What erasure needs to know about a resident: their name, account and units (now or before). */
export async function residentFacts(ctx: Ctx, id: string): Promise<ResidentFacts | null> {
  const [row] = await ctx.tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
  if (!row) return null;
  const unitRows = await ctx.tx
    .select({
      unitId: householdMembers.unitId,
      code: units.code,
      role: householdMembers.role,
      movedOutOn: householdMembers.movedOutOn,
    })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.residentId, id)));
  const owned = new Map(
    unitRows.filter((u) => u.role === "owner" && u.movedOutOn === null).map((u) => [u.unitId, u.code]),
  );
  return {
    id,
    fullName: row.fullName,
    accountId: row.accountId,
    unitIds: [...new Set(unitRows.map((u) => u.unitId))],
    owned: [...owned].map(([unitId, code]) => ({ unitId, code })),
    erasedAt: row.erasedAt,
    erasurePendingSince: row.erasurePendingSince,
  };
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

export const ERASED_NAME = "[đã xoá]";

/**
 * Erases what the registry holds about a resident. The data key is destroyed, so everything encrypted with
 * it — contacts, date of birth, ID number, plates, and any audit or log detail sealed with it — becomes
 * unreadable. With `keepContacts` (an unpaid notice still has to be collected) the name, address and contacts
 * are re-sealed under a fresh key before the old one goes, and the record stays marked as pending erasure.
 * Answers the personal fields that are gone.
 */
export async function eraseResidentRecord(ctx: Ctx, id: string, keepContacts: boolean): Promise<string[]> {
  const [row] = await ctx.tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
  if (!row) throw errors.notFound("resident");
  const today = todayInVietnam();
  const oldKey = keyOf(ctx, row);
  const common = {
    dateOfBirthEnc: null,
    idNumberEnc: null,
    nationality: null,
    accountId: null,
    updatedAt: new Date(),
  };
  if (keepContacts) {
    const fresh = ctx.platform.keyring.newDataKey();
    const reseal = (box: Buffer | null) => (oldKey && box ? encrypt(fresh.key, decrypt(oldKey, box)) : null);
    await ctx.tx
      .update(residents)
      .set({
        ...common,
        dataKey: fresh.wrapped,
        phoneEnc: reseal(row.phoneEnc),
        emailEnc: reseal(row.emailEnc),
        erasurePendingSince: row.erasurePendingSince ?? new Date(),
      })
      .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
  } else {
    await ctx.tx
      .update(residents)
      .set({
        ...common,
        fullName: ERASED_NAME,
        nameSearch: searchText(ERASED_NAME),
        dataKey: null,
        phoneEnc: null,
        phoneBidx: null,
        emailEnc: null,
        emailBidx: null,
        contactAddress: null,
        preferredLang: "vi",
        erasurePendingSince: null,
        erasedAt: new Date(),
      })
      .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
  }
  await ctx.tx
    .update(householdMembers)
    .set({ matchKey: null })
    .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.residentId, id)));
  const [carsBefore] = await ctx.tx
    .select({
      plate: sql<boolean>`coalesce(bool_or(${vehicles.plateEnc} is not null), false)`,
      parkingCard: sql<boolean>`coalesce(bool_or(${vehicles.parkingCard} is not null), false)`,
    })
    .from(vehicles)
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.residentId, id)));
  await ctx.tx
    .update(vehicles)
    .set({
      plateEnc: null,
      plateBidx: null,
      parkingCard: null,
      status: "inactive",
      activeTo: sql`coalesce(${vehicles.activeTo}, ${today}::date)`,
    })
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.residentId, id)));
  // A card's number identifies the person at the gate and in the building's access system: it goes too, not
  // only the card's validity. The row stays (deactivated) so the unit's card history keeps its dates.
  const cards = await ctx.tx
    .update(accessCards)
    .set({ number: ERASED_NAME, deactivatedOn: sql`coalesce(${accessCards.deactivatedOn}, ${today}::date)` })
    .where(
      and(
        eq(accessCards.companyId, ctx.companyId),
        eq(accessCards.residentId, id),
        ne(accessCards.number, ERASED_NAME),
      ),
    )
    .returning({ id: accessCards.id });
  if (!keepContacts) {
    // An ownership transfer that named the person as the new owner keeps their name on the decided request.
    const units = await ctx.tx
      .selectDistinct({ unitId: householdMembers.unitId })
      .from(householdMembers)
      .where(and(eq(householdMembers.companyId, ctx.companyId), eq(householdMembers.residentId, id)));
    if (units.length > 0) {
      await ctx.tx
        .update(changeRequests)
        .set({ newOwnerName: ERASED_NAME, newOwnerContactEnc: null })
        .where(
          and(
            eq(changeRequests.companyId, ctx.companyId),
            inArray(
              changeRequests.unitId,
              units.map((u) => u.unitId),
            ),
            eq(changeRequests.newOwnerName, row.fullName),
          ),
        );
    }
  }
  if (row.accountId) {
    await ctx.tx
      .update(changeRequests)
      .set({ requestedBy: null })
      .where(and(eq(changeRequests.companyId, ctx.companyId), eq(changeRequests.requestedBy, row.accountId)));
  }
  // The fields that held a value and no longer do: what the person is told was erased.
  const done: [string, boolean][] = [
    ["resident.fullName", !keepContacts && row.fullName !== ERASED_NAME],
    ["resident.phone", !keepContacts && row.phoneEnc !== null],
    ["resident.email", !keepContacts && row.emailEnc !== null],
    ["resident.contactAddress", !keepContacts && row.contactAddress !== null],
    ["resident.dateOfBirth", row.dateOfBirthEnc !== null],
    ["resident.idNumber", row.idNumberEnc !== null],
    ["resident.nationality", row.nationality !== null],
    ["vehicle.plate", carsBefore?.plate === true],
    ["vehicle.parkingCard", carsBefore?.parkingCard === true],
    ["card.number", cards.length > 0],
  ];
  return done.filter(([, d]) => d).map(([f]) => f);
}

/**
 * Some personal fields of some residents, in clear, for a release the caller records in the disclosure log
 * (a state agency's written request) or a message to the person themselves.
 */
export async function openResidentFields(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select()
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, [...ids])));
  const homes = await ctx.tx
    .select({ residentId: householdMembers.residentId, code: units.code, role: householdMembers.role })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        inArray(householdMembers.residentId, [...ids]),
        isNull(householdMembers.movedOutOn),
      ),
    );
  const cars = await ctx.tx
    .select({ residentId: vehicles.residentId, plateEnc: vehicles.plateEnc })
    .from(vehicles)
    .where(and(eq(vehicles.companyId, ctx.companyId), inArray(vehicles.residentId, [...ids])));
  return rows.map((r) => {
    const key = keyOf(ctx, r);
    return {
      residentId: r.id,
      erased: r.erasedAt !== null,
      restricted: r.restrictedAt !== null,
      lang: (r.preferredLang === "en" ? "en" : "vi") as "vi" | "en",
      accountId: r.accountId,
      values: {
        "resident.fullName": r.fullName,
        "resident.phone": open(key, r.phoneEnc),
        "resident.email": open(key, r.emailEnc),
        "resident.dateOfBirth": open(key, r.dateOfBirthEnc),
        "resident.idNumber": open(key, r.idNumberEnc),
        "resident.nationality": r.nationality,
        "household.membership":
          homes
            .filter((h) => h.residentId === r.id)
            .map((h) => `${h.code} (${h.role})`)
            .join(", ") || null,
        "vehicle.plate":
          cars
            .filter((c) => c.residentId === r.id)
            .map((c) => open(key, c.plateEnc))
            .filter(Boolean)
            .join(", ") || null,
      } as { [field: string]: string | null },
    };
  });
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

/**
 * Resident records whose every stay ended before a date and that are neither erased nor waiting on a hold
 * (the erasure job finishes those), for the retention purge.
 */
export async function residentsGoneBefore(ctx: Ctx, before: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.tx,
    sql`
    select r.id from residents r
    where r.company_id = ${ctx.companyId} and r.erased_at is null and r.erasure_pending_since is null
      and exists (select 1 from household_members m where m.company_id = r.company_id and m.resident_id = r.id)
      and not exists (
        select 1 from household_members m
        where m.company_id = r.company_id and m.resident_id = r.id
          and (m.moved_out_on is null or m.moved_out_on >= ${before}::date)
      )`,
  );
  return rows.map((r) => r.id);
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

/** Erasure was asked for but a hold keeps part of the record: the job finishes it when the hold ends. */
export async function markErasurePending(ctx: Ctx, id: string): Promise<void> {
  await ctx.tx
    .update(residents)
    .set({ erasurePendingSince: sql`coalesce(${residents.erasurePendingSince}, now())` })
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.id, id)));
}

export async function residentsPendingErasure(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), sql`${residents.erasurePendingSince} is not null`));
  return rows.map((r) => r.id);
}
