import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { ErasureOutcome } from "../../../../contracts/privacy.js";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";

/** Data-subject requests: access, rectification, erasure, restriction, objection, consent withdrawal. */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    accountId: uuid("account_id"),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("open"),
    channel: text("channel").notNull(),
    details: text("details"),
    dueAt: tstz("due_at").notNull(),
    escalatedAt: tstz("escalated_at"),
    handlerId: uuid("handler_id"),
    closedAt: tstz("closed_at"),
    resolution: text("resolution"),
    outcome: jsonb("outcome").$type<ErasureOutcome>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("privacy_requests_status").on(t.companyId, t.status, t.dueAt),
    index("privacy_requests_resident").on(t.companyId, t.residentId),
    check(
      "privacy_requests_kind",
      sql`${t.kind} in ('access', 'rectification', 'erasure', 'restriction', 'objection', 'consent_withdrawal')`,
    ),
    check(
      "privacy_requests_status_check",
      sql`${t.status} in ('open', 'in_progress', 'completed', 'rejected', 'cancelled')`,
    ),
    check("privacy_requests_channel", sql`${t.channel} in ('app', 'customer_care')`),
  ],
);

/** The trail of a request: who did what, when. */
export const privacyRequestEvents = pgTable(
  "privacy_request_events",
  {
    companyId: companyId(),
    id: id(),
    requestId: uuid("request_id").notNull(),
    at: tstz("at").notNull().defaultNow(),
    event: text("event").notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role"),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("privacy_request_events_request").on(t.companyId, t.requestId, t.at),
  ],
);

/** A one-time code customer care sends to a resident to confirm who is asking on the phone or at the desk. */
export const identityChecks = pgTable(
  "identity_checks",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    channel: text("channel").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: tstz("expires_at").notNull(),
    consumedAt: tstz("consumed_at"),
    sentBy: uuid("sent_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] })],
);
