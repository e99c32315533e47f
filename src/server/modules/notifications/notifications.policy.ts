import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

/** Everyone signed in to a company reads their own inbox. */
export const notificationPolicy = definePolicy("notification", { read: (actor) => actor.accountId !== null });

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    notification: ActionOf<typeof notificationPolicy>;
  }
}
