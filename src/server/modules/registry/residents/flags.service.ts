import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { HouseholdFlag } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { errors } from "../../../platform/errors.js";
import { authorizeHousehold } from "./households.service.js";
import { householdFlags } from "./residents.table.js";

type Row = typeof householdFlags.$inferSelect;

const toDto = (f: Row): z.infer<typeof HouseholdFlag> => ({
  id: f.id,
  unitId: f.unitId,
  note: f.note,
  raisedAt: f.raisedAt.toISOString(),
  resolvedAt: f.resolvedAt?.toISOString() ?? null,
  resolution: f.resolution,
});

export async function listFlags(ctx: Ctx, unitId: string) {
  await authorizeHousehold(ctx, unitId, "read");
  const rows = await ctx.tx
    .select()
    .from(householdFlags)
    .where(and(eq(householdFlags.companyId, ctx.companyId), eq(householdFlags.unitId, unitId)))
    .orderBy(desc(householdFlags.raisedAt));
  return { items: rows.map(toDto) };
}

/** Management points out a problem in the member list, which it may not edit itself. */
export async function raiseFlag(ctx: Ctx, unitId: string, note: string) {
  await authorizeHousehold(ctx, unitId, "flag");
  const row = await insertOne(
    ctx.tx
      .insert(householdFlags)
      .values({ companyId: ctx.companyId, unitId, note, raisedBy: ctx.actor.accountId })
      .returning(),
  );
  await audit(ctx, {
    action: "household.flag",
    entity: "household_flag",
    entityId: row.id,
    changes: { note: [null, note] },
  });
  return toDto(row);
}

/** The owner (or management) marks a flag resolved, saying how. */
export async function resolveFlag(ctx: Ctx, flagId: string, resolution: string | undefined) {
  const [flag] = await ctx.tx
    .select()
    .from(householdFlags)
    .where(
      and(
        eq(householdFlags.companyId, ctx.companyId),
        eq(householdFlags.id, flagId),
        isNull(householdFlags.resolvedAt),
      ),
    );
  if (!flag) throw errors.notFound("resource");
  await authorizeHousehold(ctx, flag.unitId, "change");
  const [row] = await ctx.tx
    .update(householdFlags)
    .set({ resolvedAt: new Date(), resolvedBy: ctx.actor.accountId, resolution: resolution ?? null })
    .where(and(eq(householdFlags.companyId, ctx.companyId), eq(householdFlags.id, flagId)))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, { action: "household.flag_resolved", entity: "household_flag", entityId: flagId });
  return toDto(row);
}
