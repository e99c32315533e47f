import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/** Reminders sent about overdue notices (so each is reminded at the configured pace, not daily). */
export const debtReminders = pgTable(
  "debt_reminders",
  {
    companyId: companyId(),
    id: id(),
    invoiceId: uuid("invoice_id").notNull(),
    channel: text("channel").notNull(),
    sentAt: tstz("sent_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("debt_reminders_invoice").on(t.companyId, t.invoiceId, t.sentAt),
    check("debt_reminders_channel", sql`${t.channel} in ('email', 'sms', 'notification')`),
  ],
);
