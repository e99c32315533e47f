import { defineModule, defineSchedule } from "../../platform/module.js";
import { deliveryPolicy, notificationPolicy } from "./notifications.policy.js";
import { notificationsPersonalData } from "./notifications.privacy.js";
import { notificationRoutes } from "./notifications.routes.js";
import { sendDueEverywhere, sendNotifications } from "./send.task.js";

export { defineTemplate } from "../../platform/messaging/templates.js";
export { deliveriesOf, resendFailed } from "./dead-letters.service.js";
export { householdsOf, unitCodeOf } from "./households.js";
export { markSourceRead, mySources, readCounts, unreadSources } from "./notifications.service.js";
export { notify, notifyEach, type Recipient } from "./notify.service.js";
export { cancelQueued } from "./preferences.service.js";

/** One notification service for every module: the in-app inbox, email, Web Push, Zalo and SMS, with people's choices. */
export const notificationsModule = defineModule({
  name: "notifications",
  routes: notificationRoutes,
  policies: [notificationPolicy, deliveryPolicy],
  personalData: [notificationsPersonalData],
  tasks: [sendNotifications],
  schedules: [
    defineSchedule("notifications-send", "* * * * *", ({ db, platform, log }) =>
      sendDueEverywhere(db, platform, log),
    ),
  ],
});
