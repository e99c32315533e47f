import { defineModule } from "../../platform/module.js";
import { seedDemoMemberships } from "./staff.demo.js";
import { invitationPolicy, staffPolicy } from "./staff.policy.js";
import { staffRoutes } from "./staff.routes.js";

export {
  createInvitation,
  invitationsById,
  liveInvitationsOfResidents,
  onInvitationAccepted,
} from "./invitations.service.js";
export { currentActor } from "./staff.service.js";

import { staffPersonalData } from "./staff.privacy.js";

export { accountsWithRoles, findPeople, frontOffice } from "./staff.service.js";

/** A company's staff: memberships, roles, building assignments, invitations. */
export const staffModule = defineModule({
  name: "staff",
  routes: staffRoutes,
  seedDemo: seedDemoMemberships,
  policies: [staffPolicy, invitationPolicy],
  personalData: [staffPersonalData],
});
