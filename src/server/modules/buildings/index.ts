import { defineModule } from "../../platform/module.js";
import { seedDemoBuilding } from "./buildings.demo.js";
import { buildingRoutes } from "./buildings.routes.js";

/** A company's buildings. */
export const buildingsModule = defineModule({
  name: "buildings",
  routes: buildingRoutes,
  seedDemo: seedDemoBuilding,
});
