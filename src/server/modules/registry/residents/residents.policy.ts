import type { Actor } from "../../../platform/authz/actor.js";
import { definePolicy } from "../../../platform/authz/can.js";
import { coversBuilding } from "../../buildings/index.js";

type ResidentScope = { buildingIds: string[] };

/**
 * Residents' personal data is for the staff who serve them: the company admin and customer care across the
 * company, building managers and accountants for their buildings. Technicians and the owners' board do not
 * see the registry (a technician sees a requester's contact on their own tickets only).
 */
const SEES = ["company_admin", "customer_care", "building_manager", "accountant"];
const EDITS = ["company_admin", "building_manager", "customer_care"];

const reaches = (actor: Actor, r?: ResidentScope) =>
  !r || r.buildingIds.length === 0 || r.buildingIds.some((b) => coversBuilding(actor, b));

export const residentRules = {
  list: (actor: Actor) => SEES.includes(actor.role ?? ""),
  read: (actor: Actor, r?: ResidentScope) => SEES.includes(actor.role ?? "") && reaches(actor, r),
  reveal: (actor: Actor, r?: ResidentScope) => SEES.includes(actor.role ?? "") && reaches(actor, r),
  create: (actor: Actor, r?: ResidentScope) => EDITS.includes(actor.role ?? "") && reaches(actor, r),
  update: (actor: Actor, r?: ResidentScope) => EDITS.includes(actor.role ?? "") && reaches(actor, r),
  invite: (actor: Actor, r?: ResidentScope) => EDITS.includes(actor.role ?? "") && reaches(actor, r),
};

definePolicy<ResidentScope>("resident", residentRules);

type HouseholdScope = { buildingIds: string[]; unitId: string; isOwner: boolean };

const livesIn = (actor: Actor, h?: HouseholdScope) =>
  actor.role === "resident" && (!h || actor.unitIds.includes(h.unitId));

/**
 * A unit's household: the staff above see and keep it; its residents see it; the owner keeps the list of
 * household members (management sees it and records owners and tenants).
 */
definePolicy<HouseholdScope>("household", {
  read: (actor, h) => residentRules.read(actor, h) || livesIn(actor, h),
  add: (actor, h) => residentRules.create(actor, h) || (livesIn(actor, h) && (!h || h.isOwner)),
  change: (actor, h) => residentRules.update(actor, h) || (livesIn(actor, h) && (!h || h.isOwner)),
  invite: (actor, h) => residentRules.create(actor, h) || (livesIn(actor, h) && (!h || h.isOwner)),
  register_vehicle: (actor, h) => residentRules.create(actor, h) || livesIn(actor, h),
  approve_vehicle: (actor, h) => residentRules.update(actor, h),
  issue_card: (actor, h) => residentRules.update(actor, h),
  flag: (actor, h) => residentRules.update(actor, h),
  request_change: (actor, h) => livesIn(actor, h) && (!h || h.isOwner),
  decide_change: (actor, h) => residentRules.update(actor, h),
});

/** Whether the actor acts as a resident (whose requests management approves) rather than as staff. */
export const actsAsResident = (actor: Actor) => actor.role === "resident";
