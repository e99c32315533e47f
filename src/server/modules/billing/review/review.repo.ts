import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../../platform/db/client.js";
import { billableUnits } from "../../registry/index.js";
import type { PeriodBounds } from "../runs/charges.sql.js";
import { billingReviews } from "./review.table.js";

type Scope = { companyId: string; buildingId: string; bounds: PeriodBounds };

/** How many earlier periods make a unit's own history, and how many it needs before it is trusted. */
export const HISTORY_MONTHS = 6;
export const MIN_HISTORY = 3;
/** Above this many times the unit's own median (of its last months) a figure is flagged… */
export const OWN_FACTOR = 3;
/** …or, without enough history, above this many times the building's median for the period. */
export const BUILDING_FACTOR = 5;

/** The period `months` before `period` (both YYYY-MM). */
export function periodBefore(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export type DraftRow = {
  id: string;
  unit_id: string;
  unit_code: string;
  code: string;
  kind: string;
  total: string;
  digest: string;
};

/** The building's drafts of the period (monthly notices and adjustments) with a digest of their lines. */
export function draftsOf(tx: Tx, { companyId, buildingId, bounds }: Scope) {
  return queryRows<DraftRow>(
    tx,
    sql`select i.id, i.unit_id, u.code as unit_code, i.code, i.kind, i.total::text as total,
               md5(i.total::text || E'\n' || coalesce(string_agg(
                 concat_ws('|', l.line_no, l.kind, l.description, l.quantity, l.unit_price, l.days, l.amount, l.vat),
                 E'\n' order by l.line_no), '')) as digest
          from invoices i
          join ${billableUnits} u on u.company_id = i.company_id and u.id = i.unit_id
          left join invoice_lines l on l.company_id = i.company_id and l.invoice_id = i.id
         where i.company_id = ${companyId} and i.building_id = ${buildingId} and i.period = ${bounds.period}
           and i.status = 'draft'
         group by i.company_id, i.id, u.code, u.block, u.floor
         order by u.block, u.floor, u.code, i.kind desc`,
  );
}

/**
 * Units billed by a meter in the period (a metered fee rule in force on some day the unit is handed over)
 * that have no reading for it, with the unit's draft monthly notice when there is one.
 */
export function missingReadings(tx: Tx, { companyId, buildingId, bounds }: Scope) {
  return queryRows<{ unit_id: string; unit_code: string; kinds: string[]; invoice_id: string | null }>(
    tx,
    sql`select u.id as unit_id, u.code as unit_code, array_agg(distinct f.kind order by f.kind) as kinds,
               (select i.id from invoices i
                 where i.company_id = u.company_id and i.unit_id = u.id and i.period = ${bounds.period}
                   and i.kind = 'monthly' and i.status = 'draft') as invoice_id
          from ${billableUnits} u
          join fee_rules f on f.company_id = u.company_id and f.building_id = u.building_id
                          and f.kind in ('electricity', 'water')
                          and greatest(${bounds.start}::date, coalesce(u.handover_date, ${bounds.start}::date), f.valid_from)
                              < least(${bounds.end}::date, coalesce(f.valid_to + 1, ${bounds.end}::date))
         where u.company_id = ${companyId} and u.building_id = ${buildingId}
           and not exists (select 1 from meter_readings m
                            where m.company_id = u.company_id and m.unit_id = u.id and m.kind = f.kind
                              and m.period = ${bounds.period})
         group by u.company_id, u.id, u.code, u.block, u.floor
         order by u.block, u.floor, u.code`,
  );
}

export type OutlierRow = {
  invoice_id: string;
  metric: "electricity" | "water" | "total";
  value: string;
  median: number;
  threshold: number;
  basis: "unit" | "building";
};

/**
 * The draft monthly notices whose consumption (per meter) or total is far above normal: above OWN_FACTOR ×
 * the median of the unit's own last HISTORY_MONTHS periods when it has at least MIN_HISTORY of them (and that
 * median is not 0), else above BUILDING_FACTOR × the building's median for the period (readings of the period;
 * monthly notices of the period, drafts and issued). A median of 0 flags nothing.
 */
export function outliers(tx: Tx, { companyId: c, buildingId: b, bounds }: Scope) {
  const p = bounds.period;
  const since = periodBefore(p, HISTORY_MONTHS);
  return queryRows<OutlierRow>(
    tx,
    sql`with d as (
          select i.id, i.unit_id, i.total from invoices i
           where i.company_id = ${c} and i.building_id = ${b} and i.period = ${p} and i.kind = 'monthly'
             and i.status = 'draft'
        ),
        cur as (
          select m.unit_id, m.kind as metric, (m.reading - m.previous)::numeric as value from meter_readings m
           where m.company_id = ${c} and m.building_id = ${b} and m.period = ${p}
        ),
        cur_total as (
          select i.unit_id, 'total'::text as metric, i.total::numeric as value from invoices i
           where i.company_id = ${c} and i.building_id = ${b} and i.period = ${p} and i.kind = 'monthly'
             and i.status <> 'void'
        ),
        past as (
          select x.unit_id, x.metric, x.value,
                 row_number() over (partition by x.unit_id, x.metric order by x.period desc) as rn
            from (
              select m.unit_id, m.kind as metric, m.period, (m.reading - m.previous)::numeric as value
                from meter_readings m
               where m.company_id = ${c} and m.building_id = ${b} and m.period >= ${since} and m.period < ${p}
              union all
              select i.unit_id, 'total', i.period, i.total::numeric from invoices i
               where i.company_id = ${c} and i.building_id = ${b} and i.period >= ${since} and i.period < ${p}
                 and i.kind = 'monthly' and i.status not in ('draft', 'void')
            ) x
        ),
        own as (
          select unit_id, metric, percentile_cont(0.5) within group (order by value) as median, count(*) as n
            from past where rn <= ${HISTORY_MONTHS} group by unit_id, metric
        ),
        now_all as (select * from cur union all select * from cur_total),
        building as (
          select metric, percentile_cont(0.5) within group (order by value) as median from now_all group by metric
        ),
        judged as (
          select d.id as invoice_id, n.metric, n.value,
                 case when o.n >= ${MIN_HISTORY} and o.median > 0 then 'unit' else 'building' end as basis,
                 case when o.n >= ${MIN_HISTORY} and o.median > 0 then o.median else bm.median end as median,
                 case when o.n >= ${MIN_HISTORY} and o.median > 0 then ${OWN_FACTOR}::float8 * o.median
                      else ${BUILDING_FACTOR}::float8 * bm.median end as threshold
            from d
            join now_all n on n.unit_id = d.unit_id
            join building bm on bm.metric = n.metric
            left join own o on o.unit_id = d.unit_id and o.metric = n.metric
        )
        select invoice_id, metric, value::text as value, median, threshold, basis from judged
         where median > 0 and value > threshold
         order by invoice_id, metric`,
  );
}

/** Draft monthly notices of units that no earlier issued monthly notice billed: their first notice. */
export function firstNotices(tx: Tx, { companyId, buildingId, bounds }: Scope) {
  return queryRows<{ invoice_id: string }>(
    tx,
    sql`select d.id as invoice_id from invoices d
         where d.company_id = ${companyId} and d.building_id = ${buildingId} and d.period = ${bounds.period}
           and d.kind = 'monthly' and d.status = 'draft'
           and not exists (select 1 from invoices e
                            where e.company_id = d.company_id and e.unit_id = d.unit_id and e.kind = 'monthly'
                              and e.period < d.period and e.status not in ('draft', 'void'))`,
  );
}

export type ReviewRow = typeof billingReviews.$inferSelect;

/** The latest review of a building's period, if any. */
export async function latestReview(
  tx: Tx,
  { companyId, buildingId, period }: { companyId: string; buildingId: string; period: string },
) {
  const [row] = await tx
    .select()
    .from(billingReviews)
    .where(
      and(
        eq(billingReviews.companyId, companyId),
        eq(billingReviews.buildingId, buildingId),
        eq(billingReviews.period, period),
      ),
    )
    .orderBy(desc(billingReviews.createdAt))
    .limit(1);
  return row ?? null;
}

export async function reviewById(tx: Tx, { companyId, id }: { companyId: string; id: string }) {
  const [row] = await tx
    .select()
    .from(billingReviews)
    .where(and(eq(billingReviews.companyId, companyId), eq(billingReviews.id, id)));
  return row ?? null;
}

export async function insertReview(tx: Tx, values: typeof billingReviews.$inferInsert) {
  const [row] = await tx.insert(billingReviews).values(values).returning();
  if (!row) throw new Error("review insert");
  return row;
}
