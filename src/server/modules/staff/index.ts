import { defineModule } from "../../platform/module.js";
import { staffRoutes } from "./staff.routes.js";

export { createInvitation, liveInvitationsOfResidents, onInvitationAccepted } from "./invitations.service.js";

/** A company's staff: memberships, roles, building assignments, invitations. */
export const staffModule = defineModule({ name: "staff", routes: staffRoutes });
