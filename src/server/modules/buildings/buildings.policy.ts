import type { ActionOf } from "../../platform/authz/can.js";
import {
  buildingScope,
  coversBuilding,
  definePolicy,
  isCompanyAdmin,
  isStaff,
} from "../../platform/authz/can.js";
import { buildings } from "./buildings.table.js";

type BuildingRecord = { id: string };

/** Staff see the buildings they cover (company-wide roles see all); only the company admin changes them. */
export const buildingPolicy = definePolicy(
  "building",
  {
    list: (actor) => isStaff(actor),
    read: (actor, b?: BuildingRecord) => isStaff(actor) && (!b || coversBuilding(actor, b.id)),
    create: (actor) => isCompanyAdmin(actor),
    update: (actor) => isCompanyAdmin(actor),
    delete: (actor) => isCompanyAdmin(actor),
    /** Announcements to residents: the company admin, and building managers for their buildings. */
    announce: (actor, b) =>
      isCompanyAdmin(actor) || (actor.role === "building_manager" && (!b || coversBuilding(actor, b.id))),
  },
  { scope: buildingScope(buildings.id), presents: ["update", "delete", "announce"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    building: ActionOf<typeof buildingPolicy>;
  }
}
