import { type ActionOf, definePolicy, isCompanyAdmin, isStaff } from "../../platform/authz/can.js";

/** Companies are created and listed by the platform admin only. */
export const companyPolicy = definePolicy("company", {
  list: (actor) => actor.platformAdmin,
  create: (actor) => actor.platformAdmin,
});

/**
 * The company's own settings page: every staff member reads the profile its documents print; the company
 * admin changes it. The logo is read by anyone of the company (the console header, the resident's notice).
 */
export const companySettingsPolicy = definePolicy(
  "company_settings",
  {
    read: isStaff,
    update: isCompanyAdmin,
    read_logo: (actor) => actor.role !== null && !actor.platformAdmin,
  },
  { presents: ["update"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    company: ActionOf<typeof companyPolicy>;
    company_settings: ActionOf<typeof companySettingsPolicy>;
  }
}
