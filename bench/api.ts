import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { loadConfig } from "../src/server/config.js";
import { seedDemo } from "../src/server/demo/seed.js";
import { buildings } from "../src/server/modules/buildings/buildings.table.js";
import { companies } from "../src/server/modules/companies/companies.table.js";
import { type Database, openPglite, openPostgres, PLATFORM_SCOPE } from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { createLogger } from "../src/server/platform/log/logger.js";
import { createPlatform } from "../src/server/runtime.js";
import { postgresAnswers, result, withScratchDatabase } from "./common.js";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

/** Seeds the demo company plus 20 more buildings, so the list answers a full page. */
async function prepare(db: Database): Promise<string> {
  await migrate(db);
  const config = loadConfig(
    { LOG_LEVEL: "warn", MASTER_KEY: Buffer.alloc(32, 9).toString("base64") },
    { demo: true },
  );
  const platform = createPlatform({ config, db, logger: createLogger("warn") });
  await seedDemo(db, platform);
  const [company] = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.select().from(companies).where(eq(companies.name, "Demo")),
  );
  const companyId = company?.id as string;
  await db.transaction(companyId, (tx) =>
    tx.insert(buildings).values(
      Array.from({ length: 20 }, (_, i) => ({
        companyId,
        name: `Toà ${String(i + 1).padStart(2, "0")}`,
        address: `${i + 1} Đường Số ${i + 1}, TP. Hồ Chí Minh`,
        blocks: [{ name: "A", floors: 10 }],
      })),
    ),
  );
  return companyId;
}

export function startServer(
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess; peakRss: () => number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/api-server.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let peak = 0;
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        const port = line.match(/^PORT (\d+)/)?.[1];
        const rss = line.match(/^RSS (\d+)/)?.[1];
        if (rss) peak = Math.max(peak, Number(rss));
        if (port) resolve({ port: Number(port), child, peakRss: () => peak });
      }
    });
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  // Warm up (JIT, caches, pool), then measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: Math.round(r.requests.average), p99: r.latency.p99 };
}

/** Signs a demo login (the company admin unless told) in through the real flow and returns the cookie header. */
export async function signInCookie(base: string, identifier = "admin@demo.chungcu.vn"): Promise<string> {
  const jar = new Map<string, string>();
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(base + p, {
      method,
      headers: {
        "content-type": "application/json",
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        "x-csrf-token": jar.get("cc_csrf") ?? "",
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = (pair ?? "").split("=");
      if (k && v) jar.set(k, v);
    }
    return res.json();
  };
  await call("GET", "/api/v1/auth/csrf");
  await call("POST", "/api/v1/auth/sign-in", { identifier, password: "Demo@2026" });
  const outbox = (await (await fetch(`${base}/dev/outbox.json`)).json()) as { items: { text: string }[] };
  const code = outbox.items[0]?.text.match(/\b\d{6}\b/)?.[0];
  const me = (await call("POST", "/api/v1/auth/otp/verify", { code })) as { status: string };
  if (me.status !== "signed_in") throw new Error(`bench sign-in failed: ${JSON.stringify(me)}`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function measure(kind: "pglite" | "postgres", dbEnv: Record<string, string>, companyId: string) {
  const product = await startServer({ ...dbEnv, MODE: "product", DB_KIND: kind, COMPANY_ID: companyId });
  const base = `http://127.0.0.1:${product.port}`;
  const cookie = await signInCookie(base);
  const ours = await load(`${base}/api/v1/buildings?page=1&pageSize=20`, { cookie });
  const productRss = product.peakRss();
  product.child.removeAllListeners("exit");
  product.child.kill();
  await new Promise((r) => product.child.once("exit", r));

  const bare = await startServer({ ...dbEnv, MODE: "baseline", DB_KIND: kind, COMPANY_ID: companyId });
  const theirs = await load(`http://127.0.0.1:${bare.port}/list`);
  bare.child.removeAllListeners("exit");
  bare.child.kill();
  result("api", kind, {
    rps: ours.rps,
    baseline: theirs.rps,
    ratio: (ours.rps / theirs.rps).toFixed(2),
    p99_ms: ours.p99,
    baseline_p99_ms: theirs.p99,
    rss_mb: productRss,
  });
}

export async function run(): Promise<void> {
  console.log(
    `api: GET /api/v1/buildings (signed-in company admin, page of 20) vs bare Fastify running the same queries; ${CONNECTIONS} connections, ${DURATION} s`,
  );
  if (await postgresAnswers()) {
    await withScratchDatabase("chungcu_bench_api", async (url) => {
      const db = openPostgres(url);
      const companyId = await prepare(db);
      await db.close();
      await measure("postgres", { DB_URL: url }, companyId);
    });
  } else {
    console.log("PostgreSQL does not answer: measuring PGlite only");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-"));
  try {
    const db = openPglite(await PGlite.create({ dataDir: dir }));
    const companyId = await prepare(db);
    await db.close();
    await measure("pglite", { DATA_DIR: dir }, companyId);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
