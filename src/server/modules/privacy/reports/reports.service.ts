import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { loadBuilding } from "../../buildings/index.js";
import { suppress, suppressGroup } from "./suppress.js";

export const K = 5;

/**
 * Residents per floor, for parties outside the company (the owners' board's report to the ward, a survey
 * partner): a floor with fewer than 5 residents shows no number, nor does a second floor of its block when
 * one hidden number could otherwise be worked out from the block's total.
 */
export async function occupancyReport(ctx: Ctx, buildingId: string) {
  await loadBuilding(ctx, buildingId);
  const rows = await queryRows<{ block: string; floor: number; units: number; residents: number }>(
    ctx.tx,
    sql`select u.block, u.floor, count(distinct u.id)::int as units, count(distinct m.resident_id)::int as residents
        from units u
        left join household_members m on m.company_id = u.company_id and m.unit_id = u.id and m.moved_out_on is null
        where u.company_id = ${ctx.companyId} and u.building_id = ${buildingId}
        group by u.block, u.floor order by u.block, u.floor desc`,
  );
  const out = [];
  for (const block of [...new Set(rows.map((r) => r.block))]) {
    const floors = rows.filter((r) => r.block === block);
    const cells = suppressGroup(
      floors.map((f) => f.residents),
      K,
    );
    out.push(
      ...floors.map((f, i) => ({
        block,
        floor: f.floor,
        units: f.units,
        residents: cells[i] ?? suppress(f.residents, K),
      })),
    );
  }
  return { buildingId, k: K, rows: out };
}

/** Units billed and units fully paid per period; a period with fewer than 5 of either shows no numbers. */
export async function paymentRateReport(ctx: Ctx, buildingId: string) {
  await loadBuilding(ctx, buildingId);
  const rows = await queryRows<{ period: string; billed: number; paid: number }>(
    ctx.tx,
    sql`select period, count(distinct unit_id)::int as billed,
               count(distinct unit_id) filter (where status = 'paid')::int as paid
        from invoices
        where company_id = ${ctx.companyId} and building_id = ${buildingId} and kind = 'monthly' and issued_at is not null
        group by period order by period desc limit 24`,
  );
  return {
    buildingId,
    k: K,
    rows: rows.map((r) => {
      const billed = suppress(r.billed, K);
      const paid = suppress(r.paid, K);
      const hidden = billed.suppressed || paid.suppressed;
      return {
        period: r.period,
        billed,
        paid: hidden && !paid.suppressed ? { value: null, suppressed: true } : paid,
        rate: hidden || r.billed === 0 ? null : Math.round((r.paid / r.billed) * 1000) / 1000,
      };
    }),
  };
}
