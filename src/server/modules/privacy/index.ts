import { defineModule } from "../../platform/module.js";
import { consentingAccounts } from "./consents/consents.service.js";
import { seedDemoPrivacy } from "./privacy.demo.js";
import { privacySchedules } from "./privacy.jobs.js";
import { privacyPolicy } from "./privacy.policy.js";
import { privacyTemplates } from "./privacy.templates.js";
import { privacyWorkQueues } from "./privacy.work.js";
import { privacyRequestPolicy } from "./requests/requests.policy.js";

export { consentingAccounts } from "./consents/consents.service.js";
export { disclose } from "./disclosures/disclosures.service.js";

import { accessLogRoutes } from "./access-logs/access-logs.routes.js";
import { breachRoutes } from "./breaches/breaches.routes.js";
import { consentRoutes } from "./consents/consents.routes.js";
import { disclosureRoutes } from "./disclosures/disclosures.routes.js";
import { legalHoldRoutes } from "./erasure/holds.routes.js";
import { myDataRoutes } from "./mydata/mydata.routes.js";
import { policyRoutes } from "./policies/policies.routes.js";
import { privacyPersonalData } from "./privacy.privacy.js";
import { registerRoutes } from "./register/register.routes.js";
import { reportRoutes } from "./reports/reports.routes.js";
import { requestRoutes } from "./requests/requests.routes.js";
import { retentionRoutes } from "./retention/retention.routes.js";

/** The privacy center: consents, requests, erasure, disclosures, breaches, policies, the register, retention. */
export const privacyModule = defineModule({
  name: "privacy",
  routes: async (api) => {
    await api.register(policyRoutes);
    await api.register(consentRoutes);
    await api.register(myDataRoutes);
    await api.register(requestRoutes);
    await api.register(legalHoldRoutes);
    await api.register(disclosureRoutes);
    await api.register(breachRoutes);
    await api.register(accessLogRoutes);
    await api.register(retentionRoutes);
    await api.register(registerRoutes);
    await api.register(reportRoutes);
  },
  schedules: privacySchedules,
  seedDemo: seedDemoPrivacy,
  policies: [privacyPolicy, privacyRequestPolicy],
  workQueues: privacyWorkQueues,
  personalData: [privacyPersonalData],
  consenting: consentingAccounts,
  templates: privacyTemplates,
});
