import { defineModule } from "../../platform/module.js";
import { registryImportRoutes } from "./import/import.routes.js";
import { inviteResidents } from "./residents/bulk-invite.service.js";
import { residentRoutes } from "./residents/residents.routes.js";
import { unitRoutes } from "./units/units.routes.js";
import { vehicleRoutes } from "./vehicles/vehicles.routes.js";

export { unitMembers, unitOwners } from "./residents/unit-households.view.js";
export { billableUnits } from "./units/billable-units.view.js";
export { unitRef } from "./units/units.service.js";
export { billableVehicles } from "./vehicles/billable-vehicles.view.js";

/** The registry: units, households and residents, vehicles, and the Excel import/export. */
export const registryModule = defineModule({
  name: "registry",
  routes: async (api) => {
    await api.register(unitRoutes);
    await api.register(residentRoutes);
    await api.register(vehicleRoutes);
    await api.register(registryImportRoutes);
  },
  tasks: [inviteResidents],
});
