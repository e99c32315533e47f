import { z } from "zod";
import { PageQuery, page, Uuid } from "./common.js";

export const NotificationCategory = z.enum([
  "billing",
  "building",
  "maintenance",
  "tickets",
  "orders",
  "marketing",
  "account",
]);
export const ChoosableChannel = z.enum(["push", "email", "zalo", "sms"]);
export const DeliveryChannel = z.enum(["in_app", "push", "email", "zalo", "sms", "none"]);

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const QuietHours = z
  .object({ from: Clock, to: Clock })
  .refine((q) => q.from !== q.to, { message: "QUIET_HOURS_EMPTY", path: ["to"] });

const ChannelChoices = z.object({
  push: z.boolean(),
  email: z.boolean(),
  zalo: z.boolean(),
  sms: z.boolean(),
});

export const NotificationPreferences = z.object({
  categories: z.array(
    z.object({
      category: NotificationCategory,
      channels: ChannelChoices,
      /** Channels this category always uses (security and privacy notices by email). */
      locked: z.array(ChoosableChannel),
    }),
  ),
  /** Null: no quiet hours. */
  quietHours: QuietHours.nullable(),
  /** The channels this installation can send on. */
  available: z.array(ChoosableChannel),
});

export const NotificationPreferencesBody = z.object({
  categories: z
    .array(z.object({ category: NotificationCategory, channels: ChannelChoices.partial() }))
    .max(NotificationCategory.options.length),
  quietHours: QuietHours.nullable(),
});

export const PushKey = z.object({
  /** The installation's VAPID public key (base64url), for `pushManager.subscribe`; null when push is off. */
  publicKey: z.string().nullable(),
});

export const PushSubscriptionBody = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  label: z.string().trim().max(100).optional(),
});
export const PushEndpointBody = z.object({ endpoint: z.string().max(2000) });
export const PushDevices = z.object({
  devices: z.array(z.object({ id: Uuid, label: z.string().nullable(), createdAt: z.string() })),
});

export const DeadLetterQuery = PageQuery.extend({
  channel: DeliveryChannel.optional(),
});
export const DeadLetter = z.object({
  id: Uuid,
  template: z.string(),
  title: z.string(),
  channel: DeliveryChannel,
  unitCode: z.string().nullable(),
  recipient: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  failedAt: z.string(),
});
export const DeadLetterPage = page(DeadLetter);
export const ResendBody = z.object({
  /** The deliveries to send again; none given: every dead letter. */
  ids: z.array(Uuid).max(500).optional(),
});
export const Resent = z.object({ queued: z.number().int() });
