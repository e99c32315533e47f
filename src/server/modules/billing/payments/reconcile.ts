import type { Logger } from "pino";
import { systemActor } from "../../../platform/authz/actor.js";
import type { Platform } from "../../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../../platform/db/client.js";
import type { BankFeed } from "./bank-feed/sepay.js";
import { routeTransfer } from "./payments.service.js";

/** How far back each reconciliation looks: webhooks missed over a weekend are still caught. */
export const RECONCILE_DAYS = 3;

/**
 * Pulls the feed's recent transactions and records any the webhook missed; each is idempotent by the feed's
 * transaction id, so transfers already received change nothing.
 */
export async function reconcileBankFeed(db: Database, platform: Platform, feed: BankFeed, log?: Logger) {
  const since = new Date(Date.now() - RECONCILE_DAYS * 24 * 3600_000);
  const transfers = await feed.listTransactions(since);
  const counts: Record<string, number> = {};
  for (const t of transfers) {
    const { status } = await db.transaction(PLATFORM_SCOPE, (tx) =>
      routeTransfer(
        {
          companyId: PLATFORM_SCOPE,
          actor: systemActor,
          lang: "vi",
          requestId: "job:bank-feed-reconcile",
          tx,
          platform,
          afterCommit: () => {},
        },
        t,
      ),
    );
    counts[status] = (counts[status] ?? 0) + 1;
  }
  log?.info({ seen: transfers.length, ...counts }, "bank feed reconciled");
  return { seen: transfers.length, ...counts };
}
