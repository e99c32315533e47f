// `npm run bench -- search`: finding a resident by exact phone, email or plate (blind indexes) and listing
// residents, at 30,000 residents (10,000 units imported by the product), as a company admin and as a
// building manager, beside a raw-SQL baseline that looks the same row up by the same blind index.
// DESIGN §7: ≤ 50 ms per exact look-up, for every role.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { listResidents } from "../src/server/modules/registry/index.js";
import { normalisePlate } from "../src/server/modules/registry/vehicles/plates.js";
import { findVehicles } from "../src/server/modules/registry/vehicles/vehicles.service.js";
import type { Actor } from "../src/server/platform/authz/actor.js";
import { systemActor } from "../src/server/platform/authz/actor.js";
import type { Ctx, Platform } from "../src/server/platform/context.js";
import { type Database, openPgliteDir, openPostgres } from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { platformFor, postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";
import { generate, newBuilding, product } from "./import.js";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 15);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function timedMs(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(kind: "pglite" | "postgres", db: Database, file: string) {
  await migrate(db);
  const platform: Platform = platformFor(db);
  try {
    const target = await newBuilding(db, "Bench search");
    // A second building of the same company, so the manager's scope is a real filter.
    const other = await newBuilding(db, "Bench search other");
    await product(db, platform, target, file);
    const { companyId, buildingId } = target;
    await db.transaction(companyId, (tx) => tx.execute(sql`analyze`)).catch(() => {});
    const count = await db.transaction(companyId, (tx) =>
      tx.execute(sql`select count(*)::int as n from residents where company_id = ${companyId}`),
    );
    const residents = (count as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    const actors: Record<string, Actor> = {
      company_admin: { ...systemActor, accountId: null, role: "company_admin" },
      building_manager: {
        ...systemActor,
        role: "building_manager",
        buildingIds: [buildingId, other.buildingId],
      },
    };
    const as = <T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>) =>
      db.transaction(companyId, (tx) =>
        fn({ companyId, actor, lang: "vi", requestId: "bench", tx, platform, afterCommit: () => {} }),
      );
    const i = 4321;
    const phone = `09${String(i).padStart(8, "0")}`;
    const email = `chu.ho.${i}@example.vn`;
    const plate = `59X1${String(i).padStart(5, "0")}`;
    const queries: Record<
      string,
      { run: (ctx: Ctx) => Promise<{ items: unknown[] }>; baseline: () => unknown }
    > = {
      phone: {
        run: (ctx) => listResidents(ctx, { page: 1, pageSize: 20, q: phone }),
        baseline: () =>
          sql`select * from residents where company_id = ${companyId}
            and phone_bidx = ${platform.keyring.blindIndex("phone", phone)} limit 20`,
      },
      email: {
        run: (ctx) => listResidents(ctx, { page: 1, pageSize: 20, q: email }),
        baseline: () =>
          sql`select * from residents where company_id = ${companyId}
            and email_bidx = ${platform.keyring.blindIndex("email", email)} limit 20`,
      },
      plate: {
        run: (ctx) => findVehicles(ctx, { plate }),
        baseline: () =>
          sql`select * from vehicles where company_id = ${companyId}
            and plate_bidx = ${platform.keyring.blindIndex("plate", normalisePlate(plate))}`,
      },
      resident_by_plate: {
        run: (ctx) => listResidents(ctx, { page: 1, pageSize: 20, q: plate }),
        baseline: () =>
          sql`select r.* from residents r join vehicles v on v.company_id = r.company_id and v.resident_id = r.id
            where r.company_id = ${companyId}
            and v.plate_bidx = ${platform.keyring.blindIndex("plate", normalisePlate(plate))}`,
      },
      list: {
        run: (ctx) => listResidents(ctx, { page: 1, pageSize: 20 }),
        baseline: () =>
          sql`select * from residents where company_id = ${companyId} order by name_search, created_at desc limit 20`,
      },
    };
    for (const [name, q] of Object.entries(queries)) {
      const figures: Record<string, number | string> = { query: name, residents };
      let worst = 0;
      for (const [role, actor] of Object.entries(actors)) {
        const found = await as(actor, q.run);
        if (found.items.length === 0) throw new Error(`${name} as ${role} found nothing`);
        const ms = await timedMs(() => as(actor, q.run));
        figures[`${role}_ms`] = ms.toFixed(1);
        worst = Math.max(worst, ms);
      }
      const base = await timedMs(() =>
        as(actors.company_admin as Actor, (ctx) => ctx.tx.execute(q.baseline() as never)),
      );
      result("search", kind, {
        ...figures,
        baseline: base.toFixed(1),
        ratio: (worst / base).toFixed(2),
        rss_mb: rssMb(),
      });
    }
  } finally {
    await db.close();
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-search-"));
  try {
    const file = path.join(dir, "registry.xlsx");
    await generate(file);
    console.log(
      "search: median ms per look-up (own transaction, as a request) at 30,000 residents; baseline = the same blind-index look-up in raw SQL; ratio = slowest role / baseline",
    );
    if (await postgresAnswers()) {
      await withScratchDatabase("chungcu_bench_search", (url) =>
        measure("postgres", openPostgres(url), file),
      );
    } else {
      console.log("PostgreSQL does not answer: measuring PGlite only");
    }
    await measure("pglite", await openPgliteDir(path.join(dir, "pglite")), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
