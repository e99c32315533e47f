import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/**
 * One notification to one person on one channel, with its state. What to say is kept as the template and its
 * data (rendered in the person's language when sent); whom to send it to is read from the account or the
 * registry at sending, so a contact corrected meanwhile is the one used and no contact is copied here.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id"),
    residentId: uuid("resident_id"),
    unitCode: text("unit_code"),
    channel: text("channel").notNull(),
    template: text("template").notNull(),
    category: text("category").notNull(),
    urgency: text("urgency").notNull().default("normal"),
    data: jsonb("data").$type<Record<string, string | number>>().notNull(),
    link: text("link"),
    /** What sent it (an announcement, a notice): its report and read receipts gather by it. */
    sourceId: uuid("source_id"),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** Not sent before then: the back-off after a failure, or the end of the person's quiet hours. */
    notBefore: tstz("not_before").notNull().defaultNow(),
    error: text("error"),
    providerId: text("provider_id"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("notification_deliveries_due").on(t.companyId, t.notBefore).where(sql`${t.status} = 'queued'`),
    index("notification_deliveries_source").on(t.companyId, t.sourceId, t.channel, t.status),
    index("notification_deliveries_failed").on(t.companyId, t.updatedAt).where(sql`${t.status} = 'failed'`),
    index("notification_deliveries_account").on(t.companyId, t.accountId),
    index("notification_deliveries_resident").on(t.companyId, t.residentId),
    check(
      "notification_deliveries_channel",
      sql`${t.channel} in ('in_app', 'email', 'push', 'zalo', 'sms', 'none')`,
    ),
    check(
      "notification_deliveries_status",
      sql`${t.status} in ('queued', 'sent', 'delivered', 'failed', 'cancelled')`,
    ),
    check("notification_deliveries_urgency", sql`${t.urgency} in ('normal', 'high')`),
    check(
      "notification_deliveries_recipient",
      sql`${t.accountId} is not null or ${t.residentId} is not null`,
    ),
  ],
);

/** A person's choices: channels turned on or off per category (over the defaults) and quiet hours. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    companyId: companyId(),
    accountId: uuid("account_id").notNull(),
    /** `{ "building.email": true, "billing.zalo": false }`: only what differs from the defaults. */
    choices: jsonb("choices").$type<Record<string, boolean>>().notNull().default({}),
    /** Quiet hours in Vietnam's time ("21:00" to "07:00"); null when the person wants none. */
    quietFrom: text("quiet_from"),
    quietTo: text("quiet_to"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.accountId] }),
    check(
      "notification_preferences_quiet",
      sql`(${t.quietFrom} is null) = (${t.quietTo} is null) and (${t.quietFrom} is null or (${t.quietFrom} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.quietTo} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'))`,
    ),
  ],
);

/** A browser's Web Push subscription, for one person in one company. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** "Chrome on Android": shown to the person beside "turn off on this device". */
    label: text("label"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("push_subscriptions_endpoint").on(t.companyId, t.endpoint),
    index("push_subscriptions_account").on(t.companyId, t.accountId),
  ],
);

/**
 * The installation's Web Push (VAPID) key pair: made once, shared by every API process; the private key is
 * wrapped with the master key. Not a company's data.
 */
export const pushKeys = pgTable(
  "push_keys",
  {
    singleton: boolean("singleton").notNull().default(true).primaryKey(),
    publicKey: text("public_key").notNull(),
    privateKeyEnc: bytea("private_key_enc").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("push_keys_one", sql`${t.singleton}`)],
);
