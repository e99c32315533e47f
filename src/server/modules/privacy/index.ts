import { defineModule } from "../../platform/module.js";
import { seedDemoPrivacy } from "./privacy.demo.js";
import { privacySchedules } from "./privacy.jobs.js";
import { privacyRoutes } from "./privacy.routes.js";

export { consentingAccounts } from "./consents/consents.service.js";

/** The privacy center: consents, requests, erasure, disclosures, breaches, policies, the register, retention. */
export const privacyModule = defineModule({
  name: "privacy",
  routes: privacyRoutes,
  schedules: privacySchedules,
  seedDemo: seedDemoPrivacy,
});
