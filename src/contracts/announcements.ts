import { z } from "zod";
import { PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";
import { DeliveryChannel } from "./notifications.js";

export const AnnouncementCategory = z.enum(["notice", "maintenance", "event", "emergency", "promotion"]);
export type AnnouncementCategory = z.infer<typeof AnnouncementCategory>;
export const AnnouncementStatus = z.enum(["draft", "scheduled", "published", "archived"]);
export type AnnouncementStatus = z.infer<typeof AnnouncementStatus>;
/** Who among the household members (the owners' board are staff with that role for the building). */
export const AudienceRole = z.enum(["owner", "tenant", "member", "board"]);

/**
 * Who an announcement is for, within its building: each list narrows (a resident must match every list
 * given, and any value within a list); nothing given is the whole building.
 */
export const Audience = z
  .object({
    blocks: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
    floors: z.array(z.number().int().min(-10).max(200)).max(200).default([]),
    unitIds: z.array(Uuid).max(5000).default([]),
    roles: z.array(AudienceRole).max(4).default([]),
  })
  .default({ blocks: [], floors: [], unitIds: [], roles: [] });
export type Audience = z.infer<typeof Audience>;

const content = {
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(5000),
  category: AnnouncementCategory.default("notice"),
  audience: Audience,
  pinned: z.boolean().default(false),
};

export const AnnouncementBody = z
  .object({
    ...content,
    /** Legacy flag: a marketing message is the promotion category (reaches only people who consented). */
    marketing: z.boolean().default(false),
    /** Publish now (default), keep as a draft, or publish at `publishAt`. */
    action: z.enum(["publish", "draft", "schedule"]).default("publish"),
    publishAt: z.iso.datetime({ offset: true }).optional(),
    /** Files uploaded for it (`POST /files?purpose=announcement`): PDFs and images, at most 10. */
    attachments: z.array(Uuid).max(10).default([]),
  })
  .refine((b) => b.action !== "schedule" || b.publishAt !== undefined, {
    path: ["publishAt"],
    message: "PUBLISH_AT_REQUIRED",
  });

export const AnnouncementPatch = z
  .object({
    title: content.title,
    body: content.body,
    category: AnnouncementCategory,
    audience: Audience,
    pinned: z.boolean(),
    publishAt: z.iso.datetime({ offset: true }).nullable(),
    /** The files it keeps: those listed (new uploads are attached, the others removed). */
    attachments: z.array(Uuid).max(10),
  })
  .partial();

export const AudiencePreviewBody = z.object({
  audience: Audience,
  category: AnnouncementCategory.default("notice"),
});

/** Who an announcement reaches, and who it leaves out and why. */
export const AudienceCount = z.object({
  /** People in the app who will receive it. */
  sent: z.number().int(),
  excludedRestricted: z.number().int(),
  excludedNoConsent: z.number().int(),
  /** Residents in the audience without an account (reached by the channels of the notification service). */
  withoutAccount: z.number().int(),
  units: z.number().int(),
});

export const AnnouncementResult = AudienceCount.extend({
  id: Uuid,
  status: AnnouncementStatus,
});

export const Announcement = z.object({
  id: Uuid,
  buildingId: Uuid,
  title: z.string(),
  body: z.string(),
  category: AnnouncementCategory,
  status: AnnouncementStatus,
  audience: Audience,
  pinned: z.boolean(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** People it was delivered to in the app, and how many of them opened it. */
  sent: z.number().int(),
  read: z.number().int(),
  attachments: z.array(FileInfo),
});
export const AnnouncementList = page(Announcement);
export const AnnouncementListQuery = PageQuery.extend({
  buildingId: Uuid,
  status: AnnouncementStatus.optional(),
});

/** An announcement in a resident's feed. */
export const FeedItem = z.object({
  id: Uuid,
  title: z.string(),
  body: z.string(),
  category: AnnouncementCategory,
  pinned: z.boolean(),
  publishedAt: z.string(),
  read: z.boolean(),
  attachments: z.array(FileInfo),
});
export const Feed = page(FeedItem).extend({ unread: z.number().int() });

/** An emergency broadcast: the whole building, or some of its blocks. */
export const EmergencyBody = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(1000),
  blocks: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
});

/** Who an emergency reached, per channel, and who it did not (by unit, never by contact). */
export const DeliveryReport = z.object({
  id: Uuid,
  title: z.string(),
  people: z.number().int(),
  /** People reached on at least one channel. */
  reached: z.number().int(),
  channels: z.array(
    z.object({
      channel: DeliveryChannel,
      sent: z.number().int(),
      failed: z.number().int(),
      queued: z.number().int(),
    }),
  ),
  notReached: z.array(
    z.object({
      unitCode: z.string(),
      channel: DeliveryChannel,
      error: z.string().nullable(),
      attempts: z.number().int(),
    }),
  ),
  /** Nothing is still being sent. */
  done: z.boolean(),
});
