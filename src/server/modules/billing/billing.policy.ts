import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

/** What a billing permission is asked about: a building. */
export type BillingScope = { buildingId: string };

/** Whether the actor holds one of `roles` and, when a building is named, covers it. */
export const hasBillingRole = (actor: Actor, roles: readonly string[], scope?: BillingScope) =>
  roles.includes(actor.role ?? "") && (!scope || coversBuilding(actor, scope.buildingId));

/** Who reads a building's billing: its accountants and managers, the company admin, the owners' board. */
export const READS = ["company_admin", "accountant", "building_manager", "owners_board"];
/** Who sets fees and takes money: the company admin and accountants (DESIGN §1). */
const KEEPS = ["company_admin", "accountant"];
/** Who bills a month: accountants and building managers (billing runs). */
const RUNS = ["company_admin", "accountant", "building_manager"];
/** Who reads meters: technicians walk the floors; accountants and managers correct. */
const READS_METERS = ["company_admin", "accountant", "building_manager", "technician"];

/**
 * A building's billing (fee rules, readings, runs, notices, payments, transfers). Residents see the
 * notices of their own units only (`invoice`).
 */
export const billingPolicy = definePolicy("billing", {
  read: (actor, s?: BillingScope) => hasBillingRole(actor, READS, s),
  configure: (actor, s) => hasBillingRole(actor, KEEPS, s),
  record_reading: (actor, s) => hasBillingRole(actor, READS_METERS, s),
  read_readings: (actor, s) => hasBillingRole(actor, READS_METERS, s) || hasBillingRole(actor, READS, s),
  run: (actor, s) => hasBillingRole(actor, RUNS, s),
  issue: (actor, s) => hasBillingRole(actor, RUNS, s),
  take_payment: (actor, s) => hasBillingRole(actor, KEEPS, s),
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    billing: ActionOf<typeof billingPolicy>;
  }
}
