// One side of the api benchmark, run in its own process so the load generator does not share its event loop.
// MODE=product: the whole app (session, tenant transaction as app_user, RLS, access log, metrics).
// MODE=baseline: bare Fastify + the same driver running the same two queries.

import { PGlite } from "@electric-sql/pglite";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openPglite, openPostgres } from "../src/server/platform/db/client.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { COUNT_SQL, LIST_SQL } from "./api-queries.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const MODE = env("MODE");
const DB_KIND = env("DB_KIND");
const COMPANY_ID = env("COMPANY_ID");
const DB_URL = process.env.DB_URL ?? "";
const DATA_DIR = process.env.DATA_DIR ?? "";

async function product() {
  const db =
    DB_KIND === "pglite" ? openPglite(await PGlite.create({ dataDir: DATA_DIR })) : openPostgres(DB_URL, 10);
  const config = loadConfig(
    { NODE_ENV: "production", LOG_LEVEL: "warn", MASTER_KEY: Buffer.alloc(32, 9).toString("base64") },
    {
      demo: true,
      jobs: false,
      publicUrl: "http://127.0.0.1",
      rateLimitPerMinute: 10_000_000,
    },
  );
  const app = await buildApp({ config, db, logger: createLogger("warn") });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return (app.server.address() as { port: number }).port;
}

async function baseline() {
  const app = Fastify({ logger: false });
  if (DB_KIND === "pglite") {
    const pglite = await PGlite.create({ dataDir: DATA_DIR });
    app.get("/list", async () => {
      const [list, total] = await Promise.all([
        pglite.query(LIST_SQL, [COMPANY_ID]),
        pglite.query(COUNT_SQL, [COMPANY_ID]),
      ]);
      return { items: list.rows, total: (total.rows[0] as { n: number }).n };
    });
  } else {
    const pool = new pg.Pool({ connectionString: DB_URL, max: 10 });
    app.get("/list", async () => {
      const [list, total] = await Promise.all([
        pool.query(LIST_SQL, [COMPANY_ID]),
        pool.query(COUNT_SQL, [COMPANY_ID]),
      ]);
      return { items: list.rows, total: total.rows[0].n };
    });
  }
  await app.listen({ port: 0, host: "127.0.0.1" });
  return (app.server.address() as { port: number }).port;
}

const port = MODE === "product" ? await product() : await baseline();
console.log(`PORT ${port}`);
process.on("SIGINT", () => process.exit(0));
setInterval(() => {
  const cpu = process.cpuUsage();
  console.log(`RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} CPU ${cpu.user + cpu.system}`);
}, 1000);
