import type { Logger } from "pino";
import { systemActor } from "../../../platform/authz/actor.js";
import type { Platform } from "../../../platform/context.js";
import type { Database } from "../../../platform/db/client.js";
import { runFor } from "../../../platform/jobs/tasks.js";
import { periodFrom } from "../../../platform/time.js";
import { executeRun } from "./runs.service.js";

/**
 * The scheduled run (the 1st of each month): drafts last month's notices for every building that has fee
 * rules, each in its company's context; issuing stays a person's decision. Buildings are listed as the owner
 * (across companies), then billed as that company.
 */
export async function runScheduledBilling(
  db: Database,
  platform: Platform,
  log: Logger,
  period = periodFrom(-1),
) {
  const { rows } = await db.ownerSql.query<{ company_id: string; building_id: string }>(
    "select distinct company_id, building_id from fee_rules order by company_id, building_id",
  );
  const report: { buildingId: string; invoices?: number; error?: string }[] = [];
  for (const row of rows) {
    const requester = {
      companyId: row.company_id,
      actor: { ...systemActor, role: "company_admin" as const },
      lang: "vi" as const,
      requestId: `job:billing-monthly:${period}`,
    };
    try {
      const done = await executeRun(runFor(db, platform, log, requester), {
        buildingId: row.building_id,
        period,
      });
      report.push({ buildingId: row.building_id, invoices: done.invoices });
    } catch (err) {
      log.error({ err, buildingId: row.building_id, period }, "scheduled billing run failed");
      report.push({ buildingId: row.building_id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { period, buildings: report.length, failed: report.filter((r) => r.error).length };
}
