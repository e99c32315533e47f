import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { seedDemoBilling } from "./billing.demo.js";
import { billingSchedules } from "./billing.jobs.js";
import {
  bankAccountOwnerPolicy,
  billingPolicy,
  invoicePolicy,
  unroutedTransferPolicy,
} from "./billing.policy.js";
import { billingPersonalData } from "./billing.privacy.js";
import { billingRoutes } from "./billing.routes.js";
import { bankFeedRoutes } from "./payments/bank-feed.routes.js";
import { paymentGateway, setUpGateway } from "./payments/gateway/setup.js";
import { onlinePaymentRoutes } from "./payments/online.routes.js";
import { autopayTask } from "./payments/online.service.js";
import { billingRunTask } from "./runs/runs.service.js";
import { tariffPolicy } from "./tariffs/tariffs.policy.js";

/** Billing: fee rules and tariffs, meter readings, monthly runs, notices, payments, debts. */
export const billingModule = defineModule({
  name: "billing",
  personalData: [billingPersonalData],
  routes: async (api, opts: ModuleRouteOptions) => {
    await api.register(billingRoutes);
    await api.register(bankFeedRoutes, opts);
    await api.register(onlinePaymentRoutes, opts);
  },
  setUp: async (app, platform) => {
    const gateway = await setUpGateway(app, platform.config);
    if (gateway) paymentGateway.set(platform, gateway);
  },
  schedules: billingSchedules,
  tasks: [billingRunTask, autopayTask],
  seedDemo: seedDemoBilling,
  policies: [billingPolicy, invoicePolicy, tariffPolicy, unroutedTransferPolicy, bankAccountOwnerPolicy],
});
