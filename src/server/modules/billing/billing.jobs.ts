import type { Config } from "../../config.js";
import { defineSchedule } from "../../platform/module.js";
import { sendDebtReminders } from "./debts/debts.service.js";
import { SepayApiFeed } from "./payments/bank-feed/sepay.js";
import { reconcileBankFeed } from "./payments/reconcile.js";
import { runScheduledBilling } from "./runs/schedule.js";

/** The bank feed's API for re-pulling transactions, when a token is configured. */
function apiFeedOf(config: Config) {
  const { apiToken, apiUrl } = config.bankFeed;
  return apiToken ? new SepayApiFeed({ token: apiToken, baseUrl: apiUrl }) : null;
}

export const billingSchedules = [
  defineSchedule("billing-monthly", "0 1 1 * *", ({ db, platform, log }) =>
    runScheduledBilling(db, platform, log),
  ),
  defineSchedule("debt-reminders", "0 9 * * *", ({ db, platform, log }) =>
    sendDebtReminders(db, platform, log),
  ),
  // Re-pulls the bank feed's transactions the webhook missed.
  defineSchedule(
    "bank-feed-reconcile",
    "*/15 * * * *",
    ({ db, platform, log }) => {
      const feed = apiFeedOf(platform.config);
      return feed ? reconcileBankFeed(db, platform, feed, log) : Promise.resolve(null);
    },
    { when: (config) => apiFeedOf(config) !== null },
  ),
];
