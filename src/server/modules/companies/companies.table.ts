import { integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { bytea, createdAt, id, tstz } from "../../platform/db/columns.js";

/** Management companies: the tenants. Platform data; everything below them carries company_id. */
export const companies = pgTable("companies", {
  id: id().primaryKey(),
  /** The short name people use ("Demo"): the console, messages, the notice's header when no legal name is set. */
  name: text("name").notNull(),
  taxCode: text("tax_code"),
  settings: jsonb("settings").$type<CompanySettings>().notNull().default({}),
  createdAt: createdAt(),
  /** The name registered with the tax office ("Công ty TNHH Quản lý Tòa nhà Demo"), printed on documents. */
  legalName: text("legal_name"),
  /** The registered office's address, printed on the fee notice, the breach report and the register. */
  address: text("address"),
  /** The phone residents call, as typed (a Vietnamese number). */
  hotline: text("hotline"),
  /** The company's contact address for residents and the authority. */
  email: text("email"),
  /** The logo printed on fee notices and shown in the console: PNG or JPEG, at most 256 kB. */
  logo: bytea("logo"),
  logoType: text("logo_type"),
  /** Changes with every new logo, so that its address can be cached for ever. */
  logoVersion: integer("logo_version").notNull().default(0),
  logoUpdatedAt: tstz("logo_updated_at"),
});

export type CompanySettings = {
  accessLogRetentionDays?: number;
  /** Days after a resident's last move-out before their record is erased (unless a hold applies). */
  closedAccountRetentionDays?: number;
  ticketPhotoRetentionDays?: number;
  conversationRetentionDays?: number;
  visitorLogRetentionDays?: number;
  /** The display name on emails the company's residents and staff receive ("BQL Chung cư Demo"). */
  emailSenderName?: string | null;
  /** The name that signs SMS texts ("BQL Demo"); the brandname itself is registered with the carriers. */
  smsSenderName?: string | null;
};
