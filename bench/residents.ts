// `npm run bench -- residents`: the console's resident list at 30,000 residents, through the product's HTTP
// API (Fastify, session, tenant transaction as app_user with row-level security, access log), for every role
// that may list residents, beside a baseline: the product's page and count queries as raw SQL in a bare
// transaction (ratio = the request's p50 over the baseline's). `total` is what the list answers ("1000+": more
// than that, as the count stops there), `visible` the exact number the role may see.
// Then DESIGN §7's look-ups through the same list: exact phone, email and plate (≤ 50 ms) and a name written
// without diacritics (≤ 200 ms), for the company admin and for a building manager.
//
// The company has four buildings of 4,000, 3,000, 2,000 and 1,000 units (three residents each, imported by the
// product), and about 1,250 children have moved out (history the list must leave out). The building manager of
// one building covers the smallest (a tenth of the residents), so the list's filter is selective; the manager
// of several covers the two middle ones; the accountant the largest. Each figure is the p50 and p95 of
// BENCH_REPEAT (default 30) requests after a warm-up. Target: p95 ≤ 300 ms for every role on both databases.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray, sql } from "drizzle-orm";
import { type App, buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { createAccount } from "../src/server/modules/accounts/accounts.service.js";
import { sessions } from "../src/server/modules/accounts/accounts.table.js";
import { buildings } from "../src/server/modules/buildings/buildings.table.js";
import { companies } from "../src/server/modules/companies/companies.table.js";
import { residentPage } from "../src/server/modules/registry/residents/search.repo.js";
import { units } from "../src/server/modules/registry/units/units.table.js";
import { memberships } from "../src/server/modules/staff/memberships.table.js";
import { randomToken, sha256 } from "../src/server/platform/crypto/crypto.js";
import {
  type Database,
  openPgliteDir,
  openPostgres,
  PLATFORM_SCOPE,
  queryRows,
} from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { createPlatform } from "../src/server/runtime.js";
import { postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";
import { generate, product } from "./import.js";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
/** Units per building; three residents each: 30,000 in all. */
const BUILDINGS = [4000, 3000, 2000, 1000];
const MASTER_KEY = Buffer.alloc(32, 9);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A query as one SQL text, its parameters written in as literals (uuids, numbers and plain strings here). */
function inline(q: { sql: string; params: unknown[] }): string {
  return q.sql.replace(/\$(\d+)/g, (_, i: string) => {
    const v = q.params[Number(i) - 1];
    return typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/** p50 and p95 of `REPEAT` runs after one warm-up (plans, caches). */
async function timed(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The company, its four buildings imported through the product, and some children moved out. */
async function seed(db: Database, files: string[]) {
  const platform = createPlatform({
    config: loadConfig({ LOG_LEVEL: "warn", MASTER_KEY: MASTER_KEY.toString("base64") }, {}),
    db,
    logger: createLogger("warn"),
  });
  const [company] = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.insert(companies).values({ name: "Bench residents" }).returning(),
  );
  const companyId = company?.id as string;
  const buildingIds: string[] = [];
  for (const [b, file] of files.entries()) {
    const [building] = await db.transaction(companyId, (tx) =>
      tx
        .insert(buildings)
        .values({
          companyId,
          name: `Toà ${b + 1}`,
          address: `${b + 1} Lê Lợi, TP. Hồ Chí Minh`,
          blocks: ["A", "B", "C", "D", "E"].map((name) => ({ name, floors: 40 })),
        })
        .returning(),
    );
    buildingIds.push(building?.id as string);
    const imported = await product(db, platform, { companyId, buildingId: building?.id as string }, file);
    if (imported.counts.residents.create !== (BUILDINGS[b] as number) * 3)
      throw new Error(`building ${b + 1}: ${JSON.stringify(imported.counts)}`);
  }
  await db.transaction(companyId, async (tx) => {
    await tx.execute(sql`update household_members set moved_out_on = date '2026-06-30'
      where company_id = ${companyId} and role = 'member'
        and resident_id in (select id from residents where company_id = ${companyId} and name_search like 'nguyen minh %')
        and right(unit_id::text, 1) in ('0', '1')`);
    await tx.execute(sql`select app_analyze_registry()`);
  });
  return { companyId, buildingIds, platform };
}

type Role = { role: string; buildingIds: string[] };

/** A signed-in session of a staff member of each role: the cookie a browser would send. */
async function sessionsFor(app: App, db: Database, companyId: string, roles: Record<string, Role>) {
  const cookies: Record<string, string> = {};
  for (const [name, r] of Object.entries(roles)) {
    const account = await db.transaction(PLATFORM_SCOPE, (tx) =>
      createAccount(tx, app.platform, {
        displayName: name,
        contact: { kind: "email", value: `${name}@bench.chungcu.vn` },
        password: "Bench@2026",
        platformRole: null,
      }),
    );
    const [membership] = await db.transaction(companyId, (tx) =>
      tx
        .insert(memberships)
        .values({ companyId, accountId: account.id, role: r.role, buildingIds: r.buildingIds })
        .returning(),
    );
    const token = randomToken();
    await db.transaction(PLATFORM_SCOPE, (tx) =>
      tx.insert(sessions).values({
        tokenHash: sha256(token),
        accountId: account.id,
        stage: "active",
        contextId: membership?.id as string,
        expiresAt: new Date(Date.now() + 3600_000),
        reauthAt: new Date(),
      }),
    );
    cookies[name] = `cc_session=${token}`;
  }
  return cookies;
}

async function measure(kind: "pglite" | "postgres", db: Database, files: string[]) {
  await migrate(db);
  let app: App | undefined;
  try {
    const started = performance.now();
    const { companyId, buildingIds } = await seed(db, files);
    const [b1, b2, b3, b4] = buildingIds as [string, string, string, string];
    console.log(`${kind}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const config = loadConfig(
      { NODE_ENV: "production", LOG_LEVEL: "warn", MASTER_KEY: MASTER_KEY.toString("base64") },
      { demo: false, jobs: false, rateLimitPerMinute: 10_000_000, publicUrl: "http://bench.chungcu.test" },
    );
    app = await buildApp({ config, db, logger: createLogger("warn") });
    await app.ready();
    const roles: Record<string, Role> = {
      company_admin: { role: "company_admin", buildingIds: [] },
      customer_care: { role: "customer_care", buildingIds: [] },
      building_manager: { role: "building_manager", buildingIds: [b4] },
      manager_of_several: { role: "building_manager", buildingIds: [b2, b3] },
      accountant: { role: "accountant", buildingIds: [b1] },
    };
    const cookies = await sessionsFor(app, db, companyId, roles);
    const get = async (role: string, url: string) => {
      const res = await (app as App).inject({
        method: "GET",
        url,
        headers: { cookie: cookies[role] as string },
      });
      if (res.statusCode !== 200)
        throw new Error(`${role} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { items: { fullName: string }[]; total: number; totalCapped: boolean };
    };
    const total = (
      await db.transaction(companyId, (tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(distinct resident_id)::int as n from household_members
            where company_id = ${companyId} and moved_out_on is null`,
        ),
      )
    )[0]?.n;

    // Baseline: the product's own page and count queries, as raw SQL text in a bare transaction (no HTTP,
    // session, access log, decryption or mapping): what the product's request costs above its SQL.
    const rawQueries = (buildingIds: string[]) =>
      db.transaction(companyId, (tx) => {
        const q = residentPage(tx, {
          companyId,
          buildingScope: buildingIds.length ? inArray(units.buildingId, buildingIds) : undefined,
          countUpTo: 1000,
        });
        return Promise.resolve([q.rows(20, 0).toSQL(), q.total.toSQL()].map(inline));
      });
    const baseline = (texts: string[]) => () =>
      db.transaction(companyId, (tx) => Promise.all(texts.map((t) => tx.execute(sql.raw(t)))));
    const visibleTo = (buildingIds: string[]) =>
      db.transaction(companyId, async (tx) => {
        const rows = await queryRows<{ n: number }>(
          tx,
          sql`select count(distinct hm.resident_id)::int as n from household_members hm
            join units u on u.company_id = hm.company_id and u.id = hm.unit_id
            where hm.company_id = ${companyId} and hm.moved_out_on is null
            ${buildingIds.length ? sql`and u.building_id = any(${sql.param(buildingIds)}::uuid[])` : sql``}`,
        );
        return rows[0]?.n ?? 0;
      });

    console.log(
      `${kind}: ${total} residents living in the company's units; GET /api/v1/residents (page of 20), p50/p95 in ms over ${REPEAT} requests`,
    );
    for (const [role, r] of Object.entries(roles)) {
      const first = await get(role, "/api/v1/residents?page=1&pageSize=20");
      if (first.items.length !== 20) throw new Error(`${role}: ${first.items.length} items`);
      const list = await timed(() => get(role, "/api/v1/residents?page=1&pageSize=20"));
      const deep = await timed(() => get(role, "/api/v1/residents?page=50&pageSize=20"));
      const base = await timed(baseline(await rawQueries(r.buildingIds)));
      result("residents", kind, {
        role,
        visible: await visibleTo(r.buildingIds),
        total: `${first.total}${first.totalCapped ? "+" : ""}`,
        p50_ms: list.p50.toFixed(1),
        p95_ms: list.p95.toFixed(1),
        page50_p50_ms: deep.p50.toFixed(1),
        page50_p95_ms: deep.p95.toFixed(1),
        baseline: base.p50.toFixed(1),
        ratio: (list.p50 / base.p50).toFixed(2),
        rss_mb: rssMb(),
      });
    }
    const building = await timed(() => get("company_admin", `/api/v1/residents?buildingId=${b3}`));
    result("residents", kind, {
      role: "company_admin",
      filter: "building",
      p50_ms: building.p50.toFixed(1),
      p95_ms: building.p95.toFixed(1),
      rss_mb: rssMb(),
    });

    // DESIGN §7's look-ups, through the same list: a resident of the smallest building (the manager's).
    const i = 9000 + 321;
    const searches: Record<string, { q: string; target: number }> = {
      phone: { q: `09${pad(i, 8)}`, target: 50 },
      email: { q: `chu.ho.${i}@example.vn`, target: 50 },
      plate: { q: `59X1${pad(i, 5)}`, target: 50 },
      // Names hold no digits (a term with one is read as a unit code): a family name shared by 10,000 residents.
      name: { q: "tran thi", target: 200 },
    };
    for (const [name, s] of Object.entries(searches)) {
      const figures: Record<string, string | number> = { search: name };
      let worst = 0;
      for (const role of ["company_admin", "building_manager"]) {
        const url = `/api/v1/residents?q=${encodeURIComponent(s.q)}`;
        const found = await get(role, url);
        if (found.items.length === 0) throw new Error(`${name} as ${role} found nothing`);
        const t = await timed(() => get(role, url));
        figures[`${role}_p50_ms`] = t.p50.toFixed(1);
        figures[`${role}_p95_ms`] = t.p95.toFixed(1);
        worst = Math.max(worst, t.p50);
      }
      result("residents", kind, { ...figures, target_ms: s.target, rss_mb: rssMb() });
    }
  } finally {
    await app?.close();
    await db.close();
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-residents-"));
  try {
    const files: string[] = [];
    let first = 0;
    for (const [b, units] of BUILDINGS.entries()) {
      const file = path.join(dir, `building-${b + 1}.xlsx`);
      await generate(file, units, first);
      files.push(file);
      first += units;
    }
    if (await postgresAnswers()) {
      await withScratchDatabase("chungcu_bench_residents", (url) =>
        measure("postgres", openPostgres(url), files),
      );
    } else {
      console.log("PostgreSQL does not answer: measuring PGlite only");
    }
    if (process.env.BENCH_DB !== "postgres")
      await measure("pglite", await openPgliteDir(path.join(dir, "pglite")), files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
