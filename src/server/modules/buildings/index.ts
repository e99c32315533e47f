import { defineModule } from "../../platform/module.js";
import { buildingPolicy } from "./buildings.policy.js";
import { buildingRoutes } from "./buildings.routes.js";

export { buildingPolicy };

/** A company's buildings. */
export const buildingsModule = defineModule({
  name: "buildings",
  routes: buildingRoutes,
  policies: [buildingPolicy],
});
