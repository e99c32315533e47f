import type { Actor } from "../../platform/authz/actor.js";
import { definePolicy } from "../../platform/authz/can.js";
import { coversBuilding } from "../buildings/index.js";

type BillingScope = { buildingId: string };
type InvoiceScope = BillingScope & { unitId: string };

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
definePolicy<BillingScope>("billing", {
  read: (actor, s) => has(actor, READS, s),
  configure: (actor, s) => has(actor, KEEPS, s),
  record_reading: (actor, s) => has(actor, READS_METERS, s),
  read_readings: (actor, s) => has(actor, READS_METERS, s) || has(actor, READS, s),
  run: (actor, s) => has(actor, RUNS, s),
  issue: (actor, s) => has(actor, RUNS, s),
  take_payment: (actor, s) => has(actor, KEEPS, s),
});

definePolicy<InvoiceScope>("invoice", {
  read: (actor, i) =>
    has(actor, READS, i) || (actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId))),
  pay: (actor, i) => actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId)),
});

/** The bank feed's platform side: the unrouted queue and who holds an account number (platform admin only). */
definePolicy("unrouted_transfer", {
  list: (actor) => actor.platformAdmin,
  assign: (actor) => actor.platformAdmin,
});
definePolicy("bank_account_owner", {
  reassign: (actor) => actor.platformAdmin,
});
