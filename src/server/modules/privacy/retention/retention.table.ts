import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/** What each retention purge removed, per company and category. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    companyId: companyId(),
    id: id(),
    category: text("category").notNull(),
    at: tstz("at").notNull().defaultNow(),
    cutoff: tstz("cutoff").notNull(),
    removed: integer("removed").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("retention_runs_at").on(t.companyId, t.category, t.at),
  ],
);
