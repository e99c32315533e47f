import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { chargeLines, periodBounds } from "../src/server/modules/billing/runs/charges.sql.js";
import { executeRun } from "../src/server/modules/billing/runs/runs.service.js";
import { buildings } from "../src/server/modules/buildings/buildings.table.js";
import { companies } from "../src/server/modules/companies/companies.table.js";
import { systemActor } from "../src/server/platform/authz/actor.js";
import {
  type Database,
  openPgliteDir,
  openPostgres,
  PLATFORM_SCOPE,
} from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { runFor } from "../src/server/platform/jobs/tasks.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { platformFor, postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";

const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const PERIOD = "2026-11";
const FIRST_UNIT = "00000000-0000-0000-0000-000000000000";
const LAST_UNIT = "ffffffff-ffff-ffff-ffff-ffffffffffff";

/**
 * A building of UNITS units, set-based: every unit has an owner, an area fee, electricity and water readings;
 * every other unit a motorbike, every tenth a second one; the shophouses' fee starts mid-month.
 */
async function seed(db: Database) {
  const [company] = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.insert(companies).values({ name: "Bench billing" }).returning(),
  );
  const companyId = company?.id as string;
  const floors = Math.ceil(UNITS / 5 / 50);
  const [building] = await db.transaction(companyId, (tx) =>
    tx
      .insert(buildings)
      .values({
        companyId,
        name: "Bench billing",
        address: "1 Lê Lợi, TP. Hồ Chí Minh",
        blocks: ["A", "B", "C", "D", "E"].map((name) => ({ name, floors })),
      })
      .returning(),
  );
  const buildingId = building?.id as string;
  await db.transaction(companyId, async (tx) => {
    await tx.execute(sql`
      insert into units (company_id, building_id, code, block, floor, area_m2, type, status, handover_date)
      select ${companyId}, ${buildingId}, b || '-' || lpad(f::text, 3, '0') || '.' || lpad(n::text, 2, '0'), b, f,
             55 + (i % 60) + (i % 7) * 0.25, case when i % 50 = 0 then 'shophouse' else 'apartment' end, 'occupied',
             case when i % 50 = 0 then date '2026-11-16' else date '2024-03-15' end
        from (select i, chr(65 + i % 5) as b, (i / 5) / 50 + 1 as f, (i / 5) % 50 + 1 as n
                from generate_series(0, ${UNITS - 1}) i) s`);
    await tx.execute(sql`
      insert into residents (company_id, full_name, name_search)
      select ${companyId}, 'Nguyễn Văn ' || u.code, 'nguyen van ' || lower(u.code) from units u
       where u.company_id = ${companyId}`);
    await tx.execute(sql`
      insert into household_members (company_id, unit_id, resident_id, role)
      select ${companyId}, u.id, r.id, 'owner' from units u
        join residents r on r.company_id = u.company_id and r.full_name = 'Nguyễn Văn ' || u.code
       where u.company_id = ${companyId}`);
    await tx.execute(sql`
      insert into vehicles (company_id, unit_id, building_id, resident_id, type, status, active_from)
      select ${companyId}, m.unit_id, ${buildingId}, m.resident_id, 'motorbike', 'active', date '2025-01-01' + k
        from household_members m cross join generate_series(0, 1) k
       where m.company_id = ${companyId} and (k = 0 and hashtext(m.unit_id::text) % 2 = 0
             or k = 1 and hashtext(m.unit_id::text) % 10 = 0)`);
    await tx.execute(sql`
      insert into meter_readings (company_id, building_id, unit_id, kind, period, previous, reading, read_on)
      select ${companyId}, ${buildingId}, u.id, k.kind, ${PERIOD}, 1000, 1000 + k.base + abs(hashtext(u.id::text)) % k.spread,
             date '2026-11-30'
        from units u cross join (values ('electricity', 80, 400), ('water', 5, 25)) k(kind, base, spread)
       where u.company_id = ${companyId}`);
    await tx.execute(sql`
      insert into fee_rules (company_id, building_id, kind, name, unit_type, vehicle_type, price, price_next, tariff_code,
                             surcharge_percent, surcharge_name, vat_rate, on_behalf, valid_from)
      values (${companyId}, ${buildingId}, 'area', 'Phí quản lý', 'apartment', null, 12000, null, null, null, null, 10, false, '2025-01-01'),
             (${companyId}, ${buildingId}, 'area', 'Phí quản lý mặt bằng', 'shophouse', null, 20000, null, null, null, null, 10, false, '2025-01-01'),
             (${companyId}, ${buildingId}, 'vehicle', 'Phí gửi xe máy', null, 'motorbike', 120000, 150000, null, null, null, 10, false, '2025-01-01'),
             (${companyId}, ${buildingId}, 'electricity', 'Tiền điện', null, null, null, null, 'evn-household', null, null, 8, true, '2025-01-01'),
             (${companyId}, ${buildingId}, 'water', 'Tiền nước', null, null, null, null, 'hcmc-water-household', 10, 'Phí thoát nước', 5, true, '2025-01-01')`);
  });
  return { companyId, buildingId };
}

/**
 * DESIGN §7's baseline: the same notices and lines with the same amounts, one plain SQL statement per table,
 * without numbering, chunks, audit or progress.
 */
async function baseline(db: Database, target: { companyId: string; buildingId: string }) {
  const lines = chargeLines({
    ...target,
    bounds: periodBounds(PERIOD),
    fromUnit: FIRST_UNIT,
    toUnit: LAST_UNIT,
  });
  await db.transaction(target.companyId, async (tx) => {
    await tx.execute(sql`
      insert into invoices (company_id, building_id, unit_id, period, area_m2, bill_to, subtotal, vat_total, total)
      select ${target.companyId}, ${target.buildingId}, l.unit_id, ${PERIOD}, u.area_m2,
             (select string_agg(r.full_name, ', ' order by r.full_name) from household_members hm
                join residents r on r.company_id = hm.company_id and r.id = hm.resident_id
               where hm.company_id = ${target.companyId} and hm.unit_id = l.unit_id and hm.role = 'owner'
                 and hm.moved_out_on is null),
             sum(l.amount), sum(l.vat), sum(l.amount) + sum(l.vat)
        from (${lines}) l join units u on u.company_id = ${target.companyId} and u.id = l.unit_id
       group by l.unit_id, u.area_m2`);
    await tx.execute(sql`
      insert into invoice_lines (company_id, invoice_id, line_no, kind, fee_rule_id, description, quantity, unit_label,
                                 unit_price, days, period_days, amount, vat_rate, vat, on_behalf)
      select ${target.companyId}, i.id, l.line_no, l.kind, l.fee_rule_id, l.description, l.quantity, l.unit_label,
             l.unit_price, l.days, l.period_days, l.amount, l.vat_rate, l.vat, l.on_behalf
        from (${lines}) l join invoices i on i.company_id = ${target.companyId} and i.unit_id = l.unit_id
                                         and i.period = ${PERIOD}`);
  });
}

async function totals(db: Database, companyId: string) {
  const [row] = (
    (await db.owner.execute(
      sql`select count(*)::int as invoices, sum(total)::text as total,
                 (select count(*)::int from invoice_lines where company_id = ${companyId}) as lines
            from invoices where company_id = ${companyId}`,
    )) as unknown as { rows: { invoices: number; total: string; lines: number }[] }
  ).rows;
  return row as { invoices: number; total: string; lines: number };
}

async function clear(db: Database, companyId: string) {
  await db.owner.execute(sql`delete from invoice_lines where company_id = ${companyId}`);
  await db.owner.execute(sql`delete from invoices where company_id = ${companyId}`);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function measure(kind: "pglite" | "postgres", db: Database) {
  await migrate(db);
  let peak = rssMb();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 200);
  try {
    const target = await seed(db);
    await db.owner.execute(sql`analyze`);
    const plain = await timed(() => baseline(db, target));
    const expected = await totals(db, target.companyId);
    await clear(db, target.companyId);
    const platform = platformFor(db);
    const requester = {
      companyId: target.companyId,
      actor: { ...systemActor, role: "company_admin" as const },
      lang: "vi" as const,
      requestId: "bench",
    };
    peak = rssMb();
    const run = runFor(db, platform, createLogger("warn"), requester);
    const product = await timed(() => executeRun(run, { buildingId: target.buildingId, period: PERIOD }));
    const got = await totals(db, target.companyId);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(
        `the run and the baseline differ: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`,
      );
    }
    const again = await timed(() => executeRun(run, { buildingId: target.buildingId, period: PERIOD }));
    result("billing", kind, {
      units: UNITS,
      invoices: got.invoices,
      lines: got.lines,
      seconds: product.seconds.toFixed(1),
      baseline: plain.seconds.toFixed(1),
      ratio: (product.seconds / plain.seconds).toFixed(2),
      rss_mb: Math.max(peak, rssMb()),
    });
    result("billing", kind, {
      rerun_seconds: again.seconds.toFixed(1),
      created: again.value.created,
      redrafted: again.value.redrafted,
    });
  } finally {
    clearInterval(sampler);
    await db.close();
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(): Promise<void> {
  console.log(
    `billing: a month for ${UNITS} units; product run (chunks, idempotent upsert, redraft check, audit, progress) vs the plain two-statement baseline; ratio = product time / baseline time`,
  );
  if (await postgresAnswers()) {
    await withScratchDatabase("chungcu_bench_billing", (url) => measure("postgres", openPostgres(url)));
  } else {
    console.log("PostgreSQL does not answer: measuring PGlite only");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-billing-"));
  try {
    await measure("pglite", await openPgliteDir(path.join(dir, "pglite")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
