import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * A resident's ticket (phản ánh): a problem in their unit or a common area, answered and worked on by the
 * management within the service levels of its category. `respond_by` and `resolve_by` are set when it is
 * opened; the resolution clock stops while it waits for the resident (`paused_at`), and `resolve_by` moves on
 * by the time it waited (`waited_seconds`, kept so a change of priority or category can set the times again).
 */
export const tickets = pgTable(
  "tickets",
  {
    companyId: companyId(),
    id: id(),
    /** Per company, from 1: what people say on the phone ("phản ánh số 1024"). */
    number: integer("number").notNull(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    /** The unit's code when it was opened, for the lists. */
    unitCode: text("unit_code").notNull(),
    location: text("location").notNull(),
    locationNote: text("location_note"),
    category: text("category").notNull(),
    priority: text("priority").notNull(),
    status: text("status").notNull().default("new"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** The resident's account; null once they were erased (the building's record of the repair stays). */
    requesterId: uuid("requester_id"),
    assignedTo: uuid("assigned_to"),
    conversationId: uuid("conversation_id"),
    respondBy: tstz("respond_by").notNull(),
    resolveBy: tstz("resolve_by").notNull(),
    respondedAt: tstz("responded_at"),
    resolvedAt: tstz("resolved_at"),
    closedAt: tstz("closed_at"),
    pausedAt: tstz("paused_at"),
    /** Time spent waiting for the resident, added to the resolution time when the service levels are applied. */
    waitedSeconds: integer("waited_seconds").notNull().default(0),
    rating: smallint("rating"),
    ratingComment: text("rating_comment"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("tickets_number").on(t.companyId, t.number),
    index("tickets_queue").on(t.companyId, t.buildingId, t.status, t.updatedAt),
    index("tickets_assignee").on(t.companyId, t.assignedTo, t.status),
    index("tickets_requester").on(t.companyId, t.requesterId, t.createdAt),
    check(
      "tickets_status",
      sql`${t.status} in ('new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened')`,
    ),
    check(
      "tickets_category",
      sql`${t.category} in ('plumbing', 'electricity', 'elevator', 'cleaning', 'security', 'noise', 'billing', 'other')`,
    ),
    check("tickets_priority", sql`${t.priority} in ('low', 'normal', 'high', 'urgent')`),
    check(
      "tickets_location",
      sql`${t.location} in ('unit', 'lobby', 'corridor', 'parking', 'pool', 'elevator', 'other')`,
    ),
    check("tickets_rating", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * The ticket's timeline: its opening, each status change and assignment, messages the resident sees and the
 * staff's internal notes (`internal`), the rating.
 */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    companyId: companyId(),
    id: id(),
    ticketId: uuid("ticket_id").notNull(),
    kind: text("kind").notNull(),
    status: text("status"),
    body: text("body"),
    internal: boolean("internal").notNull().default(false),
    authorId: uuid("author_id"),
    fromStaff: boolean("from_staff").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("ticket_events_timeline").on(t.companyId, t.ticketId, t.createdAt),
    check(
      "ticket_events_kind",
      sql`${t.kind} in ('created', 'status', 'assigned', 'message', 'note', 'rated')`,
    ),
  ],
);

/** A company's service levels per category, where it changed the defaults. */
export const ticketSlas = pgTable(
  "ticket_slas",
  {
    companyId: companyId(),
    category: text("category").notNull(),
    respondMinutes: integer("respond_minutes").notNull(),
    resolveMinutes: integer("resolve_minutes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.category] })],
);

/** The last ticket number given per company (a row lock, not a max() read, so two residents never share one). */
export const ticketCounters = pgTable("ticket_counters", {
  companyId: companyId().primaryKey(),
  last: integer("last").notNull().default(0),
});
