import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { units } from "../../registry/units/units.table.js";

/** A meter's reading for a unit and a billing period (YYYY-MM); consumption is reading minus previous. */
export const meterReadings = pgTable(
  "meter_readings",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    kind: text("kind").notNull(),
    period: text("period").notNull(),
    previous: bigint("previous", { mode: "number" }).notNull(),
    reading: bigint("reading", { mode: "number" }).notNull(),
    readOn: date("read_on").notNull(),
    readBy: uuid("read_by"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("meter_readings_period").on(t.companyId, t.unitId, t.kind, t.period),
    index("meter_readings_building").on(t.companyId, t.buildingId, t.period),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    check("meter_readings_kind", sql`${t.kind} in ('electricity', 'water')`),
    check("meter_readings_order", sql`${t.reading} >= ${t.previous} and ${t.previous} >= 0`),
  ],
);
