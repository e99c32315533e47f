import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * A resident's conversation with their building's management: opened about a unit, answered from the staff's
 * shared inbox. `open` waits for the management, `answered` for the resident; `closed` ends it.
 */
export const conversations = pgTable(
  "conversations",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    /** The unit's code when it was opened, for the inbox's lines. */
    unitCode: text("unit_code").notNull(),
    /** Who opened it: the resident's account. */
    accountId: uuid("account_id").notNull(),
    topic: text("topic").notNull(),
    status: text("status").notNull().default("open"),
    assignedTo: uuid("assigned_to"),
    /** The management's first answer: the response time is measured to it. */
    firstResponseAt: tstz("first_response_at"),
    lastMessageAt: tstz("last_message_at").notNull().defaultNow(),
    closedAt: tstz("closed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("conversations_inbox").on(t.companyId, t.buildingId, t.status, t.lastMessageAt),
    index("conversations_account").on(t.companyId, t.accountId, t.lastMessageAt),
    check("conversations_status", sql`${t.status} in ('open', 'answered', 'closed')`),
  ],
);

/** One message of a conversation, from the resident or from the management. */
export const conversationMessages = pgTable(
  "conversation_messages",
  {
    companyId: companyId(),
    id: id(),
    conversationId: uuid("conversation_id").notNull(),
    authorId: uuid("author_id"),
    fromStaff: boolean("from_staff").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("conversation_messages_thread").on(t.companyId, t.conversationId, t.createdAt),
  ],
);
