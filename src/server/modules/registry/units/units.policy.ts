import { definePolicy, isStaff } from "../../../platform/authz/can.js";
import { coversBuilding } from "../../buildings/index.js";

type UnitRecord = { buildingId: string };

const manages = (role: string | null) => role === "company_admin" || role === "building_manager";

/** Staff covering the building see its units; the company admin and its building managers change them. */
definePolicy<UnitRecord>("unit", {
  list: (actor) => isStaff(actor),
  read: (actor, u) => isStaff(actor) && (!u || coversBuilding(actor, u.buildingId)),
  create: (actor, u) => manages(actor.role) && (!u || coversBuilding(actor, u.buildingId)),
  update: (actor, u) => manages(actor.role) && (!u || coversBuilding(actor, u.buildingId)),
  delete: (actor, u) => manages(actor.role) && (!u || coversBuilding(actor, u.buildingId)),
});
