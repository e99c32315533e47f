import { defineModule } from "../../platform/module.js";
import { seedDemoAmenities } from "./amenities.demo.js";
import { amenityPolicy, bookingPolicy } from "./amenities.policy.js";
import { amenitiesPersonalData } from "./amenities.privacy.js";
import { amenityRoutes } from "./amenities.routes.js";
import { amenityTemplates } from "./amenities.templates.js";
import { depositsToSettle } from "./amenities.work.js";

export { bookingByCode } from "./bookings.service.js";

/** Amenities and their bookings: slots, waitlists, closures, fees and deposits on the fee notice, check-in. */
export const amenitiesModule = defineModule({
  name: "amenities",
  routes: amenityRoutes,
  policies: [amenityPolicy, bookingPolicy],
  templates: amenityTemplates,
  workQueues: [depositsToSettle],
  personalData: [amenitiesPersonalData],
  seedDemo: seedDemoAmenities,
  residentTabs: [{ key: "services", order: 30 }],
  residentHome: { actions: [{ key: "amenities.book", order: 32, to: "/app/amenities" }] },
});
