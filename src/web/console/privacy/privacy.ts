import { useInterval } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  AgencyField as AgencyFieldSchema,
  AgencyRelease as AgencyReleaseSchema,
  Breach,
  BreachClocks as BreachClocksSchema,
  BreachStatus as BreachStatusSchema,
  Disclosure,
  IdentityCheck as IdentityCheckSchema,
  LegalBasis,
  LegalHold as LegalHoldSchema,
  NotifyResult as NotifyResultSchema,
  PolicyKind,
  PolicyVersion as PolicyVersionSchema,
  PrivacyRequest,
  RecipientKind,
  RequestKind,
  RequestStatus,
  Severity as SeveritySchema,
} from "../../../contracts/index.js";
import { parseDay } from "../../format.js";

/** Data-subject requests, breaches, disclosures and the rest of the console's privacy section. */
export type { Breach, Disclosure, PrivacyRequest, RecipientKind, RequestKind, RequestStatus };
export type AgencyField = z.infer<typeof AgencyFieldSchema>;
export type AgencyRelease = z.infer<typeof AgencyReleaseSchema>;
export type BreachClocks = z.infer<typeof BreachClocksSchema>;
export type BreachStatus = z.infer<typeof BreachStatusSchema>;
export type IdentityCheck = z.infer<typeof IdentityCheckSchema>;
export type LegalHold = z.infer<typeof LegalHoldSchema>;
export type NotifyResult = z.infer<typeof NotifyResultSchema>;
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;
export type Severity = z.infer<typeof SeveritySchema>;

export const REQUESTS_PATH = "/privacy/requests";
export const IDENTITY_CHECKS_PATH = "/privacy/identity-checks";
export const BREACHES_PATH = "/privacy/breaches";
export const CLOCKS_PATH = "/privacy/breaches/clocks";
export const DISCLOSURES_PATH = "/privacy/disclosures";
export const AGENCY_REQUESTS_PATH = "/privacy/agency-requests";
export const ACCESS_LOGS_PATH = "/privacy/access-logs";
export const RETENTION_PATH = "/privacy/retention";
export const REGISTER_PATH = "/privacy/register";
export const POLICIES_PATH = "/privacy/policies";
export const HOLDS_PATH = "/privacy/legal-holds";

/** In the order selects show them. */
export const REQUEST_KINDS: RequestKind[] = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "consent_withdrawal",
];
export const REQUEST_FILTERS = [
  "active",
  "open",
  "in_progress",
  "completed",
  "rejected",
  "cancelled",
] as const;
export const SEVERITIES: Severity[] = ["low", "medium", "high", "critical"];
export const BREACH_STATUSES: BreachStatus[] = ["open", "contained", "closed"];
// The contracts' enums repeated as plain arrays: the web imports only types, which keeps zod out of its bundles.
export const RECIPIENT_KINDS: RecipientKind[] = [
  "partner",
  "service_provider",
  "state_agency",
  "other_company",
  "staff_outside_building",
];
export const AGENCY_FIELDS: AgencyField[] = [
  "resident.fullName",
  "resident.phone",
  "resident.email",
  "resident.dateOfBirth",
  "resident.idNumber",
  "resident.nationality",
  "household.membership",
  "vehicle.plate",
];
/** Personal fields an incident may have exposed, from the personal-field registry. */
export const BREACH_FIELDS = [
  "resident.fullName",
  "resident.phone",
  "resident.email",
  "resident.dateOfBirth",
  "resident.idNumber",
  "vehicle.plate",
  "household.membership",
  "account.sessions",
  "billing.invoices",
  "billing.payments",
] as const;

const HOUR = 3_600_000;
/** The business time zone (Asia/Ho_Chi_Minh) has no daylight saving: always seven hours ahead of UTC. */
const VN_OFFSET_MS = 7 * HOUR;

/** Now as yyyy-MM-ddTHH:mm in the business time zone. */
export const nowInVietnam = () => new Date(Date.now() + VN_OFFSET_MS).toISOString().slice(0, 16);

/** A yyyy-MM-ddTHH:mm read in the business time zone, as the API takes it; undefined when empty. */
export const fromVietnamTime = (value: string | null) => (value ? `${value}:00+07:00` : undefined);

/** The current time, read again every `ms`: what live clocks count from. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), ms, { autoInvoke: true });
  return now;
}

/**
 * Milliseconds left on a clock the server sent as `secondsLeft` at `fetchedAt` (negative once past).
 * Counting from the server's figure rather than its deadline keeps a wrong computer clock out of it.
 */
export function msLeft(secondsLeft: number, fetchedAt: number, now: number): number {
  return secondsLeft * 1000 - (now - fetchedAt);
}

/** 41:12:05 — hours may pass 24, as the 72-hour deadline counts them. */
export function formatHms(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** Whether a deadline should catch the eye: past, or less than a day away. */
export const isUrgent = (ms: number) => ms < 24 * HOUR;

/** Words for the privacy section in the UI language. */
export function usePrivacyWords() {
  const { t } = useTranslation();
  return {
    kind: (kind: RequestKind) => t(`privacyRequests.kinds.${kind}`),
    status: (status: RequestStatus | "active") => t(`privacyRequests.statuses.${status}`),
    channel: (channel: PrivacyRequest["channel"]) => t(`privacyRequests.channels.${channel}`),
    severity: (severity: Severity) => t(`breaches.severities.${severity}`),
    breachStatus: (status: BreachStatus) => t(`breaches.statuses.${status}`),
    recipientKind: (kind: RecipientKind) => t(`disclosures.recipientKinds.${kind}`),
    basis: (basis: LegalBasis) => t(`register.bases.${basis}`),
    policyKind: (kind: PolicyKind) => t(`policies.kinds.${kind}`),
    /** A personal field id (resident.phone) as people read it; an unknown id as it is. */
    field: (field: string) => {
      const key = field.replace(".", "_");
      return t(`disclosures.fields.${key}` as "disclosures.fields.resident_fullName", {
        defaultValue: field,
      });
    },
    /** "còn 2 ngày 4 giờ" / "quá hạn 3 giờ": days and hours, or hours and minutes within a day. */
    timeLeft: (ms: number) => {
      const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor(minutes / 60) % 24;
      const parts =
        days > 0
          ? [
              t("privacyRequests.clock.days", { count: days }),
              hours && t("privacyRequests.clock.hours", { count: hours }),
            ]
          : [
              hours && t("privacyRequests.clock.hours", { count: hours }),
              minutes % 60 && t("privacyRequests.clock.minutes", { count: minutes % 60 }),
            ];
      const time = parts.filter(Boolean).join(" ");
      return ms < 0
        ? t("privacyRequests.clock.overdue", { time })
        : t("privacyRequests.clock.left", { time });
    },
  };
}

/** A moment as typed: a day (dd/mm/yyyy) and a time (HH:mm, 24-hour). */
export type DateTimeText = { day: string; time: string };

/**
 * The typed moment as yyyy-MM-ddTHH:mm (read in the business time zone), "" when both are empty, or null
 * when it is no moment. A day without a time takes `defaultTime`.
 */
export function parseDateTime({ day, time }: DateTimeText, defaultTime = "00:00"): string | null {
  const isoDay = parseDay(day);
  const typedTime = time.trim();
  if (isoDay === "") return typedTime ? null : "";
  const match = /^([01]?\d|2[0-3])[:.hg]?([0-5]\d)$/.exec(typedTime || defaultTime);
  if (!isoDay || !match) return null;
  return `${isoDay}T${match[1]?.padStart(2, "0")}:${match[2]}`;
}

/** "Chrome 131 · Windows" rather than the whole user-agent string, which the tooltip still shows. */
export function shortAgent(agent: string): string {
  // In order: Edge and Opera also name Chrome, Chrome also names Safari.
  const browsers: [RegExp, string | null][] = [
    [/Edg\/(\d+)/, "Edge"],
    [/OPR\/(\d+)/, "Opera"],
    [/Firefox\/(\d+)/, "Firefox"],
    [/(?:Chrome|CriOS)\/(\d+)/, "Chrome"],
    [/Version\/(\d+).*Safari/, "Safari"],
    [/^(curl|okhttp|undici|node-fetch)\/(\d+)/i, null],
  ];
  let browser: string | undefined;
  for (const [pattern, name] of browsers) {
    const match = pattern.exec(agent);
    if (match) {
      browser = name ? `${name} ${match[1]}` : `${match[1]} ${match[2]}`;
      break;
    }
  }
  const os = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(agent)?.[0]?.replace("Mac OS X", "macOS");
  const short = [browser, os].filter(Boolean).join(" · ");
  return short || (agent.length > 32 ? `${agent.slice(0, 32)}…` : agent);
}
