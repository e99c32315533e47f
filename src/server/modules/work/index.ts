import { defineModule } from "../../platform/module.js";
import { workPolicy } from "./work.policy.js";
import { workRoutes } from "./work.routes.js";

/** The console's inbox: walks every module's `workQueues` and answers with what the caller has to do. */
export const workModule = defineModule({
  name: "work",
  routes: workRoutes,
  policies: [workPolicy],
});
