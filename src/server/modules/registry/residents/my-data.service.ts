import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { MyData } from "../../../../contracts/registry.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt } from "../../../platform/crypto/crypto.js";
import { describeField } from "../../../platform/privacy/purposes.js";
import { units } from "../units/units.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import {
  accessCards,
  householdMembers,
  memberUnit,
  personalDataReveals,
  residents,
} from "./residents.table.js";

type ResidentRow = typeof residents.$inferSelect;
type Record = z.infer<typeof MyData>["records"][number];
/** The registry's part of a person's record; billing and the privacy center add theirs. */
export type RegistryRecord = Omit<Record, "invoices" | "payments" | "disclosures"> & {
  /** Units and the days the person belonged to them, for the billing history of that time. */
  tenures: { unitId: string; from: string | null; to: string | null }[];
};

/** The company's records of the signed-in person (one per resident record linked to their account). */
export async function residentIdsOfAccount(ctx: Ctx, accountId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.accountId, accountId)));
  return rows.map((r) => r.id);
}

/**
 * Everything the registry holds about some residents, in full (the caller shows a person their own data),
 * each field with the purposes that need it and how long it is kept, and which staff have seen what.
 */
export async function registryRecords(ctx: Ctx, ids: readonly string[]): Promise<RegistryRecord[]> {
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
    const key = r.dataKey ? ctx.platform.keyring.unwrap(r.dataKey) : null;
    const open = (box: Buffer | null) => (key && box ? decrypt(key, box) : null);
    const mine = memberships.filter((m) => m.residentId === r.id);
    return {
      residentId: r.id,
      fields: fieldsOf(ctx, r, open),
      households: mine.map(({ unitCode, m }) => ({
        unitCode,
        role: m.role as "owner" | "tenant" | "member",
        movedInOn: m.movedInOn,
        movedOutOn: m.movedOutOn,
      })),
      tenures: mine.map(({ m }) => ({ unitId: m.unitId, from: m.movedInOn, to: m.movedOutOn })),
      vehicles: cars
        .filter((v) => v.residentId === r.id)
        .map((v) => ({
          type: v.type as "car" | "motorbike" | "electric_motorbike" | "bicycle" | "electric_car",
          plate: open(v.plateEnc),
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
    .map(([field, value]) => ({ field, value, ...describeField(field, ctx.lang) }));
}

/** Whether a resident asked that their data be kept but not used; erased records count as restricted too. */
export async function unusableResidents(ctx: Ctx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.tx
    .select({ id: residents.id, restrictedAt: residents.restrictedAt, erasedAt: residents.erasedAt })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), inArray(residents.id, [...ids])));
  return new Set(rows.filter((r) => r.restrictedAt || r.erasedAt).map((r) => r.id));
}

/** The people living in a building now (active household membership), with their accounts. */
export async function buildingResidents(ctx: Ctx, buildingId: string) {
  return ctx.tx
    .selectDistinct({
      residentId: residents.id,
      accountId: residents.accountId,
      restricted: residents.restrictedAt,
      erased: residents.erasedAt,
    })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .innerJoin(
      residents,
      and(eq(residents.companyId, householdMembers.companyId), eq(residents.id, householdMembers.residentId)),
    )
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        eq(units.buildingId, buildingId),
        isNull(householdMembers.movedOutOn),
      ),
    );
}
