import { defineModule } from "../../platform/module.js";
import { companyPolicy } from "./companies.policy.js";
import { companyRoutes } from "./companies.routes.js";

export { accessLogRetentions } from "./companies.service.js";

/** Management companies: the tenants, their settings, their bank accounts' owner. */
export const companiesModule = defineModule({
  name: "companies",
  routes: companyRoutes,
  policies: [companyPolicy],
});
