import type { Actor } from "../../../platform/authz/actor.js";
import { definePolicy, isStaff } from "../../../platform/authz/can.js";
import { coversBuilding } from "../../buildings/index.js";

type BuildingScope = { buildingId: string };

const manages = (actor: Actor, b?: BuildingScope) =>
  (actor.role === "company_admin" || actor.role === "building_manager") &&
  (!b || coversBuilding(actor, b.buildingId));

/**
 * Importing and exporting a building's registry (units, residents with their contacts, vehicles) in bulk is
 * for the company admin and the managers of that building.
 */
definePolicy<BuildingScope>("registry_import", {
  read: (actor, b) => isStaff(actor) && (!b || coversBuilding(actor, b.buildingId)),
  import: manages,
  export: manages,
});
