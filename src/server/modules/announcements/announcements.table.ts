import { boolean, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id } from "../../platform/db/columns.js";

/** A message to a building's residents; a marketing one reaches only those who consented. */
export const announcements = pgTable(
  "announcements",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    marketing: boolean("marketing").notNull().default(false),
    sent: integer("sent").notNull().default(0),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] })],
);
