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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ErasureOutcome } from "../../../contracts/privacy.js";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** A company's own published version of the privacy policy or the terms (the platform's text is in code). */
export const companyPolicies = pgTable(
  "company_policies",
  {
    companyId: companyId(),
    id: id(),
    kind: text("kind").notNull(),
    version: text("version").notNull(),
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    summaryVi: text("summary_vi").notNull(),
    summaryEn: text("summary_en").notNull(),
    requiresAck: boolean("requires_ack").notNull().default(false),
    publishedBy: uuid("published_by"),
    publishedAt: tstz("published_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("company_policies_version").on(t.companyId, t.kind, t.version),
    check("company_policies_kind", sql`${t.kind} in ('privacy', 'terms')`),
  ],
);

/** That a person read a version that asked to be acknowledged. */
export const policyAcknowledgements = pgTable(
  "policy_acknowledgements",
  {
    companyId: companyId(),
    policyId: uuid("policy_id").notNull(),
    accountId: uuid("account_id").notNull(),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.policyId, t.accountId] })],
);

/**
 * Consent per purpose: one row per giving, closed by its withdrawal. The row keeps the exact wording shown,
 * the policy version and the channel, so it can be printed as proof.
 */
export const consents = pgTable(
  "consents",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    purpose: text("purpose").notNull(),
    policyVersion: text("policy_version").notNull(),
    wording: text("wording").notNull(),
    lang: text("lang").notNull(),
    givenAt: tstz("given_at").notNull().defaultNow(),
    givenChannel: text("given_channel").notNull(),
    withdrawnAt: tstz("withdrawn_at"),
    withdrawnChannel: text("withdrawn_channel"),
    recordedBy: uuid("recorded_by"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("consents_current")
      .on(t.companyId, t.accountId, t.purpose)
      .where(sql`${t.withdrawnAt} is null`),
    check("consents_purpose", sql`${t.purpose} in ('marketing', 'analytics')`),
  ],
);

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

/** A hold placed by the company (an open dispute) that keeps a person's data from erasure until released. */
export const legalHolds = pgTable(
  "legal_holds",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    reason: text("reason").notNull(),
    reference: text("reference"),
    placedBy: uuid("placed_by"),
    placedAt: tstz("placed_at").notNull().defaultNow(),
    releasedBy: uuid("released_by"),
    releasedAt: tstz("released_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("legal_holds_resident").on(t.companyId, t.residentId),
  ],
);

/** Every release of personal data to a third party or outside the building's staff (DESIGN §3). */
export const disclosures = pgTable(
  "disclosures",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    recipientKind: text("recipient_kind").notNull(),
    recipient: text("recipient").notNull(),
    fields: text("fields").array().notNull(),
    purpose: text("purpose").notNull(),
    legalBasis: text("legal_basis").notNull(),
    reference: text("reference"),
    /** Which code path released it (a test enumerates them). */
    path: text("path").notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role"),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("disclosures_resident").on(t.companyId, t.residentId, t.at),
    index("disclosures_at").on(t.companyId, t.at),
    check(
      "disclosures_recipient_kind",
      sql`${t.recipientKind} in ('partner', 'service_provider', 'state_agency', 'other_company', 'staff_outside_building')`,
    ),
  ],
);

/** A personal-data breach and its 72-hour clock from detection. */
export const breachIncidents = pgTable(
  "breach_incidents",
  {
    companyId: companyId(),
    id: id(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    detectedAt: tstz("detected_at").notNull(),
    severity: text("severity").notNull(),
    status: text("status").notNull().default("open"),
    fields: text("fields").array().notNull(),
    containment: jsonb("containment")
      .$type<{ at: string; step: string; by: string | null }[]>()
      .notNull()
      .default([]),
    authorityNotifiedAt: tstz("authority_notified_at"),
    authorityReference: text("authority_reference"),
    residentsNotifiedAt: tstz("residents_notified_at"),
    residentsNotified: integer("residents_notified").notNull().default(0),
    overdueAlertedAt: tstz("overdue_alerted_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("breach_incidents_status").on(t.companyId, t.status),
    check("breach_incidents_severity", sql`${t.severity} in ('low', 'medium', 'high', 'critical')`),
    check("breach_incidents_status_check", sql`${t.status} in ('open', 'contained', 'closed')`),
  ],
);

/** The people a breach touched, fixed when it is opened. */
export const breachAffected = pgTable(
  "breach_affected",
  {
    companyId: companyId(),
    incidentId: uuid("incident_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    notifiedAt: tstz("notified_at"),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.incidentId, t.residentId] })],
);

/** A download link for a person's data export: only the hash of its token is stored, and it expires. */
export const dataExports = pgTable(
  "data_exports",
  {
    companyId: companyId(),
    id: id(),
    accountId: uuid("account_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    format: text("format").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    downloadedAt: tstz("downloaded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("data_exports_token").on(t.companyId, t.tokenHash),
    check("data_exports_format", sql`${t.format} in ('json', 'html')`),
  ],
);

/** What each retention purge removed, per company and category. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    companyId: companyId(),
    id: id(),
    category: text("category").notNull(),
    at: tstz("at").notNull().defaultNow(),
    cutoff: tstz("cutoff").notNull(),
    removed: integer("removed").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("retention_runs_at").on(t.companyId, t.category, t.at),
  ],
);
