import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

type ServiceRecord = { buildingId: string };
type RequestRecord = { buildingId: string; unitId: string; status: string };
type RenovationRecord = { buildingId: string; unitId: string; status: string };

/** Who sets up the catalogue and decides requests and renovations: the company admin and the building's managers. */
const manager = (actor: Actor) => actor.role === "company_admin" || actor.role === "building_manager";
/** Who works the requests at the desk: the managers and customer care. */
const desk = (actor: Actor) => manager(actor) || actor.role === "customer_care";
const resident = (actor: Actor) => actor.role === "resident";
const ownUnit = (actor: Actor, unitId: string) => resident(actor) && actor.unitIds.includes(unitId);
const atDesk = (actor: Actor, buildingId: string) => desk(actor) && coversBuilding(actor, buildingId);

/** The catalogue: the managers keep it, the desk and residents read it (a resident their buildings'). */
export const servicePolicy = definePolicy(
  "service",
  {
    read: (actor, s?: ServiceRecord) =>
      s ? atDesk(actor, s.buildingId) || resident(actor) : desk(actor) || resident(actor),
    update: (actor, s?: ServiceRecord) => manager(actor) && (!s || coversBuilding(actor, s.buildingId)),
    request: (actor) => resident(actor),
  },
  { presents: ["update"] },
);

/** A household's service request: theirs to follow and cancel, the desk's to decide, schedule and close. */
export const serviceRequestPolicy = definePolicy(
  "service_request",
  {
    read: (actor, r?: RequestRecord) =>
      r ? atDesk(actor, r.buildingId) || ownUnit(actor, r.unitId) : desk(actor) || resident(actor),
    decide: (actor, r?: RequestRecord) =>
      manager(actor) && (!r || (r.status === "requested" && coversBuilding(actor, r.buildingId))),
    schedule: (actor, r?: RequestRecord) =>
      desk(actor) &&
      (!r || ((r.status === "approved" || r.status === "scheduled") && coversBuilding(actor, r.buildingId))),
    complete: (actor, r?: RequestRecord) =>
      desk(actor) && (!r || (r.status === "scheduled" && coversBuilding(actor, r.buildingId))),
    cancel: (actor, r?: RequestRecord) =>
      !r ||
      (["requested", "approved", "scheduled"].includes(r.status) &&
        (atDesk(actor, r.buildingId) || (ownUnit(actor, r.unitId) && r.status !== "scheduled"))),
  },
  { presents: ["decide", "schedule", "complete", "cancel"] },
);

/** A renovation: the household registers and may withdraw it; a manager approves it and inspects the end. */
export const renovationPolicy = definePolicy(
  "renovation",
  {
    read: (actor, r?: RenovationRecord) =>
      r ? atDesk(actor, r.buildingId) || ownUnit(actor, r.unitId) : desk(actor) || resident(actor),
    register: (actor) => resident(actor),
    decide: (actor, r?: RenovationRecord) =>
      manager(actor) && (!r || (r.status === "requested" && coversBuilding(actor, r.buildingId))),
    complete: (actor, r?: RenovationRecord) =>
      manager(actor) && (!r || (r.status === "approved" && coversBuilding(actor, r.buildingId))),
    cancel: (actor, r?: RenovationRecord) =>
      !r ||
      (r.status === "requested" &&
        (ownUnit(actor, r.unitId) || (manager(actor) && coversBuilding(actor, r.buildingId)))),
  },
  { presents: ["decide", "complete", "cancel"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    service: ActionOf<typeof servicePolicy>;
    service_request: ActionOf<typeof serviceRequestPolicy>;
    renovation: ActionOf<typeof renovationPolicy>;
  }
}
