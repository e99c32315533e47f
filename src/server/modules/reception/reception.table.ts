import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * A parcel reception received for a unit. `code` is the household's single-use pickup code while it waits
 * (unique among the building's waiting parcels), cleared when it is handed over.
 */
export const parcels = pgTable(
  "parcels",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    carrier: text("carrier").notNull(),
    note: text("note"),
    status: text("status").notNull().default("waiting"),
    code: text("code"),
    receivedBy: uuid("received_by"),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    remindedAt: tstz("reminded_at"),
    pickedUpAt: tstz("picked_up_at"),
    handedOverBy: uuid("handed_over_by"),
    /** Who collected it when no code was shown (a manager checked them), and why. */
    collectedBy: text("collected_by"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("parcels_code").on(t.companyId, t.buildingId, t.code).where(sql`${t.status} = 'waiting'`),
    index("parcels_unit").on(t.companyId, t.unitId, t.status),
    index("parcels_desk").on(t.companyId, t.buildingId, t.status, t.receivedAt),
    check("parcels_status", sql`${t.status} in ('waiting', 'picked_up', 'returned')`),
  ],
);

/** A resident's pass for a guest: valid in its window, used once at check-in, or cancelled. */
export const guestPasses = pgTable(
  "guest_passes",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    /** The resident's account that made it. */
    createdBy: uuid("created_by"),
    guestName: text("guest_name").notNull(),
    guests: integer("guests").notNull().default(1),
    plate: text("plate"),
    validFrom: tstz("valid_from").notNull(),
    validUntil: tstz("valid_until").notNull(),
    code: text("code").notNull(),
    cancelledAt: tstz("cancelled_at"),
    usedAt: tstz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("guest_passes_code").on(t.companyId, t.code),
    index("guest_passes_unit").on(t.companyId, t.unitId, t.validUntil),
  ],
);

/** The building's visitor log: who came to which unit, when they went in and out (kept for the retention period). */
export const visits = pgTable(
  "visits",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    passId: uuid("pass_id"),
    guestName: text("guest_name").notNull(),
    guests: integer("guests").notNull().default(1),
    plate: text("plate"),
    recordedBy: uuid("recorded_by"),
    checkedInAt: tstz("checked_in_at").notNull().defaultNow(),
    checkedOutAt: tstz("checked_out_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("visits_desk").on(t.companyId, t.buildingId, t.checkedInAt),
    index("visits_unit").on(t.companyId, t.unitId, t.checkedInAt),
  ],
);
