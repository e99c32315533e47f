import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { billingSchedules } from "./billing.jobs.js";
import { billingPersonalData } from "./billing.privacy.js";
import { billingRoutes } from "./billing.routes.js";
import { bankFeedRoutes } from "./payments/bank-feed.routes.js";
import { paymentGateway, setUpGateway } from "./payments/gateway/setup.js";
import { onlinePaymentRoutes } from "./payments/online.routes.js";
import { autopayTask } from "./payments/online.service.js";
import { billingRunTask } from "./runs/runs.service.js";

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
});
