import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { MyData } from "../../../../contracts/registry.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt } from "../../../platform/crypto/crypto.js";
import { describeField, PURPOSES_VERSION } from "../../../platform/privacy/purposes.js";
import { units } from "../units/units.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import { householdMembers, memberUnit, personalDataReveals, residents } from "./residents.table.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * Everything this company's registry holds about the signed-in person, in full (it is their own data), each
 * field with the purposes that need it and how long it is kept, and who among the staff has seen what.
 */
export async function myData(ctx: Ctx): Promise<z.infer<typeof MyData>> {
  const accountId = ctx.actor.accountId;
  const rows = accountId
    ? await ctx.tx
        .select()
        .from(residents)
        .where(and(eq(residents.companyId, ctx.companyId), eq(residents.accountId, accountId)))
    : [];
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { purposesVersion: PURPOSES_VERSION, records: [] };
  const [memberships, cars, reveals] = await Promise.all([
    ctx.tx
      .select({ residentId: householdMembers.residentId, unitCode: units.code, m: householdMembers })
      .from(householdMembers)
      .innerJoin(units, memberUnit)
      .where(and(eq(householdMembers.companyId, ctx.companyId), inArray(householdMembers.residentId, ids)))
      .orderBy(asc(householdMembers.createdAt)),
    ctx.tx
      .select()
      .from(vehicles)
      .where(and(eq(vehicles.companyId, ctx.companyId), inArray(vehicles.residentId, ids))),
    ctx.tx
      .select()
      .from(personalDataReveals)
      .where(
        and(eq(personalDataReveals.companyId, ctx.companyId), inArray(personalDataReveals.residentId, ids)),
      )
      .orderBy(desc(personalDataReveals.at)),
  ]);
  return {
    purposesVersion: PURPOSES_VERSION,
    records: rows.map((r) => {
      const key = r.dataKey ? ctx.platform.keyring.unwrap(r.dataKey) : null;
      const open = (box: Buffer | null) => (key && box ? decrypt(key, box) : null);
      return {
        residentId: r.id,
        fields: fieldsOf(ctx, r, open),
        households: memberships
          .filter((m) => m.residentId === r.id)
          .map(({ unitCode, m }) => ({
            unitCode,
            role: m.role as "owner" | "tenant" | "member",
            movedInOn: m.movedInOn,
            movedOutOn: m.movedOutOn,
          })),
        vehicles: cars
          .filter((v) => v.residentId === r.id)
          .map((v) => ({
            type: v.type as "car" | "motorbike" | "electric_motorbike" | "bicycle" | "electric_car",
            plate: open(v.plateEnc),
            parkingCard: v.parkingCard,
            status: v.status as "pending" | "active" | "inactive",
          })),
        seenBy: reveals
          .filter((x) => x.residentId === r.id)
          .map((x) => ({ field: x.field, role: x.actorRole, at: x.at.toISOString() })),
      };
    }),
  };
}

function fieldsOf(ctx: Ctx, r: ResidentRow, open: (box: Buffer | null) => string | null) {
  const values: Record<string, string | null> = {
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
