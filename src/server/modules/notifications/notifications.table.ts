import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** A person's in-app inbox: announcements, breach notices, policy changes, reminders. */
export const notifications = pgTable(
  "notifications",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    /** What sent it (an announcement, an incident), so one sending is never delivered twice. */
    sourceId: uuid("source_id"),
    readAt: tstz("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("notifications_account").on(t.companyId, t.accountId, t.createdAt),
    // Read receipts: per sender (an announcement), how many were read.
    index("notifications_source").on(t.companyId, t.sourceId),
  ],
);
