import { type ActionOf, definePolicy, isCompanyAdmin } from "../../platform/authz/can.js";

/** The company's audit log and its chain's verification: for the company admin only. */
export const auditLogPolicy = definePolicy("audit_log", { read: isCompanyAdmin });

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    audit_log: ActionOf<typeof auditLogPolicy>;
  }
}
