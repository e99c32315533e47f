import { defineModule } from "../../platform/module.js";
import { seedDemoPartners } from "./partners.demo.js";
import { partnerPolicy } from "./partners.policy.js";
import { partnerRoutes } from "./partners.routes.js";

export { partnerOfActor, partnerStaffAccounts, partnersById } from "./partner-staff.service.js";

/** The company's partner organisations (shippers, service firms): terms, buildings served, payout accounts. */
export const partnersModule = defineModule({
  name: "partners",
  routes: partnerRoutes,
  policies: [partnerPolicy],
  seedDemo: seedDemoPartners,
});
