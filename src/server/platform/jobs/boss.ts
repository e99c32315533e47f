import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Platform } from "../context.js";
import type { Database } from "../db/client.js";
import { declared } from "../module.js";

const TZ = "Asia/Ho_Chi_Minh";

/**
 * Starts pg-boss and works every module's tasks and schedules. pg-boss runs as the owner; its handlers do
 * tenant work through db.transaction (app_user + tenant).
 */
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

  for (const schedule of declared(platform, "schedules")) {
    if (schedule.when && !schedule.when(platform.config)) continue;
    await boss.createQueue(schedule.name);
    await boss.schedule(schedule.name, schedule.cron, {}, { tz: TZ });
    await boss.work(schedule.name, async () => {
      const result = await schedule.run({ db, platform, log });
      log.info({ job: schedule.name, result }, "job done");
    });
  }
  return boss;
}
