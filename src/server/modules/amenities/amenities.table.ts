import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** Whole VND (DESIGN §2 Money), as billing's columns are. */
const vnd = (name: string) => bigint(name, { mode: "number" });

/**
 * A bookable amenity of a building. Its day is cut into slots of `slotMinutes` from `opensAt` to `closesAt`
 * (Vietnam's time); each slot takes `slotCapacity` bookings (1: the BBQ area is one household's at a time).
 */
export const amenities = pgTable(
  "amenities",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    rules: text("rules"),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
    slotMinutes: integer("slot_minutes").notNull(),
    slotCapacity: integer("slot_capacity").notNull().default(1),
    fee: vnd("fee").notNull().default(0),
    deposit: vnd("deposit").notNull().default(0),
    /** Bookings a unit may hold in a calendar month; null: no limit. */
    monthlyLimit: integer("monthly_limit"),
    /** Who of a household may book: everyone, or owners and tenants, or owners only. */
    bookers: text("bookers").notNull().default("household"),
    /** How far ahead a slot may be booked. */
    advanceDays: integer("advance_days").notNull().default(14),
    /** Until how many hours before the start a cancellation gives the fee back. */
    cancelHours: integer("cancel_hours").notNull().default(24),
    /** Off: no longer offered (its bookings stay). */
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("amenities_building").on(t.companyId, t.buildingId),
    check("amenities_kind", sql`${t.kind} in ('pool', 'gym', 'bbq', 'hall', 'tennis', 'other')`),
    check("amenities_bookers", sql`${t.bookers} in ('household', 'owners_tenants', 'owners')`),
    check(
      "amenities_slot",
      sql`${t.slotMinutes} between 15 and 1440 and ${t.slotCapacity} between 1 and 500`,
    ),
    check("amenities_money", sql`${t.fee} >= 0 and ${t.deposit} >= 0`),
  ],
);

/** An amenity closed for maintenance (or an event) over [from, until). */
export const amenityClosures = pgTable(
  "amenity_closures",
  {
    companyId: companyId(),
    id: id(),
    amenityId: uuid("amenity_id").notNull(),
    from: tstz("from").notNull(),
    until: tstz("until").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("amenity_closures_amenity").on(t.companyId, t.amenityId, t.until),
    check("amenity_closures_range", sql`${t.until} > ${t.from}`),
  ],
);

/**
 * A unit's booking of a slot. A booked slot holds a seat (1 … the amenity's capacity): the partial unique index
 * on the seat is what makes a double booking impossible, whatever arrives at once. A booking on the waitlist
 * has no seat until a cancellation frees one.
 */
export const bookings = pgTable(
  "bookings",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    amenityId: uuid("amenity_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    bookedBy: uuid("booked_by"),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    seat: integer("seat"),
    status: text("status").notNull(),
    guests: integer("guests").notNull().default(1),
    note: text("note"),
    /** Shown as a QR in the app and scanned at reception. */
    code: text("code").notNull(),
    fee: vnd("fee").notNull().default(0),
    deposit: vnd("deposit").notNull().default(0),
    feeChargeId: uuid("fee_charge_id"),
    depositChargeId: uuid("deposit_charge_id"),
    /** held while booked; refunded, or kept with a reason, once the slot is over. */
    depositStatus: text("deposit_status"),
    depositNote: text("deposit_note"),
    checkedInAt: tstz("checked_in_at"),
    cancelledAt: tstz("cancelled_at"),
    cancelReason: text("cancel_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("bookings_seat")
      .on(t.companyId, t.amenityId, t.startsAt, t.seat)
      .where(sql`${t.status} in ('booked', 'checked_in')`),
    uniqueIndex("bookings_code").on(t.companyId, t.code),
    index("bookings_amenity").on(t.companyId, t.amenityId, t.startsAt),
    index("bookings_unit").on(t.companyId, t.unitId, t.startsAt),
    check("bookings_status", sql`${t.status} in ('booked', 'waiting', 'checked_in', 'cancelled')`),
    check("bookings_seat_held", sql`(${t.status} in ('booked', 'checked_in')) = (${t.seat} is not null)`),
    check(
      "bookings_deposit_status",
      sql`${t.depositStatus} is null or ${t.depositStatus} in ('held', 'refunded', 'kept')`,
    ),
  ],
);
