import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { unitCharges } from "./unit-charges.table.js";

export type UnitCharge = typeof unitCharges.$inferSelect;
export type NewUnitCharge = {
  buildingId: string;
  unitId: string;
  /** The month it is for (YYYY-MM): billed on that month's notice, or the first one not yet issued after it. */
  period: string;
  kind: "amenity_fee" | "deposit" | "service_fee";
  description: string;
  amount: number;
  source: string;
  sourceId: string;
};

const ISSUED = sql.raw(`('issued', 'partially_paid', 'paid')`);

/** The month after `period` (YYYY-MM). */
function nextPeriod(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The first period from `period` on whose monthly notice for the unit has not been issued yet. */
async function openPeriod(ctx: Ctx, unitId: string, period: string): Promise<string> {
  const [last] = await queryRows<{ period: string | null }>(
    ctx.tx,
    sql`select max(period) as period from invoices
         where company_id = ${ctx.companyId} and unit_id = ${unitId} and kind = 'monthly'
           and status in ${ISSUED}`,
  );
  return last?.period && last.period >= period ? nextPeriod(last.period) : period;
}

/** Puts a charge on the unit's fee notice of its month, or of the first month after whose notice is still open. */
export async function chargeUnit(ctx: Ctx, charge: NewUnitCharge): Promise<UnitCharge> {
  return insertOne(
    ctx.tx
      .insert(unitCharges)
      .values({
        ...charge,
        companyId: ctx.companyId,
        period: await openPeriod(ctx, charge.unitId, charge.period),
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
}

/**
 * Takes charges back: one whose notice has not been issued is cancelled (the next run leaves it off); one
 * already on an issued notice is credited, its amount negated, on the unit's next open notice. Returns the
 * credits made.
 */
export async function withdrawCharges(ctx: Ctx, ids: string[], creditDescription: (c: UnitCharge) => string) {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select()
    .from(unitCharges)
    .where(
      and(
        eq(unitCharges.companyId, ctx.companyId),
        inArray(unitCharges.id, ids),
        sql`${unitCharges.cancelledAt} is null`,
      ),
    );
  const credits: UnitCharge[] = [];
  for (const charge of rows) {
    const open = await openPeriod(ctx, charge.unitId, charge.period);
    if (open === charge.period) {
      await ctx.tx
        .update(unitCharges)
        .set({ cancelledAt: new Date() })
        .where(and(eq(unitCharges.companyId, ctx.companyId), eq(unitCharges.id, charge.id)));
      continue;
    }
    credits.push(
      await insertOne(
        ctx.tx
          .insert(unitCharges)
          .values({
            companyId: ctx.companyId,
            buildingId: charge.buildingId,
            unitId: charge.unitId,
            period: open,
            kind: charge.kind === "deposit" ? "deposit_refund" : "credit",
            description: creditDescription(charge),
            amount: -charge.amount,
            vatRate: charge.vatRate,
            source: charge.source,
            sourceId: charge.sourceId,
            credits: charge.id,
            createdBy: ctx.actor.accountId,
          })
          .returning(),
      ),
    );
  }
  return credits;
}
