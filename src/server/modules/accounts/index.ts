import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { seedDemoAccounts } from "./accounts.demo.js";
import { accountsPersonalData } from "./accounts.privacy.js";
import { authRoutes } from "./auth.routes.js";
import { meRoutes } from "./me.routes.js";
import { sessionCleanup } from "./sessions.jobs.js";

export { noAccountsYet } from "./accounts.demo.js";
export {
  accountIdsByContactText,
  accountNames,
  contactIndex,
  contactsOf,
  createAccount,
  dataKeysOf,
  findAccountByContact,
  getAccount,
  isAccountActive,
  maskedContactsByAccount,
  parseContactOrFail,
  reachableAccounts,
  recipientsOf,
} from "./accounts.service.js";
export { beginTotp, type ClientInfo, confirmPassword, confirmTotp, signInInvited } from "./auth.service.js";
export { clientInfo, setDeviceCookie, setSessionCookie } from "./cookies.js";
export { SessionResolver, sessionsChanged } from "./sessions.service.js";

/** Accounts: sign-in, one-time codes, sessions and devices, the person's own contexts. */
export const accountsModule = defineModule({
  name: "accounts",
  routes: async (api, opts: ModuleRouteOptions) => {
    await api.register(authRoutes, opts);
    await api.register(meRoutes);
  },
  schedules: [sessionCleanup],
  seedDemo: seedDemoAccounts,
  personalData: [accountsPersonalData],
});
