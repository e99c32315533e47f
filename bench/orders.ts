import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import { seedDemo } from "../src/server/demo/seed.js";
import { companies } from "../src/server/modules/companies/companies.table.js";
import { openPostgres, PLATFORM_SCOPE } from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { createPlatform } from "../src/server/runtime.js";
import { signInCookie, startServer } from "./api.js";
import { postgresAnswers, result, withScratchDatabase } from "./common.js";

/*
 * `npm run bench -- orders`: residents' orders placed at once (50 connections, BENCH_SECONDS, default 30 s, on
 * PostgreSQL) through the whole app — session, tenant transaction, the stock taken by a conditional update, the
 * order code, the lines, the disclosure to the partner, the audit entry, the partner's notification — beside a
 * bare Fastify placing the same order by hand (stock update, order, line) in one transaction. Then the stock is
 * counted: what the orders hold must be exactly what left the stock (nothing oversold), and a second run on an
 * item with 100 in stock must sell exactly 100 and refuse the rest.
 */

const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 50;
const SCARCE = 100;

type Ids = {
  companyId: string;
  itemId: string;
  scarceId: string;
  unitId: string;
  buildingId: string;
  partnerId: string;
};

async function prepare(url: string): Promise<Ids> {
  const db = openPostgres(url);
  await migrate(db);
  const config = loadConfig(
    { LOG_LEVEL: "warn", MASTER_KEY: Buffer.alloc(32, 9).toString("base64") },
    { demo: true },
  );
  await seedDemo(db, createPlatform({ config, db, logger: createLogger("warn") }));
  const [company] = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.select().from(companies).where(eq(companies.name, "Demo")),
  );
  await db.close();
  const companyId = company?.id as string;
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    const { rows } = await sql.query(
      `select i.id, i.partner_id, o.unit_id, o.building_id from catalog_items i
         join orders o on o.company_id = i.company_id and o.partner_id = i.partner_id
        where i.company_id = $1 and i.name_vi like 'Nước tinh khiết%' limit 1`,
      [companyId],
    );
    const row = rows[0];
    // Enough stock that the measured run never sells out; a second, scarce item for the race to the last one.
    await sql.query("update catalog_items set stock = 10000000 where id = $1", [row.id]);
    const scarce = await sql.query(
      `insert into catalog_items (company_id, partner_id, kind, category, name_vi, name_en, price, vat_rate, stock,
          building_ids, status)
       select company_id, partner_id, kind, category, 'Bình cuối cùng', 'The last bottles', price, vat_rate, $2,
          building_ids, 'approved' from catalog_items where id = $1 returning id`,
      [row.id, SCARCE],
    );
    return {
      companyId,
      itemId: row.id,
      scarceId: scarce.rows[0].id,
      unitId: row.unit_id,
      buildingId: row.building_id,
      partnerId: row.partner_id,
    };
  } finally {
    await sql.end();
  }
}

function tomorrow(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Posts the same body on every connection for `seconds`; counts answers by status. */
async function load(url: string, body: unknown, headers: Record<string, string>, seconds: number) {
  const statuses = new Map<number, number>();
  const r = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
    setupClient: (client) => {
      client.on("response", (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
    },
  });
  const unexpected = [...statuses].filter(([s]) => s !== 201 && s !== 422);
  if (unexpected.length > 0 || r.errors > 0)
    throw new Error(`${url}: unexpected answers ${JSON.stringify(unexpected)}, ${r.errors} errors`);
  return {
    rps: Math.round(r.requests.average),
    p99: r.latency.p99,
    placed: statuses.get(201) ?? 0,
    refused: statuses.get(422) ?? 0,
  };
}

/** What left each item's stock, and what the orders hold of it. */
async function stockCheck(url: string, ids: Ids) {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    const { rows } = await sql.query(
      `select i.id, i.stock, coalesce(sum(l.quantity) filter (where o.status <> 'cancelled'), 0)::int as sold
         from catalog_items i left join order_lines l on l.company_id = i.company_id and l.item_id = i.id
         left join orders o on o.company_id = l.company_id and o.id = l.order_id
        where i.id = any($1) group by i.id, i.stock`,
      [[ids.itemId, ids.scarceId]],
    );
    return new Map(rows.map((r) => [r.id as string, { stock: Number(r.stock), sold: Number(r.sold) }]));
  } finally {
    await sql.end();
  }
}

async function stop(server: Awaited<ReturnType<typeof startServer>>) {
  server.child.removeAllListeners("exit");
  server.child.kill();
  await new Promise((r) => server.child.once("exit", r));
}

export async function run(): Promise<void> {
  console.log(
    `orders: POST /api/v1/orders (signed-in resident, one item) vs bare Fastify placing it by hand; ${CONNECTIONS} connections, ${DURATION} s, PostgreSQL`,
  );
  if (!(await postgresAnswers())) {
    console.log("PostgreSQL does not answer: the orders benchmark measures PostgreSQL only");
    return;
  }
  await withScratchDatabase("chungcu_bench_orders", async (url) => {
    const ids = await prepare(url);
    const before = await stockCheck(url, ids);
    const product = await startServer({
      DB_URL: url,
      MODE: "product",
      DB_KIND: "postgres",
      COMPANY_ID: ids.companyId,
    });
    const base = `http://127.0.0.1:${product.port}`;
    const cookie = await signInCookie(base, "resident@demo.chungcu.vn");
    const csrf = cookie.match(/cc_csrf=([^;]+)/)?.[1] ?? "";
    const order = (itemId: string) => ({
      unitId: ids.unitId,
      lines: [{ itemId, quantity: 1 }],
      slotDate: tomorrow(),
      slot: "08-10",
      delivery: "door",
      note: "",
      payment: "cash",
    });
    const headers = { cookie, "x-csrf-token": csrf };
    await load(`${base}/api/v1/orders`, order(ids.itemId), headers, 2);
    const ours = await load(`${base}/api/v1/orders`, order(ids.itemId), headers, DURATION);
    const race = await load(`${base}/api/v1/orders`, order(ids.scarceId), headers, 5);
    await stop(product);

    const after = await stockCheck(url, ids);
    const item = { before: before.get(ids.itemId), after: after.get(ids.itemId) };
    const scarce = after.get(ids.scarceId);
    const taken = (item.before?.stock ?? 0) - (item.after?.stock ?? 0);
    const sold = (item.after?.sold ?? 0) - (item.before?.sold ?? 0);
    const oversold = Math.max(0, sold - taken) + Math.max(0, (scarce?.sold ?? 0) - SCARCE);
    if (taken !== sold || scarce?.sold !== SCARCE || scarce?.stock !== 0 || race.placed !== SCARCE)
      throw new Error(
        `stock and orders disagree: taken ${taken}, sold ${sold}; scarce item sold ${scarce?.sold} of ${SCARCE}, ${scarce?.stock} left, ${race.placed} placed`,
      );

    const bare = await startServer({
      DB_URL: url,
      MODE: "orders-baseline",
      DB_KIND: "postgres",
      COMPANY_ID: ids.companyId,
    });
    const raw = {
      itemId: ids.itemId,
      unitId: ids.unitId,
      buildingId: ids.buildingId,
      partnerId: ids.partnerId,
    };
    await load(`http://127.0.0.1:${bare.port}/orders`, raw, {}, 2);
    const theirs = await load(`http://127.0.0.1:${bare.port}/orders`, raw, {}, DURATION);
    await stop(bare);

    result("orders", "postgres", {
      rps: ours.rps,
      baseline: theirs.rps,
      ratio: (ours.rps / theirs.rps).toFixed(2),
      p99_ms: ours.p99,
      baseline_p99_ms: theirs.p99,
      placed: ours.placed,
      oversold,
      race_stock: SCARCE,
      race_sold: scarce.sold,
      race_refused: race.refused,
    });
  });
}
