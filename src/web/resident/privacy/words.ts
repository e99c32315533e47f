import { useTranslation } from "react-i18next";
import type { LegalBasis, RequestStatus } from "../../../contracts/index.js";
import type { RequestKind } from "./privacy.js";

const BASES: LegalBasis[] = ["consent", "contract", "legal_obligation", "legitimate_interest"];
const CHANNELS = ["web", "sign_up", "cookie_banner", "customer_care"] as const;
const RECIPIENT_KINDS = [
  "partner",
  "service_provider",
  "state_agency",
  "other_company",
  "staff_outside_building",
] as const;
const EVENTS = [
  "created",
  "taken",
  "note",
  "escalated",
  "completed",
  "rejected",
  "cancelled",
  "executed",
] as const;

/** How a status reads at a glance: still moving, done, or stopped. */
export const REQUEST_TONES = {
  open: "waiting",
  in_progress: "waiting",
  completed: "positive",
  rejected: "inactive",
  cancelled: "inactive",
} as const satisfies Record<RequestStatus, "waiting" | "positive" | "inactive">;

/** A known value's words, or the value itself when the server sends one this build does not know. */
const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Words for the privacy center's fixed lists (legal bases, channels, request kinds and states). */
export function usePrivacyWords() {
  const { t } = useTranslation();
  return {
    basis: (basis: string) => (known(BASES, basis) ? t(`consents.basis.${basis}`) : basis),
    channel: (channel: string) => (known(CHANNELS, channel) ? t(`consents.channels.${channel}`) : channel),
    recipientKind: (kind: string) =>
      known(RECIPIENT_KINDS, kind) ? t(`myData.recipientKinds.${kind}`) : kind,
    kind: (kind: RequestKind) => t(`dataRequests.kinds.${kind}`),
    kindHint: (kind: RequestKind) => t(`dataRequests.hints.${kind}`),
    status: (status: RequestStatus) => t(`dataRequests.statuses.${status}`),
    event: (event: string) => (known(EVENTS, event) ? t(`dataRequests.events.${event}`) : event),
  };
}
