import type { Actor } from "../../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy, isStaff } from "../../../platform/authz/can.js";

type BuildingScope = { buildingId: string };

const manages = (actor: Actor, b?: BuildingScope) =>
  (actor.role === "company_admin" || actor.role === "building_manager") &&
  (!b || coversBuilding(actor, b.buildingId));

/**
 * Importing and exporting a building's registry (units, residents with their contacts, vehicles) in bulk is
 * for the company admin and the managers of that building.
 */
export const registryImportPolicy = definePolicy("registry_import", {
  read: (actor, b?: BuildingScope) => isStaff(actor) && (!b || coversBuilding(actor, b.buildingId)),
  import: manages,
  export: manages,
});

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    registry_import: ActionOf<typeof registryImportPolicy>;
  }
}
