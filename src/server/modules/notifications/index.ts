import { defineModule } from "../../platform/module.js";
import { notificationPolicy } from "./notifications.policy.js";
import { notificationsPersonalData } from "./notifications.privacy.js";
import { notificationRoutes } from "./notifications.routes.js";

export { markSourceRead, mySources, notify, readCounts, unreadSources } from "./notifications.service.js";

/** In-app notifications. */
export const notificationsModule = defineModule({
  name: "notifications",
  routes: notificationRoutes,
  policies: [notificationPolicy],
  personalData: [notificationsPersonalData],
});
