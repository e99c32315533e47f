import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { vnd } from "../core/columns.js";

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
