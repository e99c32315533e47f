import { defineModule } from "../../platform/module.js";
import { seedDemoServices } from "./services.demo.js";
import { renovationPolicy, servicePolicy, serviceRequestPolicy } from "./services.policy.js";
import { servicesPersonalData } from "./services.privacy.js";
import { serviceRoutes } from "./services.routes.js";
import { serviceTemplates } from "./services.templates.js";
import { openServiceRequests, renovationsToDecide } from "./services.work.js";

/** Building services residents ask for (cleaning, repairs, cards, moving with the elevator) and renovations. */
export const servicesModule = defineModule({
  name: "services",
  routes: serviceRoutes,
  policies: [servicePolicy, serviceRequestPolicy, renovationPolicy],
  templates: serviceTemplates,
  workQueues: [openServiceRequests, renovationsToDecide],
  personalData: [servicesPersonalData],
  seedDemo: seedDemoServices,
  residentTabs: [{ key: "services", order: 30 }],
  residentHome: { actions: [{ key: "services.request", order: 33, to: "/app/service-requests" }] },
});
