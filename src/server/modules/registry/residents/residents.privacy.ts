import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MyData } from "../../../../contracts/registry.js";
import type { Ctx, DataOwner, ErasureSubject } from "../../../platform/context.js";
import { maskPhone } from "../../../platform/crypto/contact.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { queryRows } from "../../../platform/db/client.js";
import { errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import {
  definePersonalData,
  describeField,
  personalFields,
} from "../../../platform/privacy/personal-data.js";
import { RETENTION } from "../../../platform/privacy/purposes.js";
import { todayInVietnam } from "../../../platform/time.js";
import { units } from "../units/units.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import { residentIdsOfAccount } from "./my-data.service.js";
import {
  accessCards,
  changeRequests,
  householdMembers,
  memberUnit,
  personalDataReveals,
  residents,
} from "./residents.table.js";

/*
 * What the registry holds about a person, as the privacy center sees it: the fields and where they live, the
 * person's full record, and the erasure of it (with what erasure, its holds and the retention job ask first).
 */

const keyOf = (ctx: Ctx, r: Pick<typeof residents.$inferSelect, "dataKey">) =>
  r.dataKey ? ctx.platform.keyring.unwrap(r.dataKey) : null;
const open = (key: Buffer | null, box: Buffer | null) => (key && box ? decrypt(key, box) : null);

type ResidentRow = typeof residents.$inferSelect;
type Record = z.infer<typeof MyData>["records"][number];
/** The registry's part of a person's record; billing and the privacy center add theirs. */
type RegistryRecord = Omit<Record, "invoices" | "payments" | "disclosures">;

/**
 * Everything the registry holds about some residents, in full (the caller shows a person their own data),
 * each field with the purposes that need it and how long it is kept, and which staff have seen what.
 */
async function registryRecords(ctx: Ctx, ids: readonly string[]): Promise<RegistryRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [rows, memberships, cars, cards, reveals] = await Promise.all([
    ctx.tx
      .select()
      .from(residents)
      .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, list))),
    ctx.tx
      .select({ residentId: householdMembers.residentId, unitCode: units.code, m: householdMembers })
      .from(householdMembers)
      .innerJoin(units, memberUnit)
      .where(and(eq(householdMembers.companyId, ctx.companyId), inArray(householdMembers.residentId, list)))
      .orderBy(asc(householdMembers.createdAt)),
    ctx.tx
      .select()
      .from(vehicles)
      .where(and(eq(vehicles.companyId, ctx.companyId), inArray(vehicles.residentId, list))),
    ctx.tx
      .select()
      .from(accessCards)
      .where(and(eq(accessCards.companyId, ctx.companyId), inArray(accessCards.residentId, list))),
    ctx.tx
      .select()
      .from(personalDataReveals)
      .where(
        and(eq(personalDataReveals.companyId, ctx.companyId), inArray(personalDataReveals.residentId, list)),
      )
      .orderBy(desc(personalDataReveals.at)),
  ]);
  return rows.map((r) => {
    const key = keyOf(ctx, r);
    const opened = (box: Buffer | null) => open(key, box);
    const mine = memberships.filter((m) => m.residentId === r.id);
    return {
      residentId: r.id,
      fields: fieldsOf(ctx, r, opened),
      households: mine.map(({ unitCode, m }) => ({
        unitCode,
        role: m.role as "owner" | "tenant" | "member",
        movedInOn: m.movedInOn,
        movedOutOn: m.movedOutOn,
      })),
      vehicles: cars
        .filter((v) => v.residentId === r.id)
        .map((v) => ({
          type: v.type as "car" | "motorbike" | "electric_motorbike" | "bicycle" | "electric_car",
          plate: opened(v.plateEnc),
          parkingCard: v.parkingCard,
          status: v.status as "pending" | "active" | "inactive",
        })),
      accessCards: cards
        .filter((c) => c.residentId === r.id)
        .map((c) => ({
          kind: c.kind as "access" | "elevator",
          number: c.number,
          deactivatedOn: c.deactivatedOn,
        })),
      seenBy: reveals
        .filter((x) => x.residentId === r.id)
        .map((x) => ({ field: x.field, role: x.actorRole, at: x.at.toISOString() })),
      restrictedAt: r.restrictedAt?.toISOString() ?? null,
    };
  });
}

function fieldsOf(ctx: Ctx, r: ResidentRow, open: (box: Buffer | null) => string | null) {
  const values: { [field: string]: string | null } = {
    "resident.fullName": r.fullName,
    "resident.phone": open(r.phoneEnc),
    "resident.email": open(r.emailEnc),
    "resident.dateOfBirth": open(r.dateOfBirthEnc),
    "resident.idNumber": open(r.idNumberEnc),
    "resident.nationality": r.nationality,
    "resident.contactAddress": r.contactAddress,
    "resident.preferredLang": r.preferredLang,
  };
  return Object.entries(values)
    .filter(([, value]) => value !== null)
    .map(([field, value]) => ({
      field,
      value,
      ...describeField(personalFields(ctx.platform), field, ctx.lang),
    }));
}

export type ResidentFacts = ErasureSubject & { erasedAt: Date | null; erasurePendingSince: Date | null };

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
    lang: row.preferredLang === "en" ? "en" : "vi",
    unitIds: [...new Set(unitRows.map((u) => u.unitId))],
    owned: [...owned].map(([unitId, code]) => ({ unitId, code })),
    erasedAt: row.erasedAt,
    erasurePendingSince: row.erasurePendingSince,
  };
}

const ERASED_NAME = "[đã xóa]";

/**
 * Erases what the registry holds about a resident. The data key is destroyed, so everything encrypted with
 * it — contacts, date of birth, ID number, plates, and any audit or log detail sealed with it — becomes
 * unreadable. With `keepContacts` (an unpaid notice still has to be collected) the name, address and contacts
 * are re-sealed under a fresh key before the old one goes, and the record stays marked as pending erasure.
 * Answers the personal fields that are gone.
 */
async function eraseResidentRecord(ctx: Ctx, id: string, keepContacts: boolean): Promise<string[]> {
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

/** How many people the registry holds (erased records left out), for the processing register. */
export async function countResidents(ctx: Ctx): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), isNull(residents.erasedAt)));
  return row?.n ?? 0;
}

/** The signed-in person's records in the company and their stays in units, for "my data" and the export. */
export async function dataOwner(ctx: Ctx, accountId: string): Promise<DataOwner> {
  const residentIds = await residentIdsOfAccount(ctx, accountId);
  if (residentIds.length === 0) return { accountId, residentIds, stays: [] };
  const stays = await ctx.tx
    .select({
      residentId: householdMembers.residentId,
      unitId: householdMembers.unitId,
      unitCode: units.code,
      from: householdMembers.movedInOn,
      to: householdMembers.movedOutOn,
    })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(eq(householdMembers.companyId, ctx.companyId), inArray(householdMembers.residentId, residentIds)),
    )
    .orderBy(asc(householdMembers.createdAt));
  return { accountId, residentIds, stays };
}

/** What an unpaid notice needs to be collected: a hold that keeps one of them keeps the record's contacts. */
const CONTACT_FIELDS = ["resident.fullName", "resident.phone", "resident.email", "resident.contactAddress"];

export const registryPersonalData = definePersonalData({
  fields: [
    {
      key: "resident.fullName",
      label: { vi: "Họ và tên", en: "Full name" },
      purposes: ["billing", "building_operations", "deliveries"],
      retention: RETENTION.accounting,
      records: ["resident", "household_member"],
      columns: ["residents.full_name", "residents.name_search", "change_requests.new_owner_name"],
    },
    {
      key: "resident.phone",
      label: { vi: "Số điện thoại", en: "Phone" },
      purposes: ["account_security", "building_operations", "deliveries", "marketing"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.phone_enc", "residents.phone_bidx", "change_requests.new_owner_contact_enc"],
    },
    {
      key: "resident.email",
      label: { vi: "Email", en: "Email" },
      purposes: ["account_security", "billing", "building_operations", "marketing"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.email_enc", "residents.email_bidx", "change_requests.new_owner_contact_enc"],
    },
    {
      key: "resident.dateOfBirth",
      label: { vi: "Ngày sinh", en: "Date of birth" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.date_of_birth_enc"],
    },
    {
      key: "resident.idNumber",
      label: { vi: "Số CCCD/hộ chiếu", en: "ID/passport number" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      sensitive: true,
      records: ["resident", "household_member"],
      columns: ["residents.id_number_enc"],
    },
    {
      key: "resident.nationality",
      label: { vi: "Quốc tịch", en: "Nationality" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.nationality"],
    },
    {
      key: "resident.contactAddress",
      label: { vi: "Địa chỉ liên hệ", en: "Contact address" },
      purposes: ["billing"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.contact_address"],
    },
    {
      key: "resident.preferredLang",
      label: { vi: "Ngôn ngữ", en: "Language" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["resident", "household_member"],
      columns: ["residents.preferred_lang"],
    },
    {
      key: "household.membership",
      label: { vi: "Căn hộ và vai trò trong hộ", en: "Units and household role" },
      purposes: ["billing", "building_operations"],
      retention: RETENTION.accounting,
      records: ["household_member"],
      columns: [
        "household_members.role",
        "household_members.relation",
        "household_members.moved_in_on",
        "household_members.moved_out_on",
        "household_members.match_key",
      ],
    },
    {
      key: "vehicle.plate",
      label: { vi: "Biển số xe", en: "Number plate" },
      purposes: ["billing", "building_operations"],
      retention: RETENTION.whileResident,
      records: ["vehicle"],
      columns: ["vehicles.plate_enc", "vehicles.plate_bidx"],
    },
    {
      key: "vehicle.parkingCard",
      label: { vi: "Thẻ gửi xe", en: "Parking card" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["vehicle"],
      columns: ["vehicles.parking_card"],
    },
    {
      key: "card.number",
      label: { vi: "Thẻ ra vào, thẻ thang máy", en: "Access and elevator cards" },
      alsoCalled: ["cardNumber"],
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["access_card"],
      columns: ["access_cards.number"],
    },
  ],
  collect: async (ctx, owner) => ({ records: await registryRecords(ctx, owner.residentIds) }),
  erase: async (ctx, person, keep) => ({
    erased: await eraseResidentRecord(
      ctx,
      person.id,
      CONTACT_FIELDS.some((f) => keep.has(f)),
    ),
    tables: ["residents", "household_members", "vehicles", "access_cards", "change_requests"],
  }),
});

/**
 * Whether some residents can be reached without the app (an email, a phone), their language, their account and
 * whether their data may be used: nothing is decrypted (the sending decrypts the contact it uses, when it sends).
 */
export async function reachableResidents(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select({
      id: residents.id,
      email: sql<boolean>`${residents.emailEnc} is not null`,
      phone: sql<boolean>`${residents.phoneEnc} is not null`,
      lang: residents.preferredLang,
      accountId: residents.accountId,
      restrictedAt: residents.restrictedAt,
      erasedAt: residents.erasedAt,
    })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, [...ids])));
  return rows.map((r) => ({
    residentId: r.id,
    accountId: r.accountId,
    lang: (r.lang === "en" ? "en" : "vi") as "vi" | "en",
    email: r.email,
    phone: r.phone,
    usable: r.restrictedAt === null && r.erasedAt === null,
    erased: r.erasedAt !== null,
  }));
}

/**
 * The contacts of some residents in clear, for a message to the person themselves as it is sent: email and
 * phone (no other field is opened) and their language. Who may be told is decided before, by `reachableResidents`.
 */
export async function residentContacts(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select({
      id: residents.id,
      dataKey: residents.dataKey,
      emailEnc: residents.emailEnc,
      phoneEnc: residents.phoneEnc,
      lang: residents.preferredLang,
    })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, [...ids])));
  return rows.map((r) => {
    const key = keyOf(ctx, r);
    return {
      residentId: r.id,
      lang: (r.lang === "en" ? "en" : "vi") as "vi" | "en",
      email: open(key, r.emailEnc),
      phone: open(key, r.phoneEnc),
    };
  });
}

/**
 * The phones, masked (`0912 *** 678`), the registry holds for these accounts, for staff who need to recognise
 * the caller, not to copy the number (a technician on a ticket); an account with no phone is left out.
 */
export async function maskedPhonesOf(ctx: Ctx, accountIds: readonly string[]) {
  const phones = new Map<string, string>();
  if (accountIds.length === 0) return phones;
  const rows = await ctx.tx
    .select({ accountId: residents.accountId, dataKey: residents.dataKey, phoneEnc: residents.phoneEnc })
    .from(residents)
    .where(
      and(eq(residents.companyId, ctx.companyId), inArray(residents.accountId, [...new Set(accountIds)])),
    );
  for (const r of rows) {
    const phone = open(keyOf(ctx, r), r.phoneEnc);
    if (r.accountId && phone) phones.set(r.accountId, maskPhone(phone));
  }
  return phones;
}
