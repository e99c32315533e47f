import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * A partner organisation of a company (a water shipper, a cleaning firm): who it is, what it offers in which
 * buildings, the commission the management takes and the account its payouts go to. Its contacts are the
 * organisation's (hotline, address), not a person's: its people are accounts with the partner role.
 */
export const partners = pgTable(
  "partners",
  {
    companyId: companyId(),
    id: id(),
    legalName: text("legal_name").notNull(),
    displayName: text("display_name").notNull(),
    taxCode: text("tax_code").notNull(),
    hotline: text("hotline").notNull(),
    orgEmail: text("org_email"),
    categories: text("categories").array().notNull(),
    buildingIds: uuid("building_ids").array().notNull(),
    commissionKind: text("commission_kind").notNull(),
    /** Hundredths of a percent (850 = 8.5 %), or VND per order. */
    commissionValue: integer("commission_value").notNull(),
    bankBin: text("bank_bin").notNull(),
    accountNumber: text("account_number").notNull(),
    accountName: text("account_name").notNull(),
    status: text("status").notNull().default("active"),
    statusReason: text("status_reason"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("partners_tax_code").on(t.companyId, t.taxCode),
    index("partners_status").on(t.companyId, t.status),
    check("partners_status", sql`${t.status} in ('active', 'suspended')`),
    check(
      "partners_commission",
      sql`(${t.commissionKind} = 'percent' and ${t.commissionValue} between 0 and 10000) or (${t.commissionKind} = 'fixed' and ${t.commissionValue} >= 0)`,
    ),
  ],
);

/**
 * A partner's person in the partner portal: invited by the company admin (the invitation is the staff module's),
 * tied to the partner once the invitation is accepted. A partner's staff see only their organisation's work.
 */
export const partnerStaff = pgTable(
  "partner_staff",
  {
    companyId: companyId(),
    id: id(),
    partnerId: uuid("partner_id").notNull(),
    invitationId: uuid("invitation_id"),
    accountId: uuid("account_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("partner_staff_partner").on(t.companyId, t.partnerId),
    uniqueIndex("partner_staff_invitation").on(t.companyId, t.invitationId),
    // The partner role is one membership per company, so a person works for one partner of a company.
    uniqueIndex("partner_staff_account").on(t.companyId, t.accountId),
  ],
);
