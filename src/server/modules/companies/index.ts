import { defineModule } from "../../platform/module.js";
import { companyRoutes } from "./companies.routes.js";

export { accessLogRetentions, companyProfile } from "./companies.service.js";

/** Management companies: the tenants, their settings, their bank accounts' owner. */
export const companiesModule = defineModule({ name: "companies", routes: companyRoutes });
