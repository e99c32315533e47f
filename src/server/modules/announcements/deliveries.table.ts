import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * One emergency announcement's delivery to one person on one channel, with its state: in-app deliveries are
 * made at publishing; email and SMS are queued and sent by a background task that retries what failed. No
 * contact is stored here: the task reads it from the registry when it sends.
 */
export const announcementDeliveries = pgTable(
  "announcement_deliveries",
  {
    companyId: companyId(),
    id: id(),
    announcementId: uuid("announcement_id").notNull(),
    residentId: uuid("resident_id"),
    unitCode: text("unit_code").notNull(),
    channel: text("channel").notNull(),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("announcement_deliveries_report").on(t.companyId, t.announcementId, t.channel, t.status),
    check("announcement_deliveries_channel", sql`${t.channel} in ('in_app', 'email', 'sms', 'none')`),
    check("announcement_deliveries_status", sql`${t.status} in ('queued', 'sent', 'failed')`),
  ],
);
