import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

/** Companies are created and listed by the platform admin only. */
export const companyPolicy = definePolicy("company", {
  list: (actor) => actor.platformAdmin,
  create: (actor) => actor.platformAdmin,
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    company: ActionOf<typeof companyPolicy>;
  }
}
