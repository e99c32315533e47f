import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

/** An amenity, with the unit a resident books it for. */
type AmenityRecord = { buildingId: string; unitId?: string };
type BookingRecord = { buildingId: string; unitId: string; status: string };

/** Who sets up a building's amenities: the company admin and the building's managers. */
const manager = (actor: Actor) => actor.role === "company_admin" || actor.role === "building_manager";
/** Who works the bookings at the desk: the managers and customer care. */
const desk = (actor: Actor) => manager(actor) || actor.role === "customer_care";
const resident = (actor: Actor) => actor.role === "resident";

/**
 * Amenities: the managers set them up and close them for maintenance; residents of the building see them and
 * book for their units (the amenity says which members of a household may); the desk sees every booking.
 */
export const amenityPolicy = definePolicy(
  "amenity",
  {
    /** A resident's list is narrowed to the buildings of their units by the service. */
    read: (actor, a?: AmenityRecord) =>
      a
        ? (desk(actor) && coversBuilding(actor, a.buildingId)) || resident(actor)
        : desk(actor) || resident(actor),
    update: (actor, a?: AmenityRecord) => manager(actor) && (!a || coversBuilding(actor, a.buildingId)),
    /** Book for one of their units (the amenity being in that unit's building, the service checks). */
    book: (actor, a?: AmenityRecord) => resident(actor) && (!a?.unitId || actor.unitIds.includes(a.unitId)),
  },
  { presents: ["update"] },
);

const live = (b: BookingRecord) => b.status === "booked" || b.status === "waiting";

/** A booking: the household that made it and the desk of its building. */
export const bookingPolicy = definePolicy(
  "booking",
  {
    read: (actor, b?: BookingRecord) =>
      b
        ? (desk(actor) && coversBuilding(actor, b.buildingId)) ||
          (resident(actor) && actor.unitIds.includes(b.unitId))
        : desk(actor) || resident(actor),
    cancel: (actor, b?: BookingRecord) =>
      !b ||
      (live(b) &&
        ((desk(actor) && coversBuilding(actor, b.buildingId)) ||
          (resident(actor) && actor.unitIds.includes(b.unitId)))),
    checkIn: (actor, b?: BookingRecord) =>
      desk(actor) && (!b || (b.status === "booked" && coversBuilding(actor, b.buildingId))),
    settleDeposit: (actor, b?: BookingRecord) =>
      manager(actor) && (!b || coversBuilding(actor, b.buildingId)),
    desk: (actor, b?: BookingRecord) => desk(actor) && (!b || coversBuilding(actor, b.buildingId)),
  },
  { presents: ["cancel", "checkIn", "settleDeposit"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    amenity: ActionOf<typeof amenityPolicy>;
    booking: ActionOf<typeof bookingPolicy>;
  }
}
