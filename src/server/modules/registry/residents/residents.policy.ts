import type { Actor } from "../../../platform/authz/actor.js";
import { type ActionOf, buildingScope, coversBuilding, definePolicy } from "../../../platform/authz/can.js";
import { units } from "../units/units.table.js";

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

const sees = (actor: Actor, r?: ResidentScope) => SEES.includes(actor.role ?? "") && reaches(actor, r);
const edits = (actor: Actor, r?: ResidentScope) => EDITS.includes(actor.role ?? "") && reaches(actor, r);

/** Residents are listed through the units they live in, so lists keep to the actor's buildings' units. */
const residentScope = buildingScope(units.buildingId);

export const residentPolicy = definePolicy(
  "resident",
  {
    list: (actor) => SEES.includes(actor.role ?? ""),
    read: sees,
    reveal: sees,
    create: edits,
    update: edits,
    invite: edits,
  },
  { scope: residentScope, presents: ["update", "reveal", "invite"] },
);

type HouseholdScope = { buildingIds: string[]; unitId: string; isOwner: boolean };

const livesIn = (actor: Actor, h?: HouseholdScope) =>
  actor.role === "resident" && (!h || actor.unitIds.includes(h.unitId));
const owns = (actor: Actor, h?: HouseholdScope) => livesIn(actor, h) && (!h || h.isOwner);

/**
 * A unit's household: the staff above see and keep it; its residents see it; the owner keeps the list of
 * household members (management sees it and records owners and tenants). Lists of household business
 * (change requests waiting) keep to the actor's buildings' units.
 */
export const householdPolicy = definePolicy(
  "household",
  {
    read: (actor, h?: HouseholdScope) => sees(actor, h) || livesIn(actor, h),
    add: (actor, h) => edits(actor, h) || owns(actor, h),
    change: (actor, h) => edits(actor, h) || owns(actor, h),
    invite: (actor, h) => edits(actor, h) || owns(actor, h),
    register_vehicle: (actor, h) => edits(actor, h) || livesIn(actor, h),
    approve_vehicle: edits,
    issue_card: edits,
    flag: edits,
    request_change: owns,
    decide_change: edits,
  },
  {
    scope: residentScope,
    presents: ["add", "change", "invite", "register_vehicle", "approve_vehicle", "issue_card", "flag"],
  },
);

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    resident: ActionOf<typeof residentPolicy>;
    household: ActionOf<typeof householdPolicy>;
  }
}

/** Whether the actor acts as a resident (whose requests management approves) rather than as staff. */
export const actsAsResident = (actor: Actor) => actor.role === "resident";
