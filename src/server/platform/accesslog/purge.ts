import { and, eq, lt } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { systemActor } from "../authz/actor.js";
import type { Platform } from "../context.js";
import { type Database, PLATFORM_SCOPE, type Tx } from "../db/client.js";
import { accessLog } from "./access-log.table.js";

export type PurgeReport = { companyId: string; retentionDays: number; deleted: number }[];

/** A company and how long it keeps its access log, when it set that itself. */
export type AccessLogRetention = { id: string; accessLogRetentionDays?: number };

/**
 * Deletes access-log rows older than each company's retention setting (default from configuration), the
 * platform's own rows by the default, each in its own tenant transaction, with one audit entry per company
 * that lost rows.
 */
export async function purgeAccessLogs(
  db: Database,
  platform: Platform,
  companies: readonly AccessLogRetention[],
  now = new Date(),
): Promise<PurgeReport> {
  const scopes: AccessLogRetention[] = [{ id: PLATFORM_SCOPE }, ...companies];
  const report: PurgeReport = [];
  for (const company of scopes) {
    const retentionDays = company.accessLogRetentionDays ?? platform.config.accessLogRetentionDays;
    const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600_000);
    const deleted = await db.transaction(company.id, async (tx) => {
      const rows = await tx
        .delete(accessLog)
        .where(and(eq(accessLog.companyId, company.id), lt(accessLog.at, cutoff)))
        .returning({ id: accessLog.id });
      if (rows.length > 0) {
        await audit(
          {
            companyId: company.id,
            actor: systemActor,
            lang: "vi",
            requestId: "job:access-log-purge",
            tx,
            platform,
            afterCommit: () => {},
          },
          {
            action: "access_log.purge",
            entity: "access_log",
            changes: { count: rows.length, before: cutoff.toISOString(), retentionDays },
          },
        );
      }
      return rows.length;
    });
    report.push({ companyId: company.id, retentionDays, deleted });
  }
  return report;
}

/**
 * An erased person's requests stay in the company's access log as traffic, without who made them or from
 * where: the account, IP, browser and referrer are cleared.
 */
export async function anonymiseAccessLogs(tx: Tx, companyId: string, accountId: string): Promise<number> {
  const rows = await tx
    .update(accessLog)
    .set({ accountId: null, ip: null, userAgent: null, referrer: null, sealed: null })
    .where(and(eq(accessLog.companyId, companyId), eq(accessLog.accountId, accountId)))
    .returning({ id: accessLog.id });
  return rows.length;
}
