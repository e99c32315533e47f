import { defineModule } from "../../platform/module.js";
import { buildingRoutes } from "./buildings.routes.js";

export { coversBuilding } from "./buildings.policy.js";
export { loadBuilding } from "./buildings.service.js";

/** A company's buildings. */
export const buildingsModule = defineModule({ name: "buildings", routes: buildingRoutes });
