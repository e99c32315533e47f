import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy, isStaff } from "../../platform/authz/can.js";

type DocumentRecord = { buildingId: string; audience: string; requiresAck: boolean; archived: boolean };

/** Who keeps a building's library: the company admin and the building's managers. */
const manager = (actor: Actor) => actor.role === "company_admin" || actor.role === "building_manager";

/**
 * The library: the managers publish documents and their versions; the staff of a building see all of its
 * documents; the owners' board what is for residents, owners and the board; residents what is for them (the
 * service narrows a resident to the buildings they live in, and "owners only" to those they own a unit in).
 */
export const documentPolicy = definePolicy(
  "document",
  {
    read: (actor, d?: DocumentRecord) => {
      if (!d) return isStaff(actor) || actor.role === "resident";
      if (isStaff(actor) && coversBuilding(actor, d.buildingId))
        return actor.role !== "owners_board" || d.audience !== "staff";
      return actor.role === "resident" && (d.audience === "residents" || d.audience === "owners");
    },
    update: (actor, d?: DocumentRecord) => manager(actor) && (!d || coversBuilding(actor, d.buildingId)),
    acknowledge: (actor, d?: DocumentRecord) =>
      actor.role === "resident" && (!d || (d.requiresAck && !d.archived)),
  },
  { presents: ["update", "acknowledge"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    document: ActionOf<typeof documentPolicy>;
  }
}
