import type { Actor } from "../../platform/authz/actor.js";
import { definePolicy, isCompanyAdmin, isCompanyWide, isStaff } from "../../platform/authz/can.js";

type BuildingRecord = { id: string };

/** Staff see the buildings they cover (company-wide roles see all); only the company admin changes them. */
export const coversBuilding = (actor: Actor, buildingId: string) =>
  isCompanyWide(actor) || actor.buildingIds.includes(buildingId);

definePolicy<BuildingRecord>("building", {
  list: (actor) => isStaff(actor),
  read: (actor, b) => isStaff(actor) && (!b || coversBuilding(actor, b.id)),
  create: (actor) => isCompanyAdmin(actor),
  update: (actor) => isCompanyAdmin(actor),
  delete: (actor) => isCompanyAdmin(actor),
  /** Announcements to residents: the company admin, and building managers for their buildings. */
  announce: (actor, b) =>
    isCompanyAdmin(actor) || (actor.role === "building_manager" && (!b || coversBuilding(actor, b.id))),
});
