import { and, asc, count, desc, eq, lt, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../../platform/db/client.js";
import { billableUnits } from "../../registry/index.js";
import type { PeriodBounds } from "../runs/charges.sql.js";
import { meterReadings } from "./readings.table.js";

export type ReadingRow = typeof meterReadings.$inferSelect;
type Building = { companyId: string; buildingId: string };
/** One meter of one unit in one period. */
type Meter = { companyId: string; unitId: string; kind: string; period: string };

/** The meter's readings before the period, newest first. */
export function readingsBefore(tx: Tx, m: Meter, limit: number) {
  return tx
    .select({ reading: meterReadings.reading, previous: meterReadings.previous })
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.companyId, m.companyId),
        eq(meterReadings.unitId, m.unitId),
        eq(meterReadings.kind, m.kind),
        lt(meterReadings.period, m.period),
      ),
    )
    .orderBy(desc(meterReadings.period))
    .limit(limit);
}

/** The meter's reading of the period, if recorded. */
export async function readingOf(tx: Tx, m: Meter) {
  const [row] = await tx
    .select()
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.companyId, m.companyId),
        eq(meterReadings.unitId, m.unitId),
        eq(meterReadings.kind, m.kind),
        eq(meterReadings.period, m.period),
      ),
    );
  return row ?? null;
}

/** Records the meter's reading of the period, replacing the one recorded before. */
export async function upsertReading(
  tx: Tx,
  m: Meter & { buildingId: string },
  values: Pick<ReadingRow, "previous" | "reading" | "readOn" | "readBy">,
) {
  const [row] = await tx
    .insert(meterReadings)
    .values({ ...m, ...values })
    .onConflictDoUpdate({
      target: [meterReadings.companyId, meterReadings.unitId, meterReadings.kind, meterReadings.period],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row ?? null;
}

/** A page of the building's readings of the period with their unit's code, by unit; and how many match. */
export function readingPage(
  tx: Tx,
  {
    companyId,
    buildingId,
    period,
    kind,
  }: { companyId: string; buildingId: string; period: string; kind?: string },
) {
  const where = and(
    eq(meterReadings.companyId, companyId),
    eq(meterReadings.buildingId, buildingId),
    eq(meterReadings.period, period),
    kind ? eq(meterReadings.kind, kind) : undefined,
  );
  const join = and(
    eq(billableUnits.companyId, meterReadings.companyId),
    eq(billableUnits.id, meterReadings.unitId),
  );
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select({ r: meterReadings, code: billableUnits.code })
        .from(meterReadings)
        .innerJoin(billableUnits, join)
        .where(where)
        .orderBy(asc(billableUnits.code), asc(meterReadings.kind))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(meterReadings).where(where),
  };
}

/**
 * Units of the building handed over before the period ends, without a reading of a meter that a fee rule in
 * force in the period charges by (at most a thousand, by unit).
 */
export function metersWithoutReading(
  tx: Tx,
  { companyId, buildingId, period, bounds }: Building & { period: string; bounds: PeriodBounds },
) {
  return queryRows<{ unitId: string; unitCode: string; kind: "electricity" | "water" }>(
    tx,
    sql`select u.id as "unitId", u.code as "unitCode", k.kind
          from ${billableUnits} u
          cross join (select distinct f.kind from fee_rules f
                       where f.company_id = ${companyId} and f.building_id = ${buildingId}
                         and f.kind in ('electricity', 'water') and f.valid_from < ${bounds.end}::date
                         and (f.valid_to is null or f.valid_to >= ${bounds.start}::date)) k
         where u.company_id = ${companyId} and u.building_id = ${buildingId}
           and (u.handover_date is null or u.handover_date < ${bounds.end}::date)
           and not exists (select 1 from meter_readings m
                            where m.company_id = u.company_id and m.unit_id = u.id and m.kind = k.kind
                              and m.period = ${period})
         order by u.code, k.kind
         limit 1000`,
  );
}

/** Every unit of the building twice (electricity, water) by code, with the meter's last reading before the period. */
export function templateMeters(tx: Tx, { companyId, buildingId, period }: Building & { period: string }) {
  return queryRows<{ code: string; kind: string; last: string | null }>(
    tx,
    sql`select u.code, k.kind,
               (select m.reading::text from meter_readings m where m.company_id = u.company_id and m.unit_id = u.id
                  and m.kind = k.kind and m.period < ${period} order by m.period desc limit 1) as last
          from ${billableUnits} u cross join (values ('electricity'), ('water')) k(kind)
         where u.company_id = ${companyId} and u.building_id = ${buildingId}
         order by u.code, k.kind`,
  );
}

/** The building's units' ids and codes. */
export function unitCodes(tx: Tx, { companyId, buildingId }: Building) {
  return tx
    .select({ id: billableUnits.id, code: billableUnits.code })
    .from(billableUnits)
    .where(and(eq(billableUnits.companyId, companyId), eq(billableUnits.buildingId, buildingId)));
}

/** Each meter of the building before the period: its last reading and its usual consumption (last three). */
export function meterHistories(tx: Tx, { companyId, buildingId, period }: Building & { period: string }) {
  return queryRows<{
    unit_id: string;
    kind: string;
    last: string | null;
    usual: string | null;
    current: string | null;
  }>(
    tx,
    sql`select x.unit_id, x.kind,
               (array_agg(x.reading order by x.period desc))[1]::text as last,
               avg(x.reading - x.previous) filter (where x.rn <= 3)::text as usual,
               null::text as current
          from (select m.*, row_number() over (partition by m.unit_id, m.kind order by m.period desc) as rn
                  from meter_readings m
                 where m.company_id = ${companyId} and m.building_id = ${buildingId} and m.period < ${period}) x
         group by x.unit_id, x.kind`,
  );
}

/** A reading of an imported sheet, checked. */
export type ImportedReading = {
  unitId: string;
  kind: string;
  /** The sheet may leave it empty; the import fills it in from the meter's last reading before writing. */
  previous: number | null;
  reading: number;
  readOn: string;
};

/**
 * Records the period's readings at once, replacing earlier ones of the period.
 * @returns the readings written (new, or different from what was recorded)
 */
export function writeReadings(
  tx: Tx,
  {
    companyId,
    buildingId,
    period,
    readBy,
    rows,
  }: Building & { period: string; readBy: string | null; rows: ImportedReading[] },
) {
  const col = <T>(f: (r: ImportedReading) => T) => sql.param(rows.map(f));
  return queryRows<{ id: string }>(
    tx,
    sql`insert into meter_readings (company_id, building_id, unit_id, kind, period, previous, reading, read_on, read_by)
        select ${companyId}, ${buildingId}, r.unit_id, r.kind, ${period}, r.previous, r.reading, r.read_on,
               ${readBy}
          from unnest(${col((r) => r.unitId)}::uuid[], ${col((r) => r.kind)}::text[], ${col((r) => r.previous)}::bigint[],
                      ${col((r) => r.reading)}::bigint[], ${col((r) => r.readOn)}::date[])
               as r(unit_id, kind, previous, reading, read_on)
        on conflict (company_id, unit_id, kind, period) do update
           set previous = excluded.previous, reading = excluded.reading, read_on = excluded.read_on,
               read_by = excluded.read_by, updated_at = now()
         where (meter_readings.previous, meter_readings.reading) is distinct from (excluded.previous, excluded.reading)
        returning id`,
  );
}
