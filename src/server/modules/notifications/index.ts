import { defineModule } from "../../platform/module.js";
import { notificationsPersonalData } from "./notifications.privacy.js";
import { notificationRoutes } from "./notifications.routes.js";

export { notify } from "./notifications.service.js";

/** In-app notifications. */
export const notificationsModule = defineModule({
  name: "notifications",
  routes: notificationRoutes,
  personalData: [notificationsPersonalData],
});
