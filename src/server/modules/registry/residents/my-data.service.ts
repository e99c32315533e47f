import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { units } from "../units/units.table.js";
import { householdMembers, memberUnit, residents } from "./residents.table.js";

/** The company's records of the signed-in person (one per resident record linked to their account). */
export async function residentIdsOfAccount(ctx: Ctx, accountId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.accountId, accountId)));
  return rows.map((r) => r.id);
}

/** The signed-in person's record in the company and the name it holds (the first, if several), or null. */
export async function residentOfAccount(ctx: Ctx, accountId: string) {
  const [row] = await ctx.tx
    .select({ id: residents.id, fullName: residents.fullName })
    .from(residents)
    .where(and(eq(residents.companyId, ctx.companyId), eq(residents.accountId, accountId)))
    .orderBy(residents.createdAt)
    .limit(1);
  return row ?? null;
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

/**
 * The people living in a building now (active household membership), with their accounts, role and unit; a
 * filter narrows to some blocks, floors, units or household roles (each list given must match).
 */
export async function buildingResidents(
  ctx: Ctx,
  buildingId: string,
  only: {
    blocks?: readonly string[];
    floors?: readonly number[];
    unitIds?: readonly string[];
    roles?: readonly string[];
  } = {},
) {
  const narrow = <T>(list: readonly T[] | undefined, column: Parameters<typeof inArray>[0]) =>
    list && list.length > 0 ? inArray(column, [...list]) : undefined;
  return ctx.tx
    .selectDistinct({
      residentId: residents.id,
      accountId: residents.accountId,
      restricted: residents.restrictedAt,
      erased: residents.erasedAt,
      /** Has an email or a phone to be reached on without the app. */
      contactable: sql<boolean>`(${residents.emailBidx} is not null or ${residents.phoneBidx} is not null)`,
      unitId: units.id,
      unitCode: units.code,
      role: householdMembers.role,
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
        narrow(only.blocks, units.block),
        narrow(only.floors, units.floor),
        narrow(only.unitIds, units.id),
        narrow(only.roles, householdMembers.role),
      ),
    );
}

/** The buildings an account lives in now, with its household roles there (owner, tenant, member). */
export async function householdRolesOf(ctx: Ctx, accountId: string) {
  return ctx.tx
    .selectDistinct({ buildingId: units.buildingId, role: householdMembers.role })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .innerJoin(
      residents,
      and(eq(residents.companyId, householdMembers.companyId), eq(residents.id, householdMembers.residentId)),
    )
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        eq(residents.accountId, accountId),
        isNull(householdMembers.movedOutOn),
      ),
    );
}
