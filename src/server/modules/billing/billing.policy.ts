import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

type BillingScope = { buildingId: string };
/** A notice, or a unit's notices as a whole (no status). */
type InvoiceScope = BillingScope & { unitId: string; status?: string };

const has = (actor: Actor, roles: readonly string[], scope?: BillingScope) =>
  roles.includes(actor.role ?? "") && (!scope || coversBuilding(actor, scope.buildingId));

/** Who reads a building's billing: its accountants and managers, the company admin, the owners' board. */
const READS = ["company_admin", "accountant", "building_manager", "owners_board"];
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
  read: (actor, s?: BillingScope) => has(actor, READS, s),
  configure: (actor, s) => has(actor, KEEPS, s),
  record_reading: (actor, s) => has(actor, READS_METERS, s),
  read_readings: (actor, s) => has(actor, READS_METERS, s) || has(actor, READS, s),
  run: (actor, s) => has(actor, RUNS, s),
  issue: (actor, s) => has(actor, RUNS, s),
  take_payment: (actor, s) => has(actor, KEEPS, s),
});

const livesIn = (actor: Actor, i?: InvoiceScope) =>
  actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId));
/** A resident sees their unit's notices once issued: a draft is still the accountants' work. */
const issuedTo = (actor: Actor, i?: InvoiceScope) => livesIn(actor, i) && i?.status !== "draft";

export const invoicePolicy = definePolicy("invoice", {
  read: (actor, i?: InvoiceScope) => has(actor, READS, i) || issuedTo(actor, i),
  pay: (actor, i) => issuedTo(actor, i),
});

/** The bank feed's platform side: the unrouted queue and who holds an account number (platform admin only). */
export const unroutedTransferPolicy = definePolicy("unrouted_transfer", {
  list: (actor) => actor.platformAdmin,
  assign: (actor) => actor.platformAdmin,
});
export const bankAccountOwnerPolicy = definePolicy("bank_account_owner", {
  reassign: (actor) => actor.platformAdmin,
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    billing: ActionOf<typeof billingPolicy>;
    invoice: ActionOf<typeof invoicePolicy>;
    unrouted_transfer: ActionOf<typeof unroutedTransferPolicy>;
    bank_account_owner: ActionOf<typeof bankAccountOwnerPolicy>;
  }
}
