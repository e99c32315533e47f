import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { publishDue } from "../src/server/modules/announcements/announcements.service.js";
import { type Database, openPgliteDir, openPostgres } from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { LIVE_CHANNEL } from "../src/server/platform/live/live.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { platformFor, postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";

/*
 * One announcement to a building of 10,000 residents, each with the app: how long the publishing transaction
 * takes (audience, 10,000 inbox rows, the live signals), and how long until the last of the 10,000 live signals
 * has reached a listening API process, with the process's peak memory. The baseline writes the same inbox rows
 * and signals with one raw INSERT … SELECT and one pg_notify per 150 people, in the same run.
 * Goal (issue 14): every in-app delivery within 10 s on PostgreSQL.
 */

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 10_000);
const PER_UNIT = 4;

/** A company, a building of RESIDENTS / 4 units in blocks A–E, four residents with an account in each. */
async function seed(db: Database) {
  await migrate(db);
  const units = Math.ceil(RESIDENTS / PER_UNIT);
  const { rows } = await db.ownerSql.query<{ company_id: string; building_id: string }>(
    `with c as (insert into companies (name) values ('Bench notify') returning id),
          b as (insert into buildings (company_id, name, address, blocks)
                select id, 'Toà Bench', '1 Lê Lợi, TP. Hồ Chí Minh',
                       '[{"name":"A","floors":40},{"name":"B","floors":40},{"name":"C","floors":40},{"name":"D","floors":40},{"name":"E","floors":40}]'
                  from c returning company_id, id)
     select company_id, id as building_id from b`,
  );
  const { company_id: companyId, building_id: buildingId } = rows[0] as {
    company_id: string;
    building_id: string;
  };
  await db.ownerSql.query(
    `insert into units (company_id, building_id, code, block, floor, area_m2)
     select $1, $2, chr(65 + g % 5) || '-' || lpad((1 + (g / 5) % 40)::text, 2, '0') || '.' || lpad((g / 200 + 1)::text, 2, '0'),
            chr(65 + g % 5), 1 + (g / 5) % 40, 70
       from generate_series(0, $3 - 1) g`,
    [companyId, buildingId, units],
  );
  await db.ownerSql.query(
    `with a as (insert into accounts (display_name, email_bidx) select 'Cư dân ' || g, 'bench-' || g from generate_series(1, $2) g returning id),
          n as (select id, row_number() over () as i from a),
          r as (insert into residents (company_id, full_name, name_search, account_id)
                select $1, 'Cư dân ' || i, 'cu dan ' || i, id from n returning id, account_id),
          ri as (select id, row_number() over () - 1 as i from r),
          u as (select id, row_number() over (order by code) - 1 as i from units where company_id = $1)
     insert into household_members (company_id, unit_id, resident_id, role)
     select $1, u.id, ri.id, case when ri.i % ${PER_UNIT} = 0 then 'owner' else 'member' end
       from ri join u on u.i = ri.i / ${PER_UNIT}`,
    [companyId, RESIDENTS],
  );
  // As the registry's import does after writing thousands of rows (PGlite has no autovacuum to do it).
  await db.ownerSql.query("select app_analyze_registry()");
  return { companyId, buildingId };
}

/** Counts the people the live signals name, as an API process hears them; resolves when all are heard. */
async function listenFor(db: Database, expected: number) {
  let heard = 0;
  let done: (at: number) => void = () => {};
  const allHeard = new Promise<number>((resolve) => {
    done = resolve;
  });
  const stop = await db.listen(LIVE_CHANNEL, (payload) => {
    heard += (JSON.parse(payload) as { a: string[] }).a.length;
    if (heard >= expected) done(performance.now());
  });
  return { allHeard, stop, heard: () => heard };
}

async function measure(kind: "pglite" | "postgres", db: Database, listener: Database) {
  const { companyId, buildingId } = await seed(db);
  const platform = platformFor(db);
  const log = createLogger("warn");
  let peak = rssMb();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 50);

  // Baseline: the same rows and signals in raw SQL.
  const base = await listenFor(listener, RESIDENTS);
  const baseStart = performance.now();
  // One statement, so one transaction: the rows, then a signal per 150 people.
  await db.ownerSql.query(
    `with sent as (
       insert into notifications (company_id, account_id, kind, title, body)
       select r.company_id, r.account_id, 'announcement', 'Baseline', 'Baseline'
         from residents r where r.company_id = $1 and r.account_id is not null
       returning account_id),
     chunks as (select json_agg(account_id) as a from (select account_id, (row_number() over ()) / 150 as chunk from sent) s group by chunk)
     select count(pg_notify($2, json_build_object('c', $1::text, 't', 'notifications', 'a', a)::text)) from chunks`,
    [companyId, LIVE_CHANNEL],
  );
  const baseline = (await base.allHeard) - baseStart;
  await base.stop();

  // The product: a scheduled announcement to the whole building, published by the scheduler's own function.
  await db.ownerSql.query(
    `insert into announcements (company_id, building_id, title, body, status, publish_at)
     values ($1, $2, 'Cắt nước thứ Bảy', 'Từ 8 giờ đến 11 giờ, toàn tòa nhà.', 'scheduled', now() - interval '1 minute')`,
    [companyId, buildingId],
  );
  const live = await listenFor(listener, RESIDENTS);
  const start = performance.now();
  const published = await publishDue(db, platform, log);
  const committed = performance.now() - start;
  const lastDelivery = (await live.allHeard) - start;
  await live.stop();
  clearInterval(sampler);
  if (published.published !== 1) throw new Error(`published ${JSON.stringify(published)}`);
  const { rows } = await db.ownerSql.query<{ n: number }>(
    "select count(*)::int as n from notifications where company_id = $1 and title = 'Cắt nước thứ Bảy'",
    [companyId],
  );
  if (rows[0]?.n !== RESIDENTS) throw new Error(`delivered ${rows[0]?.n} of ${RESIDENTS}`);
  result("notify", kind, {
    recipients: RESIDENTS,
    publish_ms: Math.round(committed),
    last_delivery_ms: Math.round(lastDelivery),
    baseline_ms: Math.round(baseline),
    ratio: (lastDelivery / baseline).toFixed(2),
    goal_ms: 10_000,
    rss_mb: peak,
  });
}

export async function run(): Promise<void> {
  if (await postgresAnswers()) {
    await withScratchDatabase("chungcu_bench_notify", async (url) => {
      const db = openPostgres(url);
      // Another connection stands for another API process listening for the signals.
      const listener = openPostgres(url, 1);
      try {
        await measure("postgres", db, listener);
      } finally {
        await listener.close();
        await db.close();
      }
    });
  } else {
    console.log("PostgreSQL does not answer: measuring PGlite only");
  }
  if (process.env.BENCH_DB === "postgres") return;
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-notify-"));
  try {
    const db = await openPgliteDir(path.join(dir, "pglite"));
    try {
      await measure("pglite", db, db);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
