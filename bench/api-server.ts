// One side of the api benchmark, run in its own process so the load generator does not share its event loop.
// MODE=product: the whole app (session, tenant transaction as app_user, RLS, access log, metrics).
// MODE=baseline: bare Fastify + the same driver running the same two queries.
// MODE=orders-baseline (PostgreSQL): bare Fastify placing an order by hand — the stock taken by one conditional
// update, the order and its line inserted — in one transaction (the orders benchmark's baseline).

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

async function ordersBaseline() {
  const app = Fastify({ logger: false });
  const pool = new pg.Pool({ connectionString: DB_URL, max: 10 });
  let next = 0;
  app.post<{ Body: { itemId: string; unitId: string; buildingId: string; partnerId: string } }>(
    "/orders",
    async (req, reply) => {
      const { itemId, unitId, buildingId, partnerId } = req.body;
      const client = await pool.connect();
      try {
        await client.query("begin");
        const taken = await client.query(
          "update catalog_items set stock = stock - 1 where company_id = $1 and id = $2 and stock >= 1 returning price",
          [COMPANY_ID, itemId],
        );
        if (taken.rowCount === 0) {
          await client.query("rollback");
          return reply.status(422).send({ error: "OUT_OF_STOCK" });
        }
        const price = Number(taken.rows[0].price);
        const order = await client.query(
          `insert into orders (company_id, code, partner_id, kind, building_id, unit_id, unit_code, slot_date, slot,
             delivery, payment, total, vat, delivery_code)
           values ($1, $2, $3, 'goods', $4, $5, 'A-12.05', current_date + 1, '08-10', 'door', 'cash', $6, 0, '0000')
           returning id`,
          [COMPANY_ID, `DB${process.pid}${next++}`, partnerId, buildingId, unitId, price],
        );
        await client.query(
          `insert into order_lines (company_id, order_id, item_id, name, name_en, quantity, unit_price, vat_rate, amount)
           values ($1, $2, $3, 'Nước', 'Water', 1, $4, 8, $4)`,
          [COMPANY_ID, order.rows[0].id, itemId, price],
        );
        await client.query("commit");
        return reply.status(201).send({ id: order.rows[0].id });
      } catch (err) {
        await client.query("rollback");
        throw err;
      } finally {
        client.release();
      }
    },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  return (app.server.address() as { port: number }).port;
}

const port =
  MODE === "product"
    ? await product()
    : MODE === "orders-baseline"
      ? await ordersBaseline()
      : await baseline();
console.log(`PORT ${port}`);
process.on("SIGINT", () => process.exit(0));
setInterval(() => {
  const cpu = process.cpuUsage();
  console.log(`RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} CPU ${cpu.user + cpu.system}`);
}, 1000);
