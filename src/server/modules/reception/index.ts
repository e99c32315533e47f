import { defineModule } from "../../platform/module.js";
import { parcelsCard } from "./reception.home.js";
import { parcelReminders } from "./reception.jobs.js";
import { receptionPolicy } from "./reception.policy.js";
import { receptionPersonalData } from "./reception.privacy.js";
import { receptionRoutes } from "./reception.routes.js";
import { receptionTemplates } from "./reception.templates.js";
import { waitingParcels } from "./reception.work.js";

export { purgeVisitorsBefore } from "./visitors.service.js";

/** Reception: parcels received for households and picked up with a code, guests with passes, the visitor log. */
export const receptionModule = defineModule({
  name: "reception",
  routes: receptionRoutes,
  policies: [receptionPolicy],
  templates: receptionTemplates,
  schedules: [parcelReminders],
  workQueues: [waitingParcels],
  personalData: [receptionPersonalData],
  residentTabs: [{ key: "services", order: 30 }],
  residentHome: {
    cards: [parcelsCard],
    actions: [{ key: "reception.guest", order: 35, to: "/app/guests" }],
  },
});
