import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";

/** Management companies: the tenants. Platform data; everything below them carries company_id. */
export const companies = pgTable("companies", {
  id: id().primaryKey(),
  name: text("name").notNull(),
  taxCode: text("tax_code"),
  settings: jsonb("settings").$type<CompanySettings>().notNull().default({}),
  createdAt: createdAt(),
});

export type CompanySettings = {
  accessLogRetentionDays?: number;
  /** Days after a resident's last move-out before their record is erased (unless a hold applies). */
  closedAccountRetentionDays?: number;
  ticketPhotoRetentionDays?: number;
};
