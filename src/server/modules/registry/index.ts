import { defineModule } from "../../platform/module.js";
import { registryImportRoutes } from "./import/import.routes.js";
import { inviteResidents } from "./residents/bulk-invite.service.js";
import { registryPersonalData } from "./residents/residents.privacy.js";
import { residentRoutes } from "./residents/residents.routes.js";
import { unitRoutes } from "./units/units.routes.js";
import { vehicleRoutes } from "./vehicles/vehicles.routes.js";

export { residentIdsOfAccount, unusableResidents } from "./residents/my-data.service.js";
export {
  countResidents,
  dataOwner,
  markErasurePending,
  openResidentFields,
  type ResidentFacts,
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
  personalData: [registryPersonalData],
});
