import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { rate, vnd } from "../core/columns.js";

/**
 * A charge another module puts on a unit's fee notice (an amenity's fee, a deposit, its refund as a negative
 * amount): the billing run of `period` bills it as a line. A charge withdrawn before its notice is issued is
 * cancelled; after, it is credited on a later notice (see unit-charges.service).
 */
export const unitCharges = pgTable(
  "unit_charges",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    period: text("period").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    amount: vnd("amount").notNull(),
    vatRate: rate("vat_rate").notNull().default("0"),
    /** What it is for: the module's record ("booking", its id). */
    source: text("source").notNull(),
    sourceId: uuid("source_id").notNull(),
    /** The charge a credit gives back. */
    credits: uuid("credits"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    cancelledAt: tstz("cancelled_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("unit_charges_period").on(t.companyId, t.buildingId, t.period, t.unitId),
    index("unit_charges_source").on(t.companyId, t.sourceId),
    check(
      "unit_charges_kind",
      sql`${t.kind} in ('amenity_fee', 'deposit', 'deposit_refund', 'service_fee', 'credit')`,
    ),
  ],
);
