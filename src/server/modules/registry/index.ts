import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { homeRoutes } from "./home/home.routes.js";
import { openRequestsCard } from "./home/requests.home.js";
import { registryImportPolicy } from "./import/import.policy.js";
import { registryImportRoutes } from "./import/import.routes.js";
import { seedDemoRegistry } from "./registry.demo.js";
import { registryWorkQueues } from "./registry.work.js";
import { inviteResidents } from "./residents/bulk-invite.service.js";
import { householdPolicy, residentPolicy } from "./residents/residents.policy.js";
import { registryPersonalData } from "./residents/residents.privacy.js";
import { residentRoutes } from "./residents/residents.routes.js";
import { unitPolicy } from "./units/units.policy.js";
import { unitRoutes } from "./units/units.routes.js";
import { vehiclePolicy } from "./vehicles/vehicles.policy.js";
import { vehicleRoutes } from "./vehicles/vehicles.routes.js";

export { type ImportResult, importRegistry, type Progress } from "./import/import.service.js";

export {
  buildingResidents,
  householdRolesOf,
  residentIdsOfAccount,
  residentOfAccount,
  unusableResidents,
} from "./residents/my-data.service.js";
export {
  countResidents,
  dataOwner,
  markErasurePending,
  maskedPhonesOf,
  openResidentFields,
  reachableResidents,
  residentContacts,
  residentFacts,
  residentsGoneBefore,
  residentsPendingErasure,
} from "./residents/residents.privacy.js";
export {
  correctOwnRecord,
  residentIdsNamed,
  residentNames,
  residentsIn,
  setRestriction,
} from "./residents/residents.service.js";

export { unitMembers, unitOwners } from "./residents/unit-households.view.js";
export { billableUnits } from "./units/billable-units.view.js";
export { buildingsOfUnits, unitRef } from "./units/units.service.js";
export { billableVehicles } from "./vehicles/billable-vehicles.view.js";

/** The registry: units, households and residents, vehicles, and the Excel import/export. */
export const registryModule = defineModule({
  name: "registry",
  routes: async (api, opts: ModuleRouteOptions) => {
    await api.register(unitRoutes);
    await api.register(homeRoutes, opts);
    await api.register(residentRoutes);
    await api.register(vehicleRoutes);
    await api.register(registryImportRoutes);
  },
  tasks: [inviteResidents],
  seedDemo: seedDemoRegistry,
  policies: [unitPolicy, residentPolicy, householdPolicy, vehiclePolicy, registryImportPolicy],
  workQueues: registryWorkQueues,
  personalData: [registryPersonalData],
  residentHome: {
    cards: [openRequestsCard],
    actions: [
      { key: "registry.vehicle", order: 40, to: "/app/vehicles" },
      { key: "registry.household", order: 50, to: "/app/household" },
    ],
  },
});
