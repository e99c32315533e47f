import { useTranslation } from "react-i18next";
import type { Context, StaffRole } from "../../contracts/index.js";

type RoleName = Context["role"];

// Records rather than arrays so that the compiler insists on every role, and only roles.
const ROLE_NAMES: Record<RoleName, true> = {
  company_admin: true,
  building_manager: true,
  accountant: true,
  owners_board: true,
  technician: true,
  customer_care: true,
  resident: true,
  partner: true,
  platform_admin: true,
};
const STAFF_ROLE_NAMES: Record<StaffRole, true> = {
  company_admin: true,
  building_manager: true,
  accountant: true,
  owners_board: true,
  technician: true,
  customer_care: true,
};

/** Roles a company admin may give staff, in the order the role select shows them. */
export const STAFF_ROLES = Object.keys(STAFF_ROLE_NAMES) as StaffRole[];

function isRole(role: string): role is RoleName {
  return Object.hasOwn(ROLE_NAMES, role);
}

/** The role's name in the UI language (Vietnamese words from DESIGN §8). */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isRole(role) ? t(`roles.${role}`) : role);
}

/** "Company — role", how a context is named wherever the person picks one. */
export function useContextLabel(): (context: Context) => string {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (context) => `${context.companyName ?? t("header.platform")} — ${roleLabel(context.role)}`;
}
