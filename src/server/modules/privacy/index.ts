import { defineModule } from "../../platform/module.js";
import { seedDemoPrivacy } from "./privacy.demo.js";
import { privacySchedules } from "./privacy.jobs.js";
import { privacyPolicy } from "./privacy.policy.js";
import { privacyRoutes } from "./privacy.routes.js";
import { privacyRequestPolicy } from "./requests/requests.policy.js";

export { consentingAccounts } from "./consents/consents.service.js";

/** The privacy center: consents, requests, erasure, disclosures, breaches, policies, the register, retention. */
export const privacyModule = defineModule({
  name: "privacy",
  routes: privacyRoutes,
  schedules: privacySchedules,
  seedDemo: seedDemoPrivacy,
  policies: [privacyPolicy, privacyRequestPolicy],
});
