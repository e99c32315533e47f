import { z } from "zod";
import { CompanyRole, Lang, PageQuery, page, Uuid } from "./common.js";
import { ResidentBody } from "./registry.js";

/** The fixed list of purposes (DESIGN §3). */
export const Purpose = z.enum([
  "billing",
  "account_security",
  "building_operations",
  "deliveries",
  "marketing",
  "analytics",
]);
export type Purpose = z.infer<typeof Purpose>;

/** Why processing for a purpose is lawful: consent only where nothing else applies. */
export const LegalBasis = z.enum(["consent", "contract", "legal_obligation", "legitimate_interest"]);
export type LegalBasis = z.infer<typeof LegalBasis>;

export const ConsentChannel = z.enum(["web", "sign_up", "cookie_banner", "customer_care"]);

// ---------------------------------------------------------------- policies

export const PolicyKind = z.enum(["privacy", "terms"]);
export type PolicyKind = z.infer<typeof PolicyKind>;

/** A published version of the privacy policy or the terms, in the caller's language. */
export const Policy = z.object({
  /** null for the platform's own text (the default every company starts from). */
  id: Uuid.nullable(),
  kind: PolicyKind,
  version: z.string(),
  company: z.object({ id: Uuid, name: z.string() }).nullable(),
  publishedAt: z.string(),
  /** What changed, in one or two sentences. */
  summary: z.string(),
  /** Plain text with `#`/`##` headings and `-` lists, blank-line separated paragraphs. */
  body: z.string(),
  lang: Lang,
  requiresAcknowledgement: z.boolean(),
});
export type Policy = z.infer<typeof Policy>;

export const PolicyQuery = z.object({ companyId: Uuid.optional(), version: z.string().max(40).optional() });
export const PolicyKindParams = z.object({ kind: PolicyKind });

export const PolicyVersion = Policy.pick({
  id: true,
  kind: true,
  version: true,
  publishedAt: true,
  summary: true,
  requiresAcknowledgement: true,
});
export const PolicyVersionList = z.object({ items: z.array(PolicyVersion) });

/** A company publishes its own version; with requiresAcknowledgement every resident is told and asked. */
export const PublishPolicyBody = z.object({
  kind: PolicyKind,
  bodyVi: z.string().trim().min(200).max(100_000),
  bodyEn: z.string().trim().min(200).max(100_000),
  summaryVi: z.string().trim().min(5).max(1000),
  summaryEn: z.string().trim().min(5).max(1000),
  requiresAcknowledgement: z.boolean().default(false),
});

/** Versions the signed-in person still has to acknowledge in their current company. */
export const PendingPolicies = z.object({ items: z.array(Policy) });
export const AcknowledgeBody = z.object({ policyId: Uuid });

// ---------------------------------------------------------------- consent

/** One record of consent: given once, withdrawn at most once (a new giving is a new record). */
export const ConsentRecord = z.object({
  id: Uuid,
  purpose: Purpose,
  policyVersion: z.string(),
  givenAt: z.string(),
  givenChannel: ConsentChannel,
  withdrawnAt: z.string().nullable(),
  withdrawnChannel: ConsentChannel.nullable(),
  /** The exact sentence the person was shown when giving it. */
  wording: z.string(),
  lang: Lang,
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const PurposeState = z.object({
  purpose: Purpose,
  name: z.string(),
  description: z.string(),
  basis: LegalBasis,
  /** The sentence a consent would record; null where the purpose does not rest on consent. */
  wording: z.string().nullable(),
  /** Whether the purpose applies now: always for non-consent purposes, else while consent is given. */
  active: z.boolean(),
  consent: ConsentRecord.nullable(),
});
export const ConsentOverview = z.object({
  policyVersion: z.string(),
  purposes: z.array(PurposeState),
  history: z.array(ConsentRecord),
});
export type ConsentOverview = z.infer<typeof ConsentOverview>;

export const ConsentBody = z.object({
  purpose: Purpose,
  given: z.boolean(),
  channel: ConsentChannel.default("web"),
});

// ---------------------------------------------------------------- my data and export

export const DataExportBody = z.object({ format: z.enum(["json", "html"]) });
export const DataExportLink = z.object({
  url: z.string(),
  expiresAt: z.string(),
  format: z.enum(["json", "html"]),
});

/** A correction the person makes to their own record (fields the management owns go through requests). */
export const MyRecordPatch = ResidentBody.pick({
  fullName: true,
  phone: true,
  email: true,
  dateOfBirth: true,
  nationality: true,
  contactAddress: true,
  preferredLang: true,
}).partial();
export const ResidentIdParams = z.object({ residentId: Uuid });

// ---------------------------------------------------------------- data-subject requests

export const RequestKind = z.enum([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "consent_withdrawal",
]);
export type RequestKind = z.infer<typeof RequestKind>;
export const RequestStatus = z.enum(["open", "in_progress", "completed", "rejected", "cancelled"]);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const RequestChannel = z.enum(["app", "customer_care"]);

export const RequestEvent = z.object({
  at: z.string(),
  event: z.string(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});

/** What an erasure did: what went, what stays, why and until when. */
export const ErasureOutcome = z.object({
  executedAt: z.string(),
  erased: z.array(z.string()),
  kept: z.array(
    z.object({
      what: z.string(),
      reason: z.string(),
      /** ISO date the kept data goes, or null while the hold lasts (an unpaid notice, a dispute). */
      until: z.string().nullable(),
    }),
  ),
});
export type ErasureOutcome = z.infer<typeof ErasureOutcome>;

export const PrivacyRequest = z.object({
  id: Uuid,
  residentId: Uuid,
  residentName: z.string(),
  kind: RequestKind,
  status: RequestStatus,
  channel: RequestChannel,
  details: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  handler: z.object({ accountId: Uuid, name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  outcome: ErasureOutcome.nullable(),
  trail: z.array(RequestEvent),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;
export const PrivacyRequestPage = page(PrivacyRequest);

export const PrivacyRequestQuery = PageQuery.extend({
  status: z
    .enum(["all", "active", "open", "in_progress", "completed", "rejected", "cancelled"])
    .default("active"),
  kind: RequestKind.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

/** Made by the resident in the app (residentId from their session) or by customer care with a verified code. */
export const PrivacyRequestBody = z.object({
  kind: RequestKind,
  details: z.string().trim().max(2000).optional(),
  /** Which of the person's records (one per company record); defaults to all of the signed-in person's. */
  residentId: Uuid.optional(),
  /** Customer care: the identity check sent to the resident and the code they read out. */
  identityCheckId: Uuid.optional(),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const IdentityCheckBody = z.object({ residentId: Uuid, channel: z.enum(["email", "sms"]).optional() });
export const IdentityCheck = z.object({
  id: Uuid,
  channel: z.enum(["email", "sms"]),
  sentTo: z.string(),
  expiresAt: z.string(),
});

export const RequestNoteBody = z.object({ note: z.string().trim().min(1).max(2000) });
export const RequestResolveBody = z.object({ resolution: z.string().trim().min(1).max(2000) });

// ---------------------------------------------------------------- legal holds

export const LegalHold = z.object({
  id: Uuid,
  residentId: Uuid,
  residentName: z.string(),
  reason: z.string(),
  reference: z.string().nullable(),
  placedAt: z.string(),
  releasedAt: z.string().nullable(),
});
export const LegalHoldList = z.object({ items: z.array(LegalHold) });
export const LegalHoldBody = z.object({
  residentId: Uuid,
  reason: z.string().trim().min(3).max(500),
  reference: z.string().trim().max(100).optional(),
});

// ---------------------------------------------------------------- disclosures

export const RecipientKind = z.enum([
  "partner",
  "service_provider",
  "state_agency",
  "other_company",
  "staff_outside_building",
]);
export type RecipientKind = z.infer<typeof RecipientKind>;

export const Disclosure = z.object({
  id: Uuid,
  residentId: Uuid,
  residentName: z.string(),
  recipientKind: RecipientKind,
  recipient: z.string(),
  fields: z.array(z.string()),
  purpose: z.string(),
  legalBasis: LegalBasis,
  reference: z.string().nullable(),
  path: z.string(),
  at: z.string(),
  actorRole: z.string().nullable(),
});
export type Disclosure = z.infer<typeof Disclosure>;
export const DisclosurePage = page(Disclosure);
export const DisclosureQuery = PageQuery.extend({
  residentId: Uuid.optional(),
  recipientKind: RecipientKind.optional(),
});

/** Fields an agency may be given, from the personal-field registry. */
export const AgencyField = z.enum([
  "resident.fullName",
  "resident.phone",
  "resident.email",
  "resident.dateOfBirth",
  "resident.idNumber",
  "resident.nationality",
  "household.membership",
  "vehicle.plate",
]);
export const AgencyRequestBody = z.object({
  agency: z.string().trim().min(3).max(200),
  /** The agency's written request: its number and date, e.g. "123/CV-CAP 20/11/2026". */
  reference: z.string().trim().min(3).max(100),
  legalBasis: z.string().trim().min(3).max(300),
  residentIds: z.array(Uuid).min(1).max(500),
  fields: z.array(AgencyField).min(1),
});
/** What was released: one row per person with the requested fields. */
export const AgencyRelease = z.object({
  agency: z.string(),
  reference: z.string(),
  releasedAt: z.string(),
  people: z.array(z.object({ residentId: Uuid, values: z.record(z.string(), z.string().nullable()) })),
});

// ---------------------------------------------------------------- breaches

export const Severity = z.enum(["low", "medium", "high", "critical"]);
export const BreachStatus = z.enum(["open", "contained", "closed"]);

/** Whom a breach touched, chosen by a query: every resident of some buildings or units, or listed people. */
export const BreachScope = z.object({
  buildingIds: z.array(Uuid).max(100).default([]),
  unitIds: z.array(Uuid).max(5000).default([]),
  residentIds: z.array(Uuid).max(5000).default([]),
});

export const BreachBody = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(3).max(5000),
  detectedAt: z.iso.datetime({ offset: true }),
  severity: Severity,
  fields: z.array(z.string().max(60)).min(1).max(30),
  scope: BreachScope,
});
export const BreachPatch = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().min(3).max(5000),
    severity: Severity,
    status: BreachStatus,
  })
  .partial();
export const ContainmentBody = z.object({ step: z.string().trim().min(3).max(1000) });
export const AuthorityNotifiedBody = z.object({
  sentAt: z.iso.datetime({ offset: true }).optional(),
  reference: z.string().trim().max(200).optional(),
});

export const BreachClock = z.object({
  deadlineAt: z.string(),
  /** Negative once the deadline has passed. */
  secondsLeft: z.number().int(),
  overdue: z.boolean(),
});

export const Breach = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  detectedAt: z.string(),
  severity: Severity,
  status: BreachStatus,
  fields: z.array(z.string()),
  affectedCount: z.number().int(),
  containment: z.array(z.object({ at: z.string(), step: z.string(), by: z.string().nullable() })),
  authorityNotifiedAt: z.string().nullable(),
  authorityReference: z.string().nullable(),
  residentsNotifiedAt: z.string().nullable(),
  residentsNotified: z.number().int(),
  clock: BreachClock,
  createdAt: z.string(),
});
export type Breach = z.infer<typeof Breach>;
export const BreachPage = page(Breach);
export const BreachQuery = PageQuery.extend({
  status: z.enum(["active", "open", "contained", "closed"]).optional(),
});
export const AffectedPage = page(
  z.object({ residentId: Uuid, name: z.string(), units: z.array(z.string()) }),
);
export const NotifyResult = z.object({
  /** The affected people told. */
  total: z.number().int(),
  /** Of them, those reached (in the app or on a contact). */
  people: z.number().int(),
  /** Messages queued by email, push, Zalo or SMS. */
  queued: z.number().int(),
});

// ---------------------------------------------------------------- notifications (in-app inbox)

export const Notification = z.object({
  id: Uuid,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationPage = page(Notification).extend({ unread: z.number().int() });

// ---------------------------------------------------------------- announcements

// ---------------------------------------------------------------- access logs and retention

export const AccessLogQuery = PageQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  accountId: Uuid.optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
  status: z.enum(["2xx", "3xx", "4xx", "5xx"]).optional(),
  path: z.string().trim().max(200).optional(),
});
export const AccessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: Uuid.nullable(),
  accountName: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  lang: z.string().nullable(),
  referrer: z.string().nullable(),
  durationMs: z.number().int(),
});
export const AccessLogPage = page(AccessLogEntry);
/** The person picker of the access log's filter: part of a name (diacritics or not), or an exact email or phone. */
export const AccessLogPeopleQuery = z.object({ q: z.string().trim().min(2).max(120) });
export const AccessLogPeople = z.object({
  items: z.array(
    z.object({
      accountId: Uuid,
      displayName: z.string(),
      /** The person's roles in the company (staff roles, resident). */
      roles: z.array(CompanyRole),
      /** Masked, to tell namesakes apart. */
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
});

export const RetentionCategory = z.enum([
  "access_logs",
  "closed_accounts",
  "ticket_photos",
  "conversations",
  "visitor_log",
]);
export const RetentionSettings = z.object({
  accessLogDays: z.number().int().min(30).max(3650),
  closedAccountDays: z.number().int().min(30).max(3650),
  ticketPhotoDays: z.number().int().min(30).max(3650),
  conversationDays: z.number().int().min(30).max(3650),
  /** The visitor log (guests' names and plates) and used guest passes; the building's security period. */
  visitorLogDays: z.number().int().min(7).max(3650),
});
export const RetentionRun = z.object({
  category: RetentionCategory,
  at: z.string(),
  removed: z.number().int(),
  cutoff: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const RetentionOverview = z.object({ settings: RetentionSettings, lastRuns: z.array(RetentionRun) });

// ---------------------------------------------------------------- processing register and reports

export const RegisterEntry = z.object({
  purpose: Purpose,
  name: z.string(),
  basis: LegalBasis,
  fields: z.array(z.object({ field: z.string(), label: z.string(), sensitive: z.boolean() })),
  recipients: z.array(z.string()),
  retention: z.array(z.string()),
  safeguards: z.array(z.string()),
});
export const Processor = z.object({
  name: z.string(),
  role: z.string(),
  data: z.string(),
  configured: z.boolean(),
});
export const ProcessingRegister = z.object({
  version: z.string(),
  generatedAt: z.string(),
  controller: z.object({
    name: z.string(),
    taxCode: z.string().nullable(),
    address: z.string().nullable(),
    hotline: z.string().nullable(),
    email: z.string().nullable(),
  }),
  entries: z.array(RegisterEntry),
  processors: z.array(Processor),
  counts: z.object({ residents: z.number().int(), accounts: z.number().int(), buildings: z.number().int() }),
});
export type ProcessingRegister = z.infer<typeof ProcessingRegister>;

/** A count shown to outside parties, or null when fewer than 5 people stand behind it. */
export const ReportCell = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export const OccupancyReport = z.object({
  buildingId: Uuid,
  k: z.number().int(),
  rows: z.array(
    z.object({ block: z.string(), floor: z.number().int(), units: z.number().int(), residents: ReportCell }),
  ),
});
export const PaymentRateReport = z.object({
  buildingId: Uuid,
  k: z.number().int(),
  rows: z.array(
    z.object({
      period: z.string(),
      billed: ReportCell,
      paid: ReportCell,
      /** Paid units over billed units, 0..1; null when hidden. */
      rate: z.number().nullable(),
    }),
  ),
});
export const ReportQuery = z.object({ buildingId: Uuid });

/** Open incidents' clocks, for the banner every console page shows. */
export const BreachClocks = z.object({
  items: z.array(
    z.object({
      /** Tells the clocks apart: the incident's id for those who may open it, else its place in the list. */
      key: z.string(),
      /** The incident, for roles that may open it; null for the others (they see only that a clock runs). */
      incident: z.object({ id: Uuid, title: z.string() }).nullable(),
      clock: BreachClock,
      authorityNotifiedAt: z.string().nullable(),
      residentsNotifiedAt: z.string().nullable(),
    }),
  ),
});
