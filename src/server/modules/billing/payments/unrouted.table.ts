import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { id, tstz } from "../../../platform/db/columns.js";
import { vnd } from "../core/columns.js";

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
