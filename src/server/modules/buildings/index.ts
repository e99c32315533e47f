import { defineModule } from "../../platform/module.js";
import { seedDemoBuilding } from "./buildings.demo.js";
import { buildingPolicy } from "./buildings.policy.js";
import { buildingRoutes } from "./buildings.routes.js";

export { existingBuildingIds, loadBuilding } from "./buildings.service.js";
export { buildingPolicy };

/** A company's buildings. */
export const buildingsModule = defineModule({
  name: "buildings",
  routes: buildingRoutes,
  seedDemo: seedDemoBuilding,
  policies: [buildingPolicy],
});
