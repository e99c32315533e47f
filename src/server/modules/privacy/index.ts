import { defineModule } from "../../platform/module.js";
import { privacySchedules } from "./privacy.jobs.js";
import { privacyPersonalData } from "./privacy.privacy.js";
import { privacyRoutes } from "./privacy.routes.js";

/** The privacy center: consents, requests, erasure, disclosures, breaches, policies, the register, retention. */
export const privacyModule = defineModule({
  name: "privacy",
  routes: privacyRoutes,
  schedules: privacySchedules,
  personalData: [privacyPersonalData],
});
