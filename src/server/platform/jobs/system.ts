import type { Logger } from "pino";
import { systemActor } from "../authz/actor.js";
import type { Ctx, Platform } from "../context.js";
import type { Database } from "../db/client.js";

/**
 * Runs a job's work for one company as the system, in one tenant transaction, then the work it queued for
 * after the commit (messages); a message that fails is logged, not retried with the whole transaction.
 */
export async function asSystem<T>(
  db: Database,
  platform: Platform,
  companyId: string,
  requestId: string,
  fn: (ctx: Ctx) => Promise<T>,
  log?: Logger,
): Promise<T> {
  const after: Array<() => Promise<void>> = [];
  const result = await db.transaction(companyId, (tx) =>
    fn({
      companyId,
      actor: systemActor,
      lang: "vi",
      requestId,
      tx,
      platform,
      afterCommit: (f) => after.push(f),
    }),
  );
  for (const f of after) await f().catch((err) => log?.error({ err, requestId }, "after-commit work failed"));
  return result;
}
