import { type ActionOf, definePolicy, isCompanyAdmin } from "../../platform/authz/can.js";

/** The company admin manages staff and their invitations. */
export const staffPolicy = definePolicy(
  "staff",
  { list: isCompanyAdmin, read: isCompanyAdmin, update: isCompanyAdmin },
  { presents: ["update"] },
);

export const invitationPolicy = definePolicy("invitation", {
  list: isCompanyAdmin,
  create: isCompanyAdmin,
  revoke: isCompanyAdmin,
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    staff: ActionOf<typeof staffPolicy>;
    invitation: ActionOf<typeof invitationPolicy>;
  }
}
