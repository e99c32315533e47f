import { defineModule } from "../../platform/module.js";
import { invitationPolicy, staffPolicy } from "./staff.policy.js";
import { staffRoutes } from "./staff.routes.js";

/** A company's staff: memberships, roles, building assignments, invitations. */
export const staffModule = defineModule({
  name: "staff",
  routes: staffRoutes,
  policies: [staffPolicy, invitationPolicy],
});
