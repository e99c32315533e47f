import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { units } from "../../registry/units/units.table.js";
import { vnd } from "../core/columns.js";

/** Money received for a unit, by any method; idempotent by the outside reference (bank or gateway id). */
export const payments = pgTable(
  "payments",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    method: text("method").notNull(),
    amount: vnd("amount").notNull(),
    reference: text("reference"),
    receiptNumber: text("receipt_number"),
    note: text("note"),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    recordedBy: uuid("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("payments_reference").on(t.companyId, t.method, t.reference),
    index("payments_unit").on(t.companyId, t.unitId),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    check(
      "payments_method",
      sql`${t.method} in ('bank_transfer', 'cash', 'card', 'auto_debit', 'credit_note')`,
    ),
    check("payments_amount", sql`${t.amount} > 0`),
  ],
);

/** How a payment settles notices; what is not allocated is the unit's credit for the next notice. */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    companyId: companyId(),
    paymentId: uuid("payment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    amount: vnd("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.paymentId, t.invoiceId] }),
    index("payment_allocations_invoice").on(t.companyId, t.invoiceId),
    check("payment_allocations_amount", sql`${t.amount} > 0`),
  ],
);

/**
 * Incoming bank transfers as the bank feed reported them, idempotent by the feed's transaction id; matched
 * to a notice by the code in the memo, or waiting for an accountant.
 */
export const bankTransfers = pgTable(
  "bank_transfers",
  {
    companyId: companyId(),
    id: id(),
    provider: text("provider").notNull(),
    externalId: text("external_id").notNull(),
    gateway: text("gateway").notNull(),
    accountNumber: text("account_number").notNull(),
    amount: vnd("amount").notNull(),
    memo: text("memo").notNull(),
    bankReference: text("bank_reference"),
    occurredAt: tstz("occurred_at").notNull(),
    status: text("status").notNull(),
    invoiceId: uuid("invoice_id"),
    paymentId: uuid("payment_id"),
    /** What another module recognised the transfer as paying (`order:DH00012345`), when no notice is named. */
    claimedBy: text("claimed_by"),
    resolvedBy: uuid("resolved_by"),
    receivedAt: tstz("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("bank_transfers_external").on(t.companyId, t.provider, t.externalId),
    index("bank_transfers_status").on(t.companyId, t.status),
    check("bank_transfers_status", sql`${t.status} in ('matched', 'unmatched', 'ignored')`),
  ],
);
