import { sql } from "drizzle-orm";
import { boolean, check, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/** A company's own published version of the privacy policy or the terms (the platform's text is in code). */
export const companyPolicies = pgTable(
  "company_policies",
  {
    companyId: companyId(),
    id: id(),
    kind: text("kind").notNull(),
    version: text("version").notNull(),
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    summaryVi: text("summary_vi").notNull(),
    summaryEn: text("summary_en").notNull(),
    requiresAck: boolean("requires_ack").notNull().default(false),
    publishedBy: uuid("published_by"),
    publishedAt: tstz("published_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("company_policies_version").on(t.companyId, t.kind, t.version),
    check("company_policies_kind", sql`${t.kind} in ('privacy', 'terms')`),
  ],
);

/** That a person read a version that asked to be acknowledged. */
export const policyAcknowledgements = pgTable(
  "policy_acknowledgements",
  {
    companyId: companyId(),
    policyId: uuid("policy_id").notNull(),
    accountId: uuid("account_id").notNull(),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.policyId, t.accountId] })],
);
