import { sql } from "drizzle-orm";
import {
  bigint,
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
import type { TariffBand } from "../../../contracts/billing.js";
import { bytea, companyId, createdAt, id, tstz } from "../../platform/db/columns.js";
import { buildings } from "../buildings/buildings.table.js";
import { units } from "../registry/units/units.table.js";

const vnd = (name: string) => bigint(name, { mode: "number" });
const rate = (name: string) => numeric(name, { precision: 5, scale: 2 });

/** The company of national tariffs (EVN's): the platform scope, whose rows every company reads. */
export const NATIONAL_TARIFFS = "00000000-0000-0000-0000-000000000000";

/**
 * Utility tariffs (data, never constants in code), one row per version: a version applies from `validFrom`
 * until the next version of the same code. National tariffs (EVN's household electricity) belong to the
 * platform scope (`company_id` = the nil UUID) and are kept by the platform admin; a company keeps its local
 * water utility's tariffs under its own id. Every company reads the national rows and its own; a company's
 * version history of a code replaces the national one of the same code. A version that an issued notice used
 * is never changed (the service refuses; `app_tariff_dates_billed`).
 */
export const tariffs = pgTable(
  "tariffs",
  {
    companyId: uuid("company_id").notNull().default(NATIONAL_TARIFFS),
    id: id(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** Band limits per household, or per registered person (Ho Chi Minh City water). */
    basis: text("basis").notNull().default("household"),
    /** Bands by cumulative upper limit (the last unlimited) and price per unit before VAT, VND. */
    bands: jsonb("bands").$type<TariffBand[]>().notNull(),
    /** The VAT of the metered lines while this version is in force; null: the fee rule's rate. */
    vatRate: rate("vat_rate"),
    validFrom: date("valid_from").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("tariffs_version").on(t.companyId, t.code, t.validFrom),
    check("tariffs_kind", sql`${t.kind} in ('electricity', 'water')`),
    check("tariffs_basis", sql`${t.basis} in ('household', 'person')`),
    check("tariffs_vat", sql`${t.vatRate} between 0 and 100`),
  ],
);

/** A building's billing settings: the province's price frame for the management fee, payment terms. */
export const buildingBilling = pgTable(
  "building_billing",
  {
    companyId: companyId(),
    buildingId: uuid("building_id").notNull(),
    /** The province's frame for the management fee, VND per m² per month (a fee outside it draws a warning). */
    feeFrameMin: vnd("fee_frame_min"),
    feeFrameMax: vnd("fee_frame_max"),
    /** Days from issue to the due date. */
    dueDays: integer("due_days").notNull().default(15),
    /** A late fee: this percent of what was overdue at the start of a month, on that month's notice. */
    lateFeePercent: rate("late_fee_percent"),
    /** Days between reminders of an overdue notice (none when null). */
    reminderDays: integer("reminder_days").default(7),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.buildingId] }),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("building_billing_due", sql`${t.dueDays} between 0 and 90`),
  ],
);

/** Accounts a building's residents pay into (printed as VietQR on every notice). */
export const bankAccounts = pgTable(
  "bank_accounts",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    bankBin: text("bank_bin").notNull(),
    accountNumber: text("account_number").notNull(),
    accountName: text("account_name").notNull(),
    isDefault: boolean("is_default").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("bank_accounts_number").on(t.companyId, t.buildingId, t.bankBin, t.accountNumber),
    index("bank_accounts_lookup").on(t.accountNumber),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
  ],
);

/**
 * A fee of a building, valid over a date range: per m² per month (by unit type), per vehicle (by type, the
 * second and later of a type in a unit at `priceNext`), fixed per unit, or metered (electricity, water) on a
 * tariff. A rule whose range starts or ends inside a month is charged for its days in that month.
 */
export const feeRules = pgTable(
  "fee_rules",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    unitType: text("unit_type"),
    vehicleType: text("vehicle_type"),
    /** VND: per m² per month, per vehicle per month, or per unit per month. Null for metered rules. */
    price: vnd("price"),
    priceNext: vnd("price_next"),
    tariffCode: text("tariff_code"),
    /** A surcharge on a metered amount, e.g. the wastewater fee on water (percent). */
    surchargePercent: rate("surcharge_percent"),
    surchargeName: text("surcharge_name"),
    vatRate: rate("vat_rate").notNull().default("0"),
    /** Collected on behalf of another party (thu hộ), not the company's revenue. */
    onBehalf: boolean("on_behalf").notNull().default(false),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("fee_rules_building").on(t.companyId, t.buildingId),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("fee_rules_kind", sql`${t.kind} in ('area', 'vehicle', 'fixed', 'electricity', 'water')`),
    check(
      "fee_rules_shape",
      sql`(${t.kind} in ('electricity', 'water')) = (${t.tariffCode} is not null and ${t.price} is null)`,
    ),
    check("fee_rules_price", sql`${t.price} is null or ${t.price} >= 0`),
    check("fee_rules_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("fee_rules_vat", sql`${t.vatRate} between 0 and 100`),
  ],
);

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

/** One billing run per building and period; re-running it adds what is missing and changes nothing else. */
export const billingRuns = pgTable(
  "billing_runs",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    period: text("period").notNull(),
    status: text("status").notNull().default("running"),
    /** The building's units, and how many the run has gone through (its progress). */
    units: integer("units").notNull().default(0),
    done: integer("done").notNull().default(0),
    created: integer("created").notNull().default(0),
    redrafted: integer("redrafted").notNull().default(0),
    /** Issued notices the run would now compute differently: corrected by adjustment notices, never edited. */
    changedAfterIssue: integer("changed_after_issue").notNull().default(0),
    invoices: integer("invoices").notNull().default(0),
    total: vnd("total").notNull().default(0),
    startedBy: uuid("started_by"),
    startedAt: tstz("started_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("billing_runs_period").on(t.companyId, t.buildingId, t.period),
    check("billing_runs_status", sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);

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

/**
 * A card or e-wallet payment started through the gateway; `txnRef` is what the gateway echoes back (unique
 * across the installation, so its notification finds the company). Paid once, by the first valid IPN.
 */
export const gatewayPayments = pgTable(
  "gateway_payments",
  {
    companyId: companyId(),
    id: id(),
    txnRef: text("txn_ref").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    buildingId: uuid("building_id").notNull(),
    amount: vnd("amount").notNull(),
    /** How it was started: a resident on the payment page, or an auto-debit charge of a saved card. */
    via: text("via").notNull().default("page"),
    status: text("status").notNull().default("pending"),
    responseCode: text("response_code"),
    gatewayTransactionNo: text("gateway_transaction_no"),
    startedBy: uuid("started_by"),
    createdAt: createdAt(),
    settledAt: tstz("settled_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("gateway_payments_ref").on(t.companyId, t.txnRef),
    index("gateway_payments_lookup").on(t.txnRef),
    index("gateway_payments_invoice").on(t.companyId, t.invoiceId),
    check("gateway_payments_status", sql`${t.status} in ('pending', 'paid', 'failed')`),
    check("gateway_payments_via", sql`${t.via} in ('page', 'autopay')`),
  ],
);

/**
 * A resident's standing authorisation to charge new notices of a unit to a saved card: the gateway's token
 * (encrypted), the masked card, until cancelled.
 */
export const autopayMandates = pgTable(
  "autopay_mandates",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    accountId: uuid("account_id").notNull(),
    /** Our reference for the card-saving step, echoed back by the gateway. */
    txnRef: text("txn_ref").notNull(),
    tokenEnc: bytea("token_enc"),
    cardMasked: text("card_masked"),
    status: text("status").notNull().default("pending"),
    lastFailure: text("last_failure"),
    createdAt: createdAt(),
    cancelledAt: tstz("cancelled_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("autopay_mandates_ref").on(t.companyId, t.txnRef),
    index("autopay_mandates_lookup").on(t.txnRef),
    uniqueIndex("autopay_mandates_active").on(t.companyId, t.unitId).where(sql`${t.status} = 'active'`),
    check("autopay_mandates_status", sql`${t.status} in ('pending', 'active', 'cancelled')`),
  ],
);

/** Reminders sent about overdue notices (so each is reminded at the configured pace, not daily). */
export const debtReminders = pgTable(
  "debt_reminders",
  {
    companyId: companyId(),
    id: id(),
    invoiceId: uuid("invoice_id").notNull(),
    channel: text("channel").notNull(),
    sentAt: tstz("sent_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("debt_reminders_invoice").on(t.companyId, t.invoiceId, t.sentAt),
    check("debt_reminders_channel", sql`${t.channel} in ('email', 'sms')`),
  ],
);

/**
 * Who holds a bank account number across the installation (platform data): the bank feed names only the
 * receiving account, so one number belongs to one company at a time. A company claims it by registering it
 * (through `app_claim_bank_account`, which sees past row-level security); the platform admin moves it when the
 * account really changes company. Reachable by `app_user` only in the platform scope.
 */
export const bankAccountOwners = pgTable("bank_account_owners", {
  accountNumber: text("account_number").primaryKey(),
  companyId: uuid("company_id").notNull(),
  since: tstz("since").notNull().defaultNow(),
});

/**
 * Every transaction the bank feed delivered, once per feed transaction id, written before the webhook answers:
 * the installation-wide idempotency key. A transfer routed to a company keeps only its key and the company here
 * (the company's `bank_transfers` row holds the rest); one that no company holds waits here, memo included, in
 * the platform admin's unrouted queue until assigned to a company. Reachable by `app_user` only in the platform
 * scope.
 */
export const bankFeedInbox = pgTable(
  "bank_feed_inbox",
  {
    id: id().unique("bank_feed_inbox_id"),
    provider: text("provider").notNull(),
    externalId: text("external_id").notNull(),
    accountNumber: text("account_number").notNull(),
    amount: vnd("amount").notNull(),
    direction: text("direction").notNull(),
    occurredAt: tstz("occurred_at").notNull(),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    /** The company it went to: routed by its account, or assigned by the platform admin. */
    companyId: uuid("company_id"),
    status: text("status").notNull(),
    /** Kept while the transfer waits in the platform's queue (the company's row holds them once routed). */
    gateway: text("gateway"),
    memo: text("memo"),
    bankReference: text("bank_reference"),
    assignedBy: uuid("assigned_by"),
    assignedAt: tstz("assigned_at"),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.externalId] }),
    index("bank_feed_inbox_status").on(t.status, t.receivedAt),
    check("bank_feed_inbox_status", sql`${t.status} in ('routed', 'unrouted', 'assigned', 'ignored')`),
    check("bank_feed_inbox_direction", sql`${t.direction} in ('in', 'out')`),
    check(
      "bank_feed_inbox_company",
      sql`(${t.status} in ('routed', 'assigned')) = (${t.companyId} is not null)`,
    ),
  ],
);
