import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id } from "../../../platform/db/columns.js";

/** One draft as a review saw it: what "changed since the last preview" is measured against. */
export type ReviewedDraft = { id: string; total: number; digest: string };
/** A draft that changed since the review before (before = null: it did not exist then). */
export type ChangedDraft = { id: string; before: number | null; after: number };

/**
 * A preview of a building's drafts for a period before they are issued (the issue confirmation): the drafts
 * as they were then (total and a digest of their lines) and which had changed since the preview before.
 * Issuing names the review it was decided on; drafts that no longer match it are refused as stale.
 */
export const billingReviews = pgTable(
  "billing_reviews",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    period: text("period").notNull(),
    drafts: jsonb("drafts").$type<ReviewedDraft[]>().notNull().default(sql`'[]'::jsonb`),
    changed: jsonb("changed").$type<ChangedDraft[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("billing_reviews_period").on(t.companyId, t.buildingId, t.period, t.createdAt),
  ],
);
