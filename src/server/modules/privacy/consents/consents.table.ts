import { sql } from "drizzle-orm";
import { check, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/**
 * Consent per purpose: one row per giving, closed by its withdrawal. The row keeps the exact wording shown,
 * the policy version and the channel, so it can be printed as proof.
 */
export const consents = pgTable(
  "consents",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    purpose: text("purpose").notNull(),
    policyVersion: text("policy_version").notNull(),
    wording: text("wording").notNull(),
    lang: text("lang").notNull(),
    givenAt: tstz("given_at").notNull().defaultNow(),
    givenChannel: text("given_channel").notNull(),
    withdrawnAt: tstz("withdrawn_at"),
    withdrawnChannel: text("withdrawn_channel"),
    recordedBy: uuid("recorded_by"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("consents_current")
      .on(t.companyId, t.accountId, t.purpose)
      .where(sql`${t.withdrawnAt} is null`),
    check("consents_purpose", sql`${t.purpose} in ('marketing', 'analytics')`),
  ],
);
