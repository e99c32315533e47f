import { defineModule } from "../../platform/module.js";
import { seedDemoCompany } from "./companies.demo.js";
import { companyPolicy, companySettingsPolicy } from "./companies.policy.js";
import { companyRoutes } from "./companies.routes.js";
import { profileRoutes } from "./profile.routes.js";

export {
  accessLogRetentions,
  companyProfile,
  onCompanyCreated,
  updateCompanySettings,
} from "./companies.service.js";
export { companyLetterhead, senderNames } from "./profile.service.js";

/** Management companies: the tenants, their profile and settings, their bank accounts' owner. */
export const companiesModule = defineModule({
  name: "companies",
  routes: async (api) => {
    await api.register(companyRoutes);
    await api.register(profileRoutes);
  },
  seedDemo: seedDemoCompany,
  policies: [companyPolicy, companySettingsPolicy],
});
