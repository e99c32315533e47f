import type { z } from "zod";
import type { Invitation, StaffMember } from "../../../contracts/index.js";

export const STAFF_PATH = "/staff";
export const INVITATIONS_PATH = "/staff/invitations";

export type Staff = z.infer<typeof StaffMember>;
export type StaffInvitation = z.infer<typeof Invitation>;
