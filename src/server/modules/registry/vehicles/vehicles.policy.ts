import { type ActionOf, buildingScope, definePolicy } from "../../../platform/authz/can.js";
import { residentPolicy } from "../residents/residents.policy.js";
import { vehicles } from "./vehicles.table.js";

/** Vehicles are part of a household's registry data: the same people see and change them. */
export const vehiclePolicy = definePolicy("vehicle", residentPolicy.rules, {
  scope: buildingScope(vehicles.buildingId),
  presents: ["update"],
});

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    vehicle: ActionOf<typeof vehiclePolicy>;
  }
}
