import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { units } from "../../registry/units/units.table.js";
import { rate, vnd } from "../core/columns.js";

/** A meter reading as a notice keeps it. */
export type NoticeReading = { kind: string; previous: number; reading: number; readOn: string };

/** The last gap-free number given per company, series (fee notices, receipts) and year. */
export const documentCounters = pgTable(
  "document_counters",
  {
    companyId: companyId(),
    series: text("series").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.series, t.year] }),
    check("document_counters_series", sql`${t.series} in ('notice', 'receipt')`),
  ],
);

/** Codes residents put in the transfer memo: `HD` and 8 digits, unique across the installation. */
export const invoiceCodeSeq = pgSequence("invoice_code_seq", { startWith: 10000001 });

/**
 * A fee notice (thông báo phí) for a unit and a period: drafted by the billing run, numbered when issued,
 * never edited after issue (corrections are adjustment notices). `paid` is the sum of allocations to it.
 */
export const invoices = pgTable(
  "invoices",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    period: text("period").notNull(),
    kind: text("kind").notNull().default("monthly"),
    /** The notice an adjustment corrects. */
    adjusts: uuid("adjusts"),
    code: text("code").notNull().default(sql`'HD' || nextval('invoice_code_seq')::text`),
    number: text("number"),
    status: text("status").notNull().default("draft"),
    areaM2: numeric("area_m2", { precision: 10, scale: 2 }).notNull(),
    billTo: text("bill_to"),
    subtotal: vnd("subtotal").notNull().default(0),
    vatTotal: vnd("vat_total").notNull().default(0),
    total: vnd("total").notNull().default(0),
    paid: vnd("paid").notNull().default(0),
    dueOn: date("due_on"),
    issuedAt: tstz("issued_at"),
    runId: uuid("run_id"),
    /**
     * The meter readings the notice was issued with (kind, previous, current, read on), kept at issue so the
     * printed notice stays what the resident received after a reading is corrected (an adjustment follows).
     */
    meterReadings: jsonb("meter_readings").$type<NoticeReading[]>(),
    /** A later link to the legal VAT e-invoice issued through a provider for this notice. */
    eInvoiceRef: text("e_invoice_ref"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("invoices_monthly").on(t.companyId, t.unitId, t.period).where(sql`${t.kind} = 'monthly'`),
    unique("invoices_code").on(t.companyId, t.code),
    index("invoices_code_lookup").on(t.code),
    index("invoices_building").on(t.companyId, t.buildingId, t.period),
    index("invoices_unit").on(t.companyId, t.unitId),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    check("invoices_kind", sql`${t.kind} in ('monthly', 'adjustment')`),
    check("invoices_status", sql`${t.status} in ('draft', 'issued', 'partially_paid', 'paid', 'void')`),
    check("invoices_paid", sql`${t.paid} >= 0`),
  ],
);

/** A line of a notice: quantity × unit price, prorated by days/periodDays, and its VAT, each rounded once. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    companyId: companyId(),
    invoiceId: uuid("invoice_id").notNull(),
    lineNo: integer("line_no").notNull(),
    kind: text("kind").notNull(),
    feeRuleId: uuid("fee_rule_id"),
    description: text("description").notNull(),
    quantity: numeric("quantity", { precision: 14, scale: 4 }).notNull(),
    unitLabel: text("unit_label").notNull(),
    unitPrice: vnd("unit_price").notNull(),
    days: integer("days").notNull(),
    periodDays: integer("period_days").notNull(),
    amount: vnd("amount").notNull(),
    vatRate: rate("vat_rate").notNull(),
    vat: vnd("vat").notNull(),
    onBehalf: boolean("on_behalf").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.invoiceId, t.lineNo] }),
    foreignKey({ columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
  ],
);
