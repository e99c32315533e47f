import { z } from "zod";
import { abilities, PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";

/** What a ticket (phản ánh) is about; each has its own response and resolution times. */
export const TicketCategory = z.enum([
  "plumbing",
  "electricity",
  "elevator",
  "cleaning",
  "security",
  "noise",
  "billing",
  "other",
]);
export type TicketCategory = z.infer<typeof TicketCategory>;

/** Where the problem is: the resident's own unit, or a common area of the building. */
export const TicketLocation = z.enum(["unit", "lobby", "corridor", "parking", "pool", "elevator", "other"]);
export const TicketPriority = z.enum(["low", "normal", "high", "urgent"]);
export type TicketPriority = z.infer<typeof TicketPriority>;

/**
 * The ticket's life: `new` until the management acknowledges it (the response time ends there), then worked on
 * (`in_progress`, `waiting` for the resident: the resolution clock stops), `resolved` by the management,
 * `closed` by the resident's rating or 7 days after resolution; `reopened` by the resident within 7 days.
 */
export const TicketStatus = z.enum([
  "new",
  "acknowledged",
  "in_progress",
  "waiting",
  "resolved",
  "closed",
  "reopened",
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses that still need the management's work. */
export const OPEN_TICKET_STATUSES = ["new", "acknowledged", "in_progress", "waiting", "reopened"] as const;

const Text = z.string().trim().min(1).max(4000);
/** Photos uploaded first (`POST /files?purpose=ticket`), at most 5. */
const Photos = z.array(Uuid).max(5).default([]);

export const NewTicketBody = z.object({
  /** The resident's unit: the ticket's building, and its place when the location is `unit`. */
  unitId: Uuid,
  location: TicketLocation.default("unit"),
  /** Where in the common area (floor 12 corridor, basement B2). */
  locationNote: z.string().trim().max(200).optional(),
  category: TicketCategory,
  /** A resident may say it is urgent (water everywhere); the management sets the rest. */
  urgent: z.boolean().default(false),
  title: z.string().trim().min(3).max(120),
  description: Text,
  photos: Photos,
});

/** A staff member turns a resident's conversation into a ticket. */
export const TicketFromConversationBody = z.object({
  conversationId: Uuid,
  category: TicketCategory,
  priority: TicketPriority.default("normal"),
  location: TicketLocation.default("unit"),
  locationNote: z.string().trim().max(200).optional(),
});

/** The management's changes: the next status, who works on it (null: nobody), its priority or category. */
export const TicketPatch = z
  .object({
    status: TicketStatus.exclude(["new", "closed", "reopened"]),
    assignedTo: Uuid.nullable(),
    priority: TicketPriority,
    category: TicketCategory,
  })
  .partial();

/** A message the resident sees, or (staff only, `internal`) a note they do not. */
export const TicketMessageBody = z.object({
  body: Text,
  photos: Photos,
  internal: z.boolean().default(false),
});
export const TicketRatingBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export const TicketReopenBody = z.object({ reason: Text });

/** One line of the timeline: a status change, an assignment, a message, an internal note, a rating. */
export const TicketEvent = z.object({
  id: Uuid,
  kind: z.enum(["created", "status", "assigned", "message", "note", "rated"]),
  status: TicketStatus.nullable(),
  body: z.string().nullable(),
  /** The author's name; a resident sees "Ban quản lý" for staff, not who. */
  author: z.string(),
  fromStaff: z.boolean(),
  createdAt: z.string(),
  photos: z.array(FileInfo),
});

/** The requester as the viewer may see them: staff who are not technicians see the full name. */
export const TicketRequester = z.object({
  firstName: z.string(),
  name: z.string().nullable(),
  /** Masked (`0912 *** 678`): enough to recognise, not to copy. */
  phone: z.string().nullable(),
});

/** Times against the category's service levels. */
export const TicketSla = z.object({
  respondBy: z.string(),
  resolveBy: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Answered after its response time, or still not answered past it. */
  responseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  /** The resolution clock is stopped while the management waits for the resident. */
  paused: z.boolean(),
});

export const Ticket = z.object({
  id: Uuid,
  number: z.number().int(),
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  location: TicketLocation,
  locationNote: z.string().nullable(),
  category: TicketCategory,
  priority: TicketPriority,
  status: TicketStatus,
  title: z.string(),
  requester: TicketRequester,
  assignedTo: z.object({ id: Uuid, name: z.string() }).nullable(),
  sla: TicketSla,
  rating: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The conversation it came from. */
  conversationId: Uuid.nullable(),
});
export const TicketDetail = Ticket.extend({
  description: z.string(),
  photos: z.array(FileInfo),
  ratingComment: z.string().nullable(),
  events: z.array(TicketEvent),
  /** Until when the resident may reopen it (7 days after its resolution); null when not resolved. */
  reopenUntil: z.string().nullable(),
  can: abilities("update", "assign", "note", "message", "rate", "reopen"),
});
export const TicketList = page(Ticket);

export const TicketListQuery = PageQuery.extend({
  status: z
    .union([TicketStatus, z.enum(["open"])])
    .optional()
    .describe("a status, or `open`: every status still needing work"),
  category: TicketCategory.optional(),
  buildingId: Uuid.optional(),
  /** `me`: assigned to the caller; `none`: to nobody; or a staff member's id. */
  assigned: z.union([z.enum(["me", "none"]), Uuid]).optional(),
  /** Only those past their response or resolution time. */
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

/** The board: a column per status with its count and its first cards (most urgent first). */
export const TicketBoard = z.object({
  columns: z.array(z.object({ status: TicketStatus, total: z.number().int(), items: z.array(Ticket) })),
});
export const TicketBoardQuery = z.object({
  buildingId: Uuid.optional(),
  category: TicketCategory.optional(),
  assigned: z.union([z.enum(["me", "none"]), Uuid]).optional(),
  /** Cards per column. */
  perColumn: z.coerce.number().int().min(1).max(50).default(20),
});

/** The service levels of a category: minutes to the first response and to the resolution. */
export const CategorySla = z.object({
  category: TicketCategory,
  respondMinutes: z
    .number()
    .int()
    .min(5)
    .max(30 * 24 * 60),
  resolveMinutes: z
    .number()
    .int()
    .min(15)
    .max(90 * 24 * 60),
});
export const TicketSlaSettings = z.object({ categories: z.array(CategorySla) });

const Figures = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Shares 0–1 of those answered / resolved within their times; null when none yet. */
  respondedInTime: z.number().nullable(),
  resolvedInTime: z.number().nullable(),
  medianResolveMinutes: z.number().nullable(),
  averageRating: z.number().nullable(),
});
/** SLA figures over the tickets opened in the period, per category and per technician. */
export const TicketStats = z.object({
  days: z.number().int(),
  overall: Figures,
  byCategory: z.array(Figures.extend({ category: TicketCategory })),
  byAssignee: z.array(Figures.extend({ accountId: Uuid, name: z.string() })),
});
export const TicketStatsQuery = z.object({
  buildingId: Uuid.optional(),
  days: z.coerce.number().int().min(1).max(365).default(30),
});

/** Who a building's tickets can be given to: its technicians and managers, with how many open ones they hold. */
export const TicketAssignees = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      role: z.enum(["technician", "building_manager"]),
      open: z.number().int(),
    }),
  ),
});
export const TicketAssigneesQuery = z.object({ buildingId: Uuid });
