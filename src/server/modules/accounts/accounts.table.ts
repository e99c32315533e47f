import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id, tstz } from "../../platform/db/columns.js";

/** A person's one account on the installation (platform data). Contacts are encrypted; blind indexes find them. */
export const accounts = pgTable(
  "accounts",
  {
    id: id().primaryKey(),
    displayName: text("display_name").notNull(),
    emailEnc: bytea("email_enc"),
    emailBidx: text("email_bidx").unique(),
    phoneEnc: bytea("phone_enc"),
    phoneBidx: text("phone_bidx").unique(),
    /** The person's data key, wrapped by the master key; destroying it shreds every field encrypted with it. */
    dataKey: bytea("data_key"),
    passwordHash: text("password_hash"),
    lang: text("lang").notNull().default("vi"),
    totpSecretEnc: bytea("totp_secret_enc"),
    totpEnabledAt: tstz("totp_enabled_at"),
    platformRole: text("platform_role"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: tstz("locked_until"),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("accounts_lang", sql`${t.lang} in ('vi', 'en')`),
    check("accounts_platform_role", sql`${t.platformRole} is null or ${t.platformRole} = 'platform_admin'`),
    check("accounts_status", sql`${t.status} in ('active', 'disabled')`),
    check("accounts_contact", sql`${t.emailBidx} is not null or ${t.phoneBidx} is not null`),
  ],
);

/** Browsers a person has signed in from; a trusted one skips the one-time code until trustedUntil. */
export const devices = pgTable(
  "devices",
  {
    id: id().primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    label: text("label").notNull(),
    firstSeenAt: createdAt(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    trustedUntil: tstz("trusted_until"),
  },
  (t) => [index("devices_account").on(t.accountId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
  "sessions",
  {
    id: id().primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "set null" }),
    /** 'otp' or 'totp' while a second factor is owed; 'active' once signed in. */
    stage: text("stage").notNull(),
    /** The chosen context: a membership id, or 'platform'. */
    contextId: text("context_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastUsedAt: tstz("last_used_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    reauthAt: tstz("reauth_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [
    index("sessions_account").on(t.accountId),
    check("sessions_stage", sql`${t.stage} in ('otp', 'totp', 'active')`),
  ],
);

/** One-time codes by email or SMS: sign-in from a new device, password reset, re-confirmation. */
export const otpCodes = pgTable(
  "otp_codes",
  {
    id: id().primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    channel: text("channel").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: tstz("expires_at").notNull(),
    consumedAt: tstz("consumed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("otp_codes_account").on(t.accountId, t.purpose),
    check("otp_codes_purpose", sql`${t.purpose} in ('sign_in', 'reset', 'reauth')`),
    check("otp_codes_channel", sql`${t.channel} in ('email', 'sms')`),
  ],
);
