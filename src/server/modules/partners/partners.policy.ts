import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

/**
 * Partner organisations: the company admin onboards them, changes their terms and suspends them; the building
 * managers and customer care see who serves their buildings.
 */
export const partnerPolicy = definePolicy(
  "partner",
  {
    read: (actor) =>
      actor.role === "company_admin" || actor.role === "building_manager" || actor.role === "customer_care",
    update: (actor) => actor.role === "company_admin",
  },
  { presents: ["update"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    partner: ActionOf<typeof partnerPolicy>;
  }
}
