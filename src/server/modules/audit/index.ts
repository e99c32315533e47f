import { defineModule } from "../../platform/module.js";
import { auditLogPolicy } from "./audit-log.policy.js";
import { auditLogRoutes } from "./audit-log.routes.js";

/** The audit-log viewer: the company's hash-chained log (kept by the platform), read by its admin. */
export const auditModule = defineModule({
  name: "audit",
  routes: auditLogRoutes,
  policies: [auditLogPolicy],
});
