import type { Logger } from "pino";
import type { Platform } from "../../../platform/context.js";
import type { Database } from "../../../platform/db/client.js";
import { asSystem } from "../../../platform/jobs/system.js";
import { alertOverdueBreaches, BREACH_DEADLINE_MS } from "./breaches.service.js";

/** Every 15 minutes: incidents whose 72-hour clock ran out with a notice unsent are flagged to the admins. */
export async function alertBreachDeadlines(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    `select distinct company_id from breach_incidents
      where overdue_alerted_at is null and detected_at < $1
        and (authority_notified_at is null or residents_notified_at is null)`,
    [new Date(now.getTime() - BREACH_DEADLINE_MS)],
  );
  let flagged = 0;
  for (const { company_id: companyId } of rows) {
    flagged += await asSystem(
      db,
      platform,
      companyId,
      "job:breach-deadlines",
      (ctx) => alertOverdueBreaches(ctx, now),
      log,
    );
  }
  return { flagged };
}
