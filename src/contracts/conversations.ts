import { z } from "zod";
import { PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";

export const ConversationStatus = z.enum(["open", "answered", "closed"]);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

const MessageText = z.string().trim().min(1).max(4000);
/** Photos uploaded for the message (`POST /files?purpose=conversation`), at most 5. */
const Photos = z.array(Uuid).max(5).default([]);

export const NewConversationBody = z.object({
  unitId: Uuid,
  topic: z.string().trim().min(3).max(200),
  message: MessageText,
  photos: Photos,
});
export const MessageBody = z.object({ body: MessageText, photos: Photos });

/** The management's changes: assign (null: nobody), close or reopen. */
export const ConversationPatch = z
  .object({ assignedTo: Uuid.nullable(), status: z.enum(["open", "closed"]) })
  .partial();

export const ConversationMessage = z.object({
  id: Uuid,
  body: z.string(),
  fromStaff: z.boolean(),
  /** The author's name; a resident sees "Ban quản lý" for staff, not who. */
  author: z.string(),
  createdAt: z.string(),
  photos: z.array(FileInfo),
});

export const Conversation = z.object({
  id: Uuid,
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  topic: z.string(),
  status: ConversationStatus,
  /** The resident who opened it (the management's view). */
  residentName: z.string(),
  assignedTo: z.object({ id: Uuid, name: z.string() }).nullable(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  firstResponseAt: z.string().nullable(),
  lastMessage: z.string(),
});
export const ConversationDetail = Conversation.extend({ messages: z.array(ConversationMessage) });
export const ConversationList = page(Conversation);
export const ConversationListQuery = PageQuery.extend({
  status: ConversationStatus.optional(),
  buildingId: Uuid.optional(),
  /** `me`: assigned to the caller; `none`: to nobody. */
  assigned: z.enum(["me", "none"]).optional(),
});

/** Response-time figures of the last 30 days. */
export const ConversationStats = z.object({
  waiting: z.number().int(),
  answered: z.number().int(),
  opened30d: z.number().int(),
  /** Median minutes to the management's first answer, over those answered; null when none. */
  medianFirstResponseMinutes: z.number().nullable(),
  /** Share of those answered within an hour, 0–1; null when none. */
  answeredWithinHour: z.number().nullable(),
});
