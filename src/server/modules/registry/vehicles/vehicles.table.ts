import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, companyId, createdAt, id } from "../../../platform/db/columns.js";
import { residents } from "../residents/residents.table.js";
import { units } from "../units/units.table.js";

/**
 * A household's vehicles. The plate is encrypted with its owner's data key and found by its blind index;
 * a plate is unique among the building's vehicles that are not deactivated.
 */
export const vehicles = pgTable(
  "vehicles",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    buildingId: uuid("building_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    type: text("type").notNull(),
    plateEnc: bytea("plate_enc"),
    plateBidx: text("plate_bidx"),
    colour: text("colour"),
    brand: text("brand"),
    parkingCard: text("parking_card"),
    status: text("status").notNull().default("active"),
    activeFrom: date("active_from"),
    activeTo: date("active_to"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    foreignKey({ columns: [t.companyId, t.residentId], foreignColumns: [residents.companyId, residents.id] }),
    uniqueIndex("vehicles_plate_active")
      .on(t.companyId, t.buildingId, t.plateBidx)
      .where(sql`${t.status} <> 'inactive' and ${t.plateBidx} is not null`),
    index("vehicles_unit").on(t.companyId, t.unitId),
    /** Finding a vehicle, and its owner, by plate across the company's buildings and statuses. */
    index("vehicles_plate").on(t.companyId, t.plateBidx),
    check(
      "vehicles_type",
      sql`${t.type} in ('car', 'motorbike', 'electric_motorbike', 'bicycle', 'electric_car')`,
    ),
    check("vehicles_status", sql`${t.status} in ('pending', 'active', 'inactive')`),
  ],
);
