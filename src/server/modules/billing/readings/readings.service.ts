import { and, asc, count, desc, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Reading, ReadingBody, ReadingQuery } from "../../../../contracts/billing.js";
import type { Page } from "../../../../contracts/common.js";
import { audit, diff } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { pageOf } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { billableUnits, unitRef } from "../../registry/index.js";
import { billingBuilding } from "../rules/rules.service.js";
import { periodBounds } from "../runs/charges.sql.js";
import { meterReadings } from "./readings.table.js";

type Body = z.infer<typeof ReadingBody>;
type Row = typeof meterReadings.$inferSelect;

/** A consumption this many times the unit's usual (average of its last three periods) asks for a second look. */
const UNUSUAL_FACTOR = 3;
/** …unless it is small anyway (a nearly empty flat). */
const UNUSUAL_FLOOR = 30;

const toDto = (r: Row, unitCode: string): Reading => ({
  id: r.id,
  unitId: r.unitId,
  unitCode,
  kind: r.kind as Reading["kind"],
  period: r.period,
  previous: r.previous,
  reading: r.reading,
  consumption: r.reading - r.previous,
  readOn: r.readOn,
});

/** The unit's readings of this meter before the period, newest first. */
function history(ctx: Ctx, body: Body, limit: number) {
  return ctx.tx
    .select({ reading: meterReadings.reading, previous: meterReadings.previous })
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.companyId, ctx.companyId),
        eq(meterReadings.unitId, body.unitId),
        eq(meterReadings.kind, body.kind),
        lt(meterReadings.period, body.period),
      ),
    )
    .orderBy(desc(meterReadings.period))
    .limit(limit);
}

/**
 * Records (or corrects) a unit's meter reading for a period. The previous reading is last period's unless
 * given (a replaced meter); a reading lower than the previous is refused, and a consumption far above the
 * unit's usual must be confirmed.
 */
export async function recordReading(ctx: Ctx, body: Body): Promise<Reading> {
  periodBounds(body.period);
  const unit = await unitRef(ctx, body.unitId);
  authorizeVisible(ctx.actor, "record_reading", subject("billing", { buildingId: unit.buildingId }));
  const past = await history(ctx, body, 3);
  const previous = body.previous ?? past[0]?.reading ?? 0;
  if (body.reading < previous) {
    throw errors.rule("READING_BELOW_PREVIOUS", { previous, reading: body.reading });
  }
  const consumption = body.reading - previous;
  if (past.length > 0 && !body.confirmUnusual) {
    const usual = past.reduce((sum, p) => sum + (p.reading - p.previous), 0) / past.length;
    if (consumption > UNUSUAL_FLOOR && consumption > usual * UNUSUAL_FACTOR) {
      throw errors.rule("READING_UNUSUAL", { consumption, usual: Math.round(usual) });
    }
  }
  const values = { previous, reading: body.reading, readOn: body.readOn, readBy: ctx.actor.accountId };
  const [before] = await ctx.tx
    .select()
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.companyId, ctx.companyId),
        eq(meterReadings.unitId, body.unitId),
        eq(meterReadings.kind, body.kind),
        eq(meterReadings.period, body.period),
      ),
    );
  const [row] = await ctx.tx
    .insert(meterReadings)
    .values({
      companyId: ctx.companyId,
      buildingId: unit.buildingId,
      unitId: body.unitId,
      kind: body.kind,
      period: body.period,
      ...values,
    })
    .onConflictDoUpdate({
      target: [meterReadings.companyId, meterReadings.unitId, meterReadings.kind, meterReadings.period],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("reading upsert");
  await audit(ctx, {
    action: before ? "meter_reading.correct" : "meter_reading.create",
    entity: "meter_reading",
    entityId: row.id,
    changes: diff(before ?? null, row),
  });
  return toDto(row, unit.code);
}

export async function listReadings(ctx: Ctx, q: z.infer<typeof ReadingQuery>): Promise<Page<Reading>> {
  await billingBuilding(ctx, q.buildingId, "read_readings");
  const where = and(
    eq(meterReadings.companyId, ctx.companyId),
    eq(meterReadings.buildingId, q.buildingId),
    eq(meterReadings.period, q.period),
    q.kind ? eq(meterReadings.kind, q.kind) : undefined,
  );
  const join = and(
    eq(billableUnits.companyId, meterReadings.companyId),
    eq(billableUnits.id, meterReadings.unitId),
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select({ r: meterReadings, code: billableUnits.code })
          .from(meterReadings)
          .innerJoin(billableUnits, join)
          .where(where)
          .orderBy(asc(billableUnits.code), asc(meterReadings.kind))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(meterReadings).where(where),
    },
    (row) => toDto(row.r, row.code),
  );
}

/** Units billed by a meter (a metered fee valid in the period) that have no reading for it yet. */
export async function missingReadings(ctx: Ctx, buildingId: string, period: string) {
  await billingBuilding(ctx, buildingId, "read_readings");
  const bounds = periodBounds(period);
  const items = await queryRows<{ unitId: string; unitCode: string; kind: "electricity" | "water" }>(
    ctx.tx,
    sql`select u.id as "unitId", u.code as "unitCode", k.kind
          from ${billableUnits} u
          cross join (select distinct f.kind from fee_rules f
                       where f.company_id = ${ctx.companyId} and f.building_id = ${buildingId}
                         and f.kind in ('electricity', 'water') and f.valid_from < ${bounds.end}::date
                         and (f.valid_to is null or f.valid_to >= ${bounds.start}::date)) k
         where u.company_id = ${ctx.companyId} and u.building_id = ${buildingId}
           and (u.handover_date is null or u.handover_date < ${bounds.end}::date)
           and not exists (select 1 from meter_readings m
                            where m.company_id = u.company_id and m.unit_id = u.id and m.kind = k.kind
                              and m.period = ${period})
         order by u.code, k.kind
         limit 1000`,
  );
  return { period, items };
}
