import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { CompanyRole } from "../../../contracts/common.js";
import { bytea, companyId, createdAt, id, tstz } from "../../platform/db/columns.js";
import { accounts } from "../accounts/accounts.table.js";
import { companies } from "../companies/companies.table.js";

/** A person's role in one company, with the buildings (staff) or units (residents) it covers. */
export const memberships = pgTable(
  "memberships",
  {
    companyId: companyId().references(() => companies.id),
    id: id(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    role: text("role").notNull(),
    buildingIds: uuid("building_ids").array().notNull().default(sql`'{}'`),
    unitIds: uuid("unit_ids").array().notNull().default(sql`'{}'`),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("memberships_role").on(t.companyId, t.accountId, t.role),
    index("memberships_account").on(t.accountId),
    check(
      "memberships_role_check",
      sql.raw(`role in (${CompanyRole.options.map((r) => `'${r}'`).join(", ")})`),
    ),
    check("memberships_status", sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** Invitations to join a company (staff now; residents from the registry). The link holds a token whose hash is kept. */
export const invitations = pgTable(
  "invitations",
  {
    companyId: companyId().references(() => companies.id),
    id: id(),
    tokenHash: text("token_hash").notNull(),
    displayName: text("display_name").notNull(),
    contactEnc: bytea("contact_enc").notNull(),
    contactBidx: text("contact_bidx").notNull(),
    channel: text("channel").notNull(),
    role: text("role").notNull(),
    buildingIds: uuid("building_ids").array().notNull().default(sql`'{}'`),
    unitIds: uuid("unit_ids").array().notNull().default(sql`'{}'`),
    /** For a resident's invitation: the registry record the new account is linked to. */
    residentId: uuid("resident_id"),
    invitedBy: uuid("invited_by"),
    expiresAt: tstz("expires_at").notNull(),
    acceptedAt: tstz("accepted_at"),
    acceptedAccountId: uuid("accepted_account_id"),
    revokedAt: tstz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("invitations_token").on(t.companyId, t.tokenHash),
    index("invitations_token_lookup").on(t.tokenHash),
    check("invitations_channel", sql`${t.channel} in ('email', 'sms')`),
  ],
);
