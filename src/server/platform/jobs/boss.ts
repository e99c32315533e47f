import { and, isNotNull, lt, or } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { sessions } from "../../modules/accounts/accounts.table.js";
import { sendDebtReminders } from "../../modules/billing/debts/debts.service.js";
import { SepayApiFeed } from "../../modules/billing/payments/bank-feed/sepay.js";
import { reconcileBankFeed } from "../../modules/billing/payments/reconcile.js";
import { runScheduledBilling } from "../../modules/billing/runs/schedule.js";
import { alertBreachDeadlines } from "../../modules/privacy/breaches/breach.jobs.js";
import { escalateOverdueRequests, runDueErasures } from "../../modules/privacy/requests/privacy.jobs.js";
import { runRetention } from "../../modules/privacy/retention/retention.service.js";
import type { Platform } from "../context.js";
import { type Database, PLATFORM_SCOPE } from "../db/client.js";

const TZ = "Asia/Ho_Chi_Minh";

/** pg-boss runs as the owner; its handlers do tenant work through db.transaction (app_user + tenant). */
export async function startJobs(
  db: Database,
  platform: Platform,
  log: Logger,
  databaseUrl?: string,
): Promise<PgBoss> {
  const pglite = db.pglite;
  const boss = pglite
    ? new PgBoss({
        db: {
          // PGlite runs one statement per query(); pg-boss's parameterless schema scripts need exec().
          executeSql: async (text: string, values: unknown[]) => {
            if (values?.length) return pglite.query(text, values);
            const results = await pglite.exec(text);
            return results[results.length - 1] ?? { rows: [] };
          },
        },
        supervise: true,
      })
    : new PgBoss({ connectionString: databaseUrl, max: 2 });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();
  // Tasks are queued inside request transactions, which run as app_user.
  await db.ownerSql.exec(
    `GRANT USAGE ON SCHEMA pgboss TO app_user;
     GRANT SELECT ON pgboss.queue TO app_user;
     GRANT INSERT, SELECT (id) ON pgboss.job TO app_user;`,
  );
  await platform.tasks.start(boss, db, platform, log);

  const jobs: Array<{ name: string; cron: string; run: () => Promise<unknown> }> = [
    { name: "retention", cron: "30 3 * * *", run: () => runRetention(db, platform, log) },
    { name: "privacy-erasure", cron: "10 * * * *", run: () => runDueErasures(db, platform, log) },
    { name: "privacy-escalate", cron: "20 * * * *", run: () => escalateOverdueRequests(db, platform, log) },
    { name: "breach-deadlines", cron: "*/15 * * * *", run: () => alertBreachDeadlines(db, platform, log) },
    { name: "session-cleanup", cron: "15 4 * * *", run: () => deleteDeadSessions(db) },
    { name: "billing-monthly", cron: "0 1 1 * *", run: () => runScheduledBilling(db, platform, log) },
    { name: "debt-reminders", cron: "0 9 * * *", run: () => sendDebtReminders(db, platform, log) },
  ];
  const feed = bankFeedOf(platform.config);
  if (feed) {
    jobs.push({
      name: "bank-feed-reconcile",
      cron: "*/15 * * * *",
      run: () => reconcileBankFeed(db, platform, feed, log),
    });
  }
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: TZ });
    await boss.work(job.name, async () => {
      const result = await job.run();
      log.info({ job: job.name, result }, "job done");
    });
  }
  return boss;
}

/** Sessions expired or revoked more than 30 days ago are of no further use (the audit log keeps sign-ins). */
export async function deleteDeadSessions(db: Database): Promise<number> {
  const cutoff = new Date(Date.now() - 30 * 24 * 3600_000);
  const rows = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx
      .delete(sessions)
      .where(
        or(
          lt(sessions.expiresAt, cutoff),
          and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff)),
        ),
      )
      .returning({ id: sessions.id }),
  );
  return rows.length;
}

/** The bank feed's API for re-pulling transactions, when a token is configured. */
function bankFeedOf(config: Config) {
  return config.bankFeed.apiToken
    ? new SepayApiFeed({ token: config.bankFeed.apiToken, baseUrl: config.bankFeed.apiUrl })
    : null;
}
