import { type SQL, sql } from "drizzle-orm";
import { billableUnits, billableVehicles, unitMembers } from "../../registry/index.js";
import { NATIONAL_TARIFFS } from "../tariffs/tariffs.table.js";

/** A billing period: the calendar month `YYYY-MM` in Asia/Ho_Chi_Minh, as dates [start, end). */
export type PeriodBounds = { period: string; start: string; end: string; days: number };

export function periodBounds(period: string): PeriodBounds {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) throw new RangeError(`period must be YYYY-MM, got ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new RangeError(`period must be YYYY-MM, got ${period}`);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  return { period, start: `${period}-01`, end: `${next}-01`, days };
}

export type ChargeScope = {
  companyId: string;
  buildingId: string;
  bounds: PeriodBounds;
  /** The units to charge: an id range of the building's units (the run works in chunks). */
  fromUnit: string;
  toUnit: string;
};

/**
 * The metered part of a month, as CTEs (`versions` … `band_qty`) to put after two others the caller defines:
 * `p (d0, d1, pd)`, the month, and `metered_in (unit_id, consumption, persons, rule_id, kind, name, vat_rate,
 * on_behalf, tariff_code, m_from, m_to)`, one row per unit and metered rule with the days [m_from, m_to) it is
 * metered in the month. The billing run and the tariff preview share it.
 *
 * EVN's method ("Tính tiền trong tháng đổi giá", and a period that is not a full month): the metered days are
 * cut where a tariff version (or the rule) changes; the consumption is split by days, cumulatively rounded
 * (two parts: A1 = round(A × N1 / N), A2 = A − A1); each part goes through its version's bands with each
 * band's own limit (its width: 50, 50, 100, 100, 100 kWh) prorated by the part's days over the month's days
 * and rounded, Mt_i = round(Mq_i × N_i / T) — the thresholds are sums of rounded widths, not rounded
 * cumulative thresholds. A handover (or a rule starting or ending) inside the month is such a part too. Water
 * limits per person are the household's norm (width × persons), prorated and rounded the same way. A company's
 * own versions of a code replace the national ones of that code.
 */
export function tieredLines(companyId: string): SQL {
  const c = companyId;
  return sql`versions as (
  select t.code, t.basis, t.bands, t.vat_rate, t.valid_from,
         lead(t.valid_from) over (partition by t.code order by t.valid_from) as next_from
    from tariffs t
   where t.company_id = ${c}
      or (t.company_id = ${NATIONAL_TARIFFS}
          and not exists (select 1 from tariffs o where o.company_id = ${c} and o.code = t.code))
),
version_bands as (
  select v.code, v.valid_from, x.ord, (x.e->>'price')::bigint as price,
         (x.e->>'upTo')::numeric
           - coalesce(lag((x.e->>'upTo')::numeric) over (partition by v.code, v.valid_from order by x.ord), 0) as width
    from versions v cross join lateral jsonb_array_elements(v.bands) with ordinality as x(e, ord)
),
seg as (
  select mi.*, v.basis, v.valid_from as v_from, coalesce(v.vat_rate, mi.vat_rate) as line_vat,
         greatest(mi.m_from, v.valid_from) as s_from, least(mi.m_to, coalesce(v.next_from, mi.m_to)) as s_to
    from metered_in mi join versions v on v.code = mi.tariff_code
   where v.valid_from < mi.m_to and (v.next_from is null or v.next_from > mi.m_from)
),
seg_days as (
  select s.*, (s.s_to - s.s_from) as days,
         sum(s.s_to - s.s_from) over w as elapsed,
         sum(s.s_to - s.s_from) over (partition by s.unit_id, s.kind) as total_days,
         row_number() over w as seg_no,
         count(*) over (partition by s.unit_id, s.kind) as seg_count
    from seg s
   where s.s_to > s.s_from
  window w as (partition by s.unit_id, s.kind order by s.s_from, s.rule_id)
),
seg_part as (
  select sd.*,
         round(sd.consumption::numeric * sd.elapsed / sd.total_days)
           - round(sd.consumption::numeric * (sd.elapsed - sd.days) / sd.total_days) as part
    from seg_days sd
),
band as (
  select sp.unit_id, sp.rule_id, sp.kind, sp.name, sp.line_vat as vat_rate, sp.on_behalf, sp.seg_no, sp.seg_count,
         sp.s_from, sp.part, vb.ord, vb.price,
         round(vb.width * (case when sp.basis = 'person' then sp.persons else 1 end) * sp.days / p.pd) as band_limit
    from seg_part sp join version_bands vb on vb.code = sp.tariff_code and vb.valid_from = sp.v_from, p
),
band_cum as (
  select band.*,
         sum(coalesce(band_limit, 0)) over (partition by unit_id, kind, seg_no order by ord
                                            rows between unbounded preceding and current row) as cum
    from band
),
band_qty as (
  select bc.*,
         greatest(0, case when band_limit is null then part else least(part, cum) end - (cum - coalesce(band_limit, 0)))
           as qty
    from band_cum bc
)`;
}

/**
 * Every line of every notice for the units in scope, as one set-based query. Columns: unit_id, line_no,
 * kind, fee_rule_id, description, quantity, unit_label, unit_price, days, period_days, amount, vat_rate, vat,
 * on_behalf. The rules, in the order lines appear:
 * - area: the unit's area × price per m², prorated by the days the rule was valid and the unit handed over;
 * - fixed: one per unit, prorated the same way;
 * - vehicle: one line per vehicle active in the month, ranked within the unit per type by when it started
 *   (the second and later at `price_next`), prorated by its active days;
 * - electricity, water: the period's reading through the tariff's bands the way EVN bills (`tieredLines`): a
 *   tariff change, a handover or a rule's start or end inside the month splits consumption by days and
 *   prorates each band's own limit by the part's days; water limits are per registered person when the tariff
 *   says so; the VAT is the tariff version's when it sets one; a surcharge (wastewater fee) is a percentage
 *   of the metered amount, without VAT;
 * - late fee (when the building sets one): a percentage of what earlier notices still owed past their due
 *   date when the month began, without VAT;
 * - charges other modules put on the unit for the month (an amenity's fee, a deposit and its refund: see
 *   charges/unit-charges.service), one line each at their amount;
 * - amount = round(quantity × unit_price × days / period_days) and vat = round(amount × vat_rate / 100),
 *   half away from zero (PostgreSQL's round(numeric), the same as core/money.ts).
 */
export function chargeLines(s: ChargeScope): SQL {
  const { companyId: c, buildingId: b, bounds } = s;
  return sql`
with p as (select ${bounds.start}::date as d0, ${bounds.end}::date as d1, ${bounds.days}::int as pd),
u as (
  select u.id, u.type, u.area_m2, greatest(p.d0, coalesce(u.handover_date, p.d0)) as since
    from ${billableUnits} u, p
   where u.company_id = ${c} and u.building_id = ${b} and u.id between ${s.fromUnit} and ${s.toUnit}
),
r as (
  select f.* from fee_rules f, p
   where f.company_id = ${c} and f.building_id = ${b} and f.valid_from < p.d1
     and (f.valid_to is null or f.valid_to >= p.d0)
),
per_unit as (
  select u.id as unit_id, case r.kind when 'area' then 1 else 2 end as grp, 0 as sub, r.id as rule_id, r.kind,
         r.name as description,
         case r.kind when 'area' then u.area_m2 else 1 end::numeric as quantity,
         case r.kind when 'area' then 'm²' else 'căn' end as unit_label, r.price as unit_price,
         least(p.d1, coalesce(r.valid_to + 1, p.d1)) - greatest(u.since, r.valid_from) as days,
         r.vat_rate, r.on_behalf
    from u join r on r.kind in ('area', 'fixed') and (r.unit_type is null or r.unit_type = u.type), p
),
veh as (
  select v.unit_id, v.type,
         row_number() over (partition by v.unit_id, v.type order by v.active_from nulls first, v.created_at, v.id) as rank,
         greatest(p.d0, coalesce(v.active_from, p.d0)) as v_from, least(p.d1, coalesce(v.active_to + 1, p.d1)) as v_to
    from ${billableVehicles} v, p
   where v.company_id = ${c} and v.building_id = ${b} and v.unit_id between ${s.fromUnit} and ${s.toUnit}
     and v.status <> 'pending' and (v.active_from is null or v.active_from < p.d1)
     and (v.active_to is null or v.active_to >= p.d0) and (v.status = 'active' or v.active_to is not null)
),
per_vehicle as (
  select veh.unit_id, 3 as grp, veh.rank::int as sub, r.id, r.kind,
         r.name || case when veh.rank > 1 then ' (xe thứ ' || veh.rank || ')' else '' end,
         1::numeric, 'xe',
         case when veh.rank > 1 then coalesce(r.price_next, r.price) else r.price end,
         least(veh.v_to, coalesce(r.valid_to + 1, p.d1)) - greatest(veh.v_from, r.valid_from),
         r.vat_rate, r.on_behalf
    from veh join r on r.kind = 'vehicle' and r.vehicle_type = veh.type, p
),
-- One row per unit with what its meters need: handover, readings, registered persons. An aggregate over a union
-- rather than joins: freshly written tables have no statistics (PGlite never analyses them), and the planner,
-- estimating one row per side, would pick nested loops that cost units × members.
facts as (
  select x.unit_id, max(x.since) as since, count(x.member)::int as members,
         max(x.consumption) filter (where x.kind = 'electricity') as electricity,
         max(x.consumption) filter (where x.kind = 'water') as water
    from (
      select u.id as unit_id, u.since, null::int as member, null::text as kind, null::bigint as consumption from u
      union all
      select hm.unit_id, null, 1, null, null
        from ${unitMembers} hm, p
       where hm.company_id = ${c} and hm.unit_id between ${s.fromUnit} and ${s.toUnit}
         and (hm.moved_in_on is null or hm.moved_in_on < p.d1) and (hm.moved_out_on is null or hm.moved_out_on >= p.d0)
      union all
      select m.unit_id, null, null, m.kind, m.reading - m.previous
        from meter_readings m
       where m.company_id = ${c} and m.building_id = ${b} and m.period = ${bounds.period}
         and m.unit_id between ${s.fromUnit} and ${s.toUnit}
    ) x
   group by x.unit_id
),
metered_in as (
  select f.unit_id, mk.consumption, greatest(f.members, 1) as persons, r.id as rule_id, r.kind, r.name, r.vat_rate,
         r.on_behalf, r.tariff_code, greatest(f.since, r.valid_from) as m_from,
         least(p.d1, coalesce(r.valid_to + 1, p.d1)) as m_to
    from facts f
    cross join lateral (values ('electricity', f.electricity), ('water', f.water)) as mk(kind, consumption)
    join r on r.kind = mk.kind, p
   where f.since is not null and mk.consumption is not null
),
${tieredLines(c)},
metered as (
  select bq.unit_id, 4 as grp, (bq.seg_no * 100 + bq.ord)::int as sub, bq.rule_id, bq.kind,
         bq.name || ' bậc ' || bq.ord
           || case when bq.seg_count > 1 then ' (từ ' || to_char(bq.s_from, 'DD/MM') || ')' else '' end,
         bq.qty::numeric, case bq.kind when 'electricity' then 'kWh' else 'm³' end, bq.price, p.pd,
         bq.vat_rate, bq.on_behalf
    from band_qty bq, p
   where bq.qty > 0
),
surcharge as (
  select bq.unit_id, 5 as grp, 0 as sub, r.id, 'surcharge',
         r.surcharge_name || ' (' || replace(trim_scale(r.surcharge_percent)::text, '.', ',') || '% '
           || lower(r.name) || ')',
         1::numeric, 'lần', round(sum(bq.qty * bq.price) * r.surcharge_percent / 100)::bigint, p.pd, 0::numeric,
         r.on_behalf
    from band_qty bq join r on r.id = bq.rule_id, p
   where r.surcharge_percent is not null and bq.qty > 0
   group by bq.unit_id, r.id, r.name, r.surcharge_name, r.surcharge_percent, r.on_behalf, p.pd
),
late as (
  select i.unit_id, 6 as grp, 0 as sub, null::uuid, 'late_fee',
         'Phí chậm nộp (' || replace(trim_scale(bb.late_fee_percent)::text, '.', ',') || '% số nợ quá hạn)',
         1::numeric, 'lần', round(sum(i.total - i.paid) * bb.late_fee_percent / 100)::bigint, p.pd, 0::numeric, false
    from invoices i
    join building_billing bb on bb.company_id = i.company_id and bb.building_id = i.building_id, p
   where i.company_id = ${c} and i.building_id = ${b} and i.unit_id between ${s.fromUnit} and ${s.toUnit}
     and bb.late_fee_percent > 0 and i.status in ('issued', 'partially_paid') and i.due_on < p.d0
     and i.period < ${bounds.period}
   group by i.unit_id, bb.late_fee_percent, p.pd
),
extra as (
  select uc.unit_id, 7 as grp, 0 as sub, null::uuid, uc.kind, uc.description, 1::numeric, 'lần', uc.amount, p.pd,
         uc.vat_rate, false
    from unit_charges uc, p
   where uc.company_id = ${c} and uc.building_id = ${b} and uc.period = ${bounds.period}
     and uc.unit_id between ${s.fromUnit} and ${s.toUnit} and uc.cancelled_at is null
),
lines as (
  select * from per_unit union all select * from per_vehicle union all select * from metered
  union all select * from surcharge union all select * from late union all select * from extra
)
select l.unit_id,
       row_number() over (partition by l.unit_id order by l.grp, l.description, l.sub, l.rule_id)::int as line_no,
       l.kind, l.rule_id as fee_rule_id, l.description, l.quantity::numeric(14, 4) as quantity, l.unit_label,
       l.unit_price, l.days::int as days, p.pd as period_days,
       round(l.quantity::numeric(14, 4) * l.unit_price * l.days / p.pd)::bigint as amount,
       l.vat_rate::numeric(5, 2) as vat_rate,
       round(round(l.quantity::numeric(14, 4) * l.unit_price * l.days / p.pd) * l.vat_rate / 100)::bigint as vat,
       l.on_behalf
  from lines l, p
 where l.days > 0`;
}
