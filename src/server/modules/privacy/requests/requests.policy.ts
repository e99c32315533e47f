import { eq } from "drizzle-orm";
import { type ActionOf, definePolicy } from "../../../platform/authz/can.js";
import { handlesRequests } from "../privacy.policy.js";
import { privacyRequests } from "./requests.table.js";

/**
 * Data-subject requests: handlers (customer care, the company admin) see every request of the company, with
 * their internal notes, and file requests for residents they verified by code; anyone else sees their own.
 */
export const privacyRequestPolicy = definePolicy(
  "privacy_request",
  { read_notes: handlesRequests, file_for_others: handlesRequests },
  {
    scope: (actor) =>
      handlesRequests(actor) ? undefined : eq(privacyRequests.accountId, actor.accountId ?? ""),
  },
);

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    privacy_request: ActionOf<typeof privacyRequestPolicy>;
  }
}
