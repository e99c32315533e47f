import { sql } from "drizzle-orm";
import { check, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";

/** A download link for a person's data export: only the hash of its token is stored, and it expires. */
export const dataExports = pgTable(
  "data_exports",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    format: text("format").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    downloadedAt: tstz("downloaded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("data_exports_token").on(t.companyId, t.tokenHash),
    check("data_exports_format", sql`${t.format} in ('json', 'html')`),
  ],
);
