import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

type AtUnit = { buildingId: string; unitId: string };

/** Who works the reception desk: the company admin, customer care, and the building's managers. */
const desk = (actor: Actor) =>
  actor.role === "company_admin" || actor.role === "customer_care" || actor.role === "building_manager";

/**
 * Reception: the desk records parcels and visitors of the buildings it covers and hands parcels over; a
 * household sees its own parcels and makes passes for its guests. Handing a parcel over without its code is a
 * manager's call (the company admin or the building's manager), who checked who collects it.
 */
export const receptionPolicy = definePolicy("reception", {
  desk: (actor, r?: AtUnit) => desk(actor) && (!r || coversBuilding(actor, r.buildingId)),
  override: (actor, r?: AtUnit) =>
    (actor.role === "company_admin" || actor.role === "building_manager") &&
    (!r || coversBuilding(actor, r.buildingId)),
  household: (actor, r?: AtUnit) => actor.role === "resident" && (!r || actor.unitIds.includes(r.unitId)),
  read: (actor, r?: AtUnit) =>
    r
      ? (desk(actor) && coversBuilding(actor, r.buildingId)) ||
        (actor.role === "resident" && actor.unitIds.includes(r.unitId))
      : desk(actor) || actor.role === "resident",
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    reception: ActionOf<typeof receptionPolicy>;
  }
}
