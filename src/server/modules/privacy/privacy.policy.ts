import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

const role = (a: Actor) => a.role ?? "";
const admin = (a: Actor) => a.role === "company_admin";
/** Customer care handles data-subject requests for the whole company (DESIGN §1). */
export const handlesRequests = (a: Actor) => admin(a) || a.role === "customer_care";
const STAFF = [
  "company_admin",
  "building_manager",
  "accountant",
  "owners_board",
  "technician",
  "customer_care",
];

/**
 * The privacy center. People act on their own data; customer care and the company admin handle requests;
 * breaches, access logs, retention, the register, policies and releases to agencies are the company admin's.
 */
export const privacyPolicy = definePolicy("privacy", {
  own_data: (a) => a.accountId !== null,
  handle_requests: handlesRequests,
  read_disclosures: handlesRequests,
  disclose_to_agency: admin,
  read_holds: handlesRequests,
  place_holds: admin,
  manage_breaches: admin,
  see_breach_clock: (a) => STAFF.includes(role(a)),
  read_access_logs: admin,
  manage_retention: admin,
  read_register: admin,
  publish_policy: admin,
  read_reports: (a) => ["company_admin", "building_manager", "accountant", "owners_board"].includes(role(a)),
});

/** The permission a route asks for: an action of the privacy center. */
export const allow = (action: ActionOf<typeof privacyPolicy>) => ({
  permission: [action, privacyPolicy.kind] as const,
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    privacy: ActionOf<typeof privacyPolicy>;
  }
}
