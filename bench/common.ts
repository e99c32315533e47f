import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import type { Platform } from "../src/server/platform/context.js";
import type { Database } from "../src/server/platform/db/client.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { createPlatform } from "../src/server/runtime.js";

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether PostgreSQL answers; benchmarks measure PGlite only when it does not. */
export async function postgresAnswers(url = BENCH_DATABASE_URL): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** A database of the benchmark's own, dropped afterwards. */
export async function withScratchDatabase<T>(prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(BENCH_DATABASE_URL);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    // pool.end() resolves before the server has ended its backends: FORCE would kill them mid-goodbye, and a
    // pool of the benchmark would report it as an unhandled error. Let them go first (bounded).
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

export function result(bench: string, db: string, metrics: Record<string, number | string>): void {
  console.log(
    `RESULT ${bench} ${db} ${Object.entries(metrics)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
}

/** The services a benchmark's product code needs, with a fixed master key and quiet logs. */
export function platformFor(db: Database): Platform {
  const config = loadConfig({ LOG_LEVEL: "warn", MASTER_KEY: Buffer.alloc(32, 9).toString("base64") }, {});
  return createPlatform({ config, db, logger: createLogger("warn") });
}
