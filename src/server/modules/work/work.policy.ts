import { type ActionOf, definePolicy, isStaff } from "../../platform/authz/can.js";

/** The console's inbox is staff's: each queue in it is then decided by its own module's policy. */
export const workPolicy = definePolicy("work", { read: isStaff });

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    work: ActionOf<typeof workPolicy>;
  }
}
