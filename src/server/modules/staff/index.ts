import { defineModule } from "../../platform/module.js";
import { staffPersonalData } from "./staff.privacy.js";
import { staffRoutes } from "./staff.routes.js";

export { accountsWithRoles } from "./staff.service.js";

/** A company's staff: memberships, roles, building assignments, invitations. */
export const staffModule = defineModule({
  name: "staff",
  routes: staffRoutes,
  personalData: [staffPersonalData],
});
