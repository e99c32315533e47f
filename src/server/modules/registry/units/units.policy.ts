import type { Actor } from "../../../platform/authz/actor.js";
import {
  type ActionOf,
  buildingScope,
  coversBuilding,
  definePolicy,
  isStaff,
} from "../../../platform/authz/can.js";
import { units } from "./units.table.js";

type UnitRecord = { buildingId: string };

const manages = (actor: Actor, u?: UnitRecord) =>
  (actor.role === "company_admin" || actor.role === "building_manager") &&
  (!u || coversBuilding(actor, u.buildingId));

/** Staff covering the building see its units; the company admin and its building managers change them. */
export const unitPolicy = definePolicy(
  "unit",
  {
    list: (actor) => isStaff(actor),
    read: (actor, u?: UnitRecord) => isStaff(actor) && (!u || coversBuilding(actor, u.buildingId)),
    create: manages,
    update: manages,
    delete: manages,
  },
  { scope: buildingScope(units.buildingId), presents: ["update", "delete"] },
);

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    unit: ActionOf<typeof unitPolicy>;
  }
}
