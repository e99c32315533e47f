import type { z } from "zod";
import type { Reading, ReadingBody, ReadingQuery } from "../../../../contracts/billing.js";
import type { Page } from "../../../../contracts/common.js";
import { audit, diff } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { pageOf } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { unitRef } from "../../registry/index.js";
import { billingPolicy } from "../billing.policy.js";
import { billingBuilding } from "../rules/rules.service.js";
import { periodBounds } from "../runs/charges.sql.js";
import {
  metersWithoutReading,
  type ReadingRow,
  readingOf,
  readingPage,
  readingsBefore,
  upsertReading,
} from "./readings.repo.js";

type Body = z.infer<typeof ReadingBody>;

/** A consumption this many times the unit's usual (average of its last three periods) asks for a second look. */
const UNUSUAL_FACTOR = 3;
/** …unless it is small anyway (a nearly empty flat). */
const UNUSUAL_FLOOR = 30;

const toDto = (r: ReadingRow, unitCode: string): Reading => ({
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

/**
 * Records (or corrects) a unit's meter reading for a period. The previous reading is last period's unless
 * given (a replaced meter); a reading lower than the previous is refused, and a consumption far above the
 * unit's usual must be confirmed.
 */
export async function recordReading(ctx: Ctx, body: Body): Promise<Reading> {
  periodBounds(body.period);
  const unit = await unitRef(ctx, body.unitId);
  authorizeVisible(ctx.actor, "record_reading", subject(billingPolicy, { buildingId: unit.buildingId }));
  const meter = { companyId: ctx.companyId, unitId: body.unitId, kind: body.kind, period: body.period };
  const past = await readingsBefore(ctx.tx, meter, 3);
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
  const before = await readingOf(ctx.tx, meter);
  const row = await upsertReading(ctx.tx, { ...meter, buildingId: unit.buildingId }, values);
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
  return pageOf(
    q,
    readingPage(ctx.tx, {
      companyId: ctx.companyId,
      buildingId: q.buildingId,
      period: q.period,
      kind: q.kind,
    }),
    (row) => toDto(row.r, row.code),
  );
}

/** Units billed by a meter (a metered fee valid in the period) that have no reading for it yet. */
export async function missingReadings(ctx: Ctx, buildingId: string, period: string) {
  await billingBuilding(ctx, buildingId, "read_readings");
  const bounds = periodBounds(period);
  const items = await metersWithoutReading(ctx.tx, { companyId: ctx.companyId, buildingId, period, bounds });
  return { period, items };
}
