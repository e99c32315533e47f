import type { Logger } from "pino";
import type { Platform } from "../../../platform/context.js";
import type { Database } from "../../../platform/db/client.js";
import { asSystem } from "../../../platform/jobs/system.js";
import { residentFacts, residentsPendingErasure } from "../../registry/index.js";
import { blocksErasure, eraseResident, erasureHolds } from "../erasure/erasure.service.js";
import {
  dueErasureRequests,
  ERASURE_CANCEL_WINDOW_MS,
  escalateOverdue,
  executeErasureRequest,
} from "./requests.service.js";

async function companiesWith(db: Database, query: string, values: unknown[] = []): Promise<string[]> {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(query, values);
  return rows.map((r) => r.company_id);
}

/**
 * The erasure job (hourly): carries out erasure requests whose 24-hour cancellation window has passed — well
 * within the 5 days promised — and finishes erasures that a hold had stopped once the hold is gone.
 */
export async function runDueErasures(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const companies = await companiesWith(
    db,
    `select company_id from privacy_requests
      where kind = 'erasure' and status in ('open', 'in_progress') and created_at < $1
     union select company_id from residents where erasure_pending_since is not null`,
    [new Date(now.getTime() - ERASURE_CANCEL_WINDOW_MS)],
  );
  let erased = 0;
  for (const companyId of companies) {
    erased += await asSystem(
      db,
      platform,
      companyId,
      "job:privacy-erasure",
      async (ctx) => {
        let done = 0;
        for (const request of await dueErasureRequests(ctx, now)) {
          await executeErasureRequest(ctx, request, null);
          done++;
        }
        for (const residentId of await residentsPendingErasure(ctx)) {
          const facts = await residentFacts(ctx, residentId);
          if (!facts || facts.erasedAt) continue;
          if ((await erasureHolds(ctx, facts)).some(blocksErasure)) continue;
          await eraseResident(ctx, residentId, {});
          done++;
        }
        return done;
      },
      log,
    );
  }
  return { companies: companies.length, erased };
}

/** Marks requests that passed their due date and tells the company admins (hourly). */
export async function escalateOverdueRequests(
  db: Database,
  platform: Platform,
  log: Logger,
  now = new Date(),
) {
  const companies = await companiesWith(
    db,
    `select distinct company_id from privacy_requests
      where status in ('open', 'in_progress') and due_at < $1 and escalated_at is null`,
    [now],
  );
  let escalated = 0;
  for (const companyId of companies) {
    escalated += await asSystem(
      db,
      platform,
      companyId,
      "job:privacy-escalate",
      (ctx) => escalateOverdue(ctx, now),
      log,
    );
  }
  return { escalated };
}
