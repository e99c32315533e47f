import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { authRoutes } from "./auth.routes.js";
import { meRoutes } from "./me.routes.js";
import { sessionCleanup } from "./sessions.jobs.js";

export { contactsOf, getAccount } from "./accounts.service.js";
export { SessionResolver } from "./sessions.service.js";

/** Accounts: sign-in, one-time codes, sessions and devices, the person's own contexts. */
export const accountsModule = defineModule({
  name: "accounts",
  routes: async (api, opts: ModuleRouteOptions) => {
    await api.register(authRoutes, opts);
    await api.register(meRoutes);
  },
  schedules: [sessionCleanup],
});
