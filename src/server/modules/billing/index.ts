import type { ModuleRouteOptions } from "../../platform/context.js";
import { defineModule } from "../../platform/module.js";
import { seedDemoBilling } from "./billing.demo.js";
import { billingSchedules } from "./billing.jobs.js";
import { billingPolicy } from "./billing.policy.js";
import { billingPersonalData } from "./billing.privacy.js";
import { billingTemplates } from "./billing.templates.js";
import { billingWorkQueues } from "./billing.work.js";
import { debtRoutes } from "./debts/debts.routes.js";
import { amountDueCard } from "./invoices/invoices.home.js";
import { invoicePolicy } from "./invoices/invoices.policy.js";
import { invoiceRoutes } from "./invoices/invoices.routes.js";
import { bankFeedRoutes } from "./payments/bank-feed.routes.js";
import { paymentGateway, setUpGateway } from "./payments/gateway/setup.js";
import { onlinePaymentRoutes } from "./payments/online.routes.js";
import { autopayTask } from "./payments/online.service.js";
import { paymentRoutes } from "./payments/payments.routes.js";
import { bankAccountOwnerPolicy, unroutedTransferPolicy } from "./payments/unrouted.policy.js";
import { unroutedRoutes } from "./payments/unrouted.routes.js";
import { readingRoutes } from "./readings/readings.routes.js";
import { reviewRoutes } from "./review/review.routes.js";
import { bankAccountRoutes } from "./rules/bank-accounts.routes.js";
import { ruleRoutes } from "./rules/rules.routes.js";
import { runRoutes } from "./runs/runs.routes.js";
import { billingRunTask } from "./runs/runs.service.js";
import { tariffPolicy } from "./tariffs/tariffs.policy.js";
import { tariffRoutes } from "./tariffs/tariffs.routes.js";

export { chargeUnit, withdrawCharges } from "./charges/unit-charges.service.js";
export { formatVnd } from "./core/money.js";
export { decodeVietQr, VietQrError } from "./core/vietqr.js";
export { issueInvoices, transferInstructions } from "./invoices/invoices.service.js";
export { findOrderCodes, normaliseMemo } from "./payments/memo.js";
export { executeRun } from "./runs/runs.service.js";

/** Billing: fee rules and tariffs, meter readings, monthly runs, notices, payments, debts. */
export const billingModule = defineModule({
  name: "billing",
  templates: billingTemplates,
  personalData: [billingPersonalData],
  residentHome: { cards: [amountDueCard] },
  residentTabs: [{ key: "invoices", order: 20 }],
  routes: async (api, opts: ModuleRouteOptions) => {
    for (const feature of [
      ruleRoutes,
      tariffRoutes,
      bankAccountRoutes,
      readingRoutes,
      runRoutes,
      reviewRoutes,
      invoiceRoutes,
      debtRoutes,
      paymentRoutes,
      unroutedRoutes,
    ]) {
      await api.register(feature);
    }
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
  workQueues: billingWorkQueues,
});
