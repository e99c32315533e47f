import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
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

/** A service of a building's catalogue (cleaning, repairs, cards, moving with the elevator, extra parking). */
export const buildingServices = pgTable(
  "building_services",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    fee: vnd("fee").notNull().default(0),
    needsApproval: boolean("needs_approval").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("building_services_building").on(t.companyId, t.buildingId),
    check(
      "building_services_kind",
      sql`${t.kind} in ('cleaning', 'repair', 'parking_card', 'access_card', 'moving', 'extra_parking', 'other')`,
    ),
    check("building_services_fee", sql`${t.fee} >= 0`),
  ],
);

/**
 * A household's request for a service: requested → approved (by a manager where the service asks) → scheduled
 * → done, or rejected or cancelled. A moving request scheduled holds the service elevator for its window: the
 * partial unique index gives a window to one household, whatever arrives at once.
 */
export const serviceRequests = pgTable(
  "service_requests",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    kind: text("kind").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    requestedBy: uuid("requested_by"),
    status: text("status").notNull().default("requested"),
    preferredOn: date("preferred_on").notNull(),
    window: text("window"),
    scheduledOn: date("scheduled_on"),
    scheduledWindow: text("scheduled_window"),
    /** The service elevator is held for the scheduled window (moving). */
    elevator: boolean("elevator").notNull().default(false),
    note: text("note"),
    reason: text("reason"),
    fee: vnd("fee").notNull().default(0),
    chargeId: uuid("charge_id"),
    decidedBy: uuid("decided_by"),
    decidedAt: tstz("decided_at"),
    doneAt: tstz("done_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("service_requests_building").on(t.companyId, t.buildingId, t.status, t.createdAt),
    index("service_requests_unit").on(t.companyId, t.unitId, t.createdAt),
    uniqueIndex("service_requests_elevator")
      .on(t.companyId, t.buildingId, t.scheduledOn, t.scheduledWindow)
      .where(sql`${t.elevator} and ${t.status} in ('scheduled', 'done')`),
    check(
      "service_requests_status",
      sql`${t.status} in ('requested', 'approved', 'scheduled', 'done', 'rejected', 'cancelled')`,
    ),
    check(
      "service_requests_window",
      sql`(${t.window} is null or ${t.window} in ('morning', 'afternoon')) and (${t.scheduledWindow} is null or ${t.scheduledWindow} in ('morning', 'afternoon'))`,
    ),
    check(
      "service_requests_scheduled",
      sql`${t.status} not in ('scheduled', 'done') or ${t.scheduledOn} is not null`,
    ),
  ],
);

/**
 * A household's renovation: the contractor, dates, the work, the drawings (files attached to it), a deposit on
 * the fee notice once a manager approves, and the inspection at the end that gives it back or keeps part.
 */
export const renovations = pgTable(
  "renovations",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    requestedBy: uuid("requested_by"),
    contractor: text("contractor").notNull(),
    contractorPhone: text("contractor_phone"),
    workers: integer("workers").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    description: text("description").notNull(),
    status: text("status").notNull().default("requested"),
    deposit: vnd("deposit").notNull().default(0),
    depositChargeId: uuid("deposit_charge_id"),
    deducted: vnd("deducted").notNull().default(0),
    deductionChargeId: uuid("deduction_charge_id"),
    reason: text("reason"),
    inspectionNote: text("inspection_note"),
    decidedBy: uuid("decided_by"),
    decidedAt: tstz("decided_at"),
    completedAt: tstz("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("renovations_building").on(t.companyId, t.buildingId, t.status, t.startsOn),
    index("renovations_unit").on(t.companyId, t.unitId, t.createdAt),
    check(
      "renovations_status",
      sql`${t.status} in ('requested', 'approved', 'rejected', 'completed', 'cancelled')`,
    ),
    check("renovations_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("renovations_money", sql`${t.deposit} >= 0 and ${t.deducted} between 0 and ${t.deposit}`),
  ],
);
