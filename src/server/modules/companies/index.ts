import { defineModule } from "../../platform/module.js";
import { seedDemoCompany } from "./companies.demo.js";
import { companyPolicy } from "./companies.policy.js";
import { companyRoutes } from "./companies.routes.js";

export {
  accessLogRetentions,
  companyProfile,
  onCompanyCreated,
  updateCompanySettings,
} from "./companies.service.js";

/** Management companies: the tenants, their settings, their bank accounts' owner. */
export const companiesModule = defineModule({
  name: "companies",
  routes: companyRoutes,
  seedDemo: seedDemoCompany,
  policies: [companyPolicy],
});
