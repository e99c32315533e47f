import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/** Every release of personal data to a third party or outside the building's staff (DESIGN §3). */
export const disclosures = pgTable(
  "disclosures",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    recipientKind: text("recipient_kind").notNull(),
    recipient: text("recipient").notNull(),
    fields: text("fields").array().notNull(),
    purpose: text("purpose").notNull(),
    legalBasis: text("legal_basis").notNull(),
    reference: text("reference"),
    /** Which code path released it (a test enumerates them). */
    path: text("path").notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role"),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("disclosures_resident").on(t.companyId, t.residentId, t.at),
    index("disclosures_at").on(t.companyId, t.at),
    check(
      "disclosures_recipient_kind",
      sql`${t.recipientKind} in ('partner', 'service_provider', 'state_agency', 'other_company', 'staff_outside_building')`,
    ),
  ],
);
