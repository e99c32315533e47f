import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Audience } from "../../../contracts/announcements.js";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * A message from the management to residents of a building (or part of it): drafted, scheduled, published,
 * archived. A promotion reaches only those who consented to marketing; restricted people never.
 */
export const announcements = pgTable(
  "announcements",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    category: text("category").notNull().default("notice"),
    status: text("status").notNull().default("draft"),
    audience: jsonb("audience")
      .$type<Audience>()
      .notNull()
      .default({ blocks: [], floors: [], unitIds: [], roles: [] }),
    pinned: boolean("pinned").notNull().default(false),
    marketing: boolean("marketing").notNull().default(false),
    /** People it was delivered to in the app when published. */
    sent: integer("sent").notNull().default(0),
    publishAt: tstz("publish_at"),
    publishedAt: tstz("published_at"),
    archivedAt: tstz("archived_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("announcements_building").on(t.companyId, t.buildingId, t.createdAt),
    index("announcements_due").on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    check("announcements_status", sql`${t.status} in ('draft', 'scheduled', 'published', 'archived')`),
    check(
      "announcements_category",
      sql`${t.category} in ('notice', 'maintenance', 'event', 'emergency', 'promotion')`,
    ),
  ],
);
