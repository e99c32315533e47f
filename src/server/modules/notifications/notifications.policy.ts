import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

/** Everyone signed in to a company reads their own inbox and chooses how they are notified. */
export const notificationPolicy = definePolicy("notification", { read: (actor) => actor.accountId !== null });

/** The company admin sees what could not be delivered and sends it again. */
export const deliveryPolicy = definePolicy("notification_delivery", {
  read: (actor) => actor.role === "company_admin",
  resend: (actor) => actor.role === "company_admin",
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    notification: ActionOf<typeof notificationPolicy>;
    notification_delivery: ActionOf<typeof deliveryPolicy>;
  }
}
