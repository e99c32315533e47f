import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { accounts } from "../../modules/accounts/accounts.table.js";
import { accessLogRetentions } from "../../modules/companies/index.js";
import { auditLog } from "../audit/audit.table.js";
import { PLATFORM_SCOPE } from "../db/client.js";
import { accessLog } from "./access-log.table.js";
import { purgeAccessLogs } from "./purge.js";
import { openOrigin } from "./writer.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

/** Waits for the batch writer to flush (it writes every second). */
async function rowsFor(companyId: string, path: string) {
  for (let i = 0; i < 40; i++) {
    const rows = await env.db.transaction(companyId, (tx) =>
      tx.select().from(accessLog).where(sql`${accessLog.path} = ${path}`),
    );
    if (rows.length) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

describe("access log", () => {
  it("records each API request with who, where from, language, referrer, path and status", async () => {
    const admin = await newMember(env, "company_admin");
    const client = await signIn(env, admin, new Client(env.app, { ip: "198.51.100.7", lang: "en" }));
    await client.request("GET", "/api/v1/buildings?page=1", undefined, {
      referer: "http://chungcu.test/console",
    });
    const [row] = await rowsFor(admin.companyId, "/api/v1/buildings?page=1");
    // A signed-in person's origin is sealed with their data key: nothing in clear, readable with the key.
    expect(row).toMatchObject({
      accountId: admin.accountId,
      method: "GET",
      status: 200,
      ip: null,
      referrer: null,
    });
    const [account] = await env.db.transaction(PLATFORM_SCOPE, (tx) =>
      tx.select().from(accounts).where(eq(accounts.id, admin.accountId)),
    );
    const key = env.app.platform.keyring.unwrap(account?.dataKey as Buffer);
    const origin = openOrigin(row as NonNullable<typeof row>, key);
    expect(origin).toMatchObject({ ip: "198.51.100.7", referrer: "http://chungcu.test/console" });
    expect(origin.userAgent).toContain("Chrome");
    const viewed = await client.get("/api/v1/privacy/access-logs", { path: "/api/v1/buildings" });
    expect(viewed.body.items[0]).toMatchObject({ ip: "198.51.100.7", accountId: admin.accountId });
    expect(row?.lang).toBe("vi");
    const anonymous = await rowsFor(PLATFORM_SCOPE, "/api/v1/auth/sign-in");
    expect(anonymous.length).toBeGreaterThan(0);
  });

  it("does not record health checks, metrics or the API's documentation: they read no personal data", async () => {
    const client = new Client(env.app, { ip: "127.0.0.1" });
    expect((await client.get("/api/v1/health")).status).toBe(200);
    expect((await client.get("/metrics")).status).toBe(200);
    expect((await client.get("/api/docs/json")).status).toBe(200);
    // A request that is recorded, after them: once it is in the log, everything before it has been written.
    const marker = `/api/v1/marker-${Date.now()}`;
    expect((await client.get(marker)).status).toBe(404);
    expect(await rowsFor(PLATFORM_SCOPE, marker)).toHaveLength(1);
    const { rows } = await env.db.ownerSql.query<{ path: string }>(
      "select path from access_log where path like '/api/v1/health%' or path like '/api/docs%' or path like '/metrics%'",
    );
    expect(rows).toEqual([]);
  });

  it("purges rows past each company's retention and reports what it removed", async () => {
    const admin = await newMember(env, "company_admin");
    const old = new Date(Date.now() - 400 * 24 * 3600_000);
    const recent = new Date(Date.now() - 10 * 24 * 3600_000);
    await env.db.transaction(admin.companyId, (tx) =>
      tx.insert(accessLog).values(
        [old, old, recent].map((at, i) => ({
          companyId: admin.companyId,
          at,
          method: "GET",
          path: `/api/v1/old/${i}`,
          status: 200,
          requestId: `r${i}`,
          durationMs: 1,
        })),
      ),
    );
    const report = await purgeAccessLogs(env.db, env.app.platform, await accessLogRetentions(env.db));
    expect(report.find((r) => r.companyId === admin.companyId)).toEqual({
      companyId: admin.companyId,
      retentionDays: 365,
      deleted: 2,
    });
    const left = await env.db.transaction(admin.companyId, (tx) =>
      tx.select().from(accessLog).where(eq(accessLog.companyId, admin.companyId)),
    );
    expect(left.map((r) => r.path)).toEqual(["/api/v1/old/2"]);
    const [entry] = await env.db.transaction(admin.companyId, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "access_log.purge")),
    );
    expect(entry?.changes).toMatchObject({ count: 2, retentionDays: 365 });
  });

  it("keeps searched phones, emails, names and plates out of logged paths and referrers", async () => {
    const admin = await newMember(env, "company_admin");
    const client = await signIn(env, admin);
    const secrets = ["0912345678", "tim.kiem@example.vn", "Nguyễn Văn Tìm", "51K-999.88", "51K99988"];
    await client.get("/api/v1/residents", { q: "0912345678", page: "1" });
    await client.get("/api/v1/residents", { q: "tim.kiem@example.vn" });
    await client.get("/api/v1/residents", { q: "Nguyễn Văn Tìm" });
    await client.get("/api/v1/vehicles", { plate: "51K-999.88" });
    await client.get("/api/v1/residents/0912345678");
    await client.request("GET", "/api/v1/buildings", undefined, {
      referer: "http://chungcu.test/console/residents?q=51K99988",
    });
    const logged = async () =>
      env.db.transaction(admin.companyId, (tx) =>
        tx
          .select({ path: accessLog.path, referrer: accessLog.referrer })
          .from(accessLog)
          .where(eq(accessLog.accountId, admin.accountId)),
      );
    for (let i = 0; i < 40 && (await logged()).length < 6; i++) await new Promise((r) => setTimeout(r, 100));
    const rows = await logged();
    const paths = rows.map((r) => r.path);
    // The route is still known, with which parameters were used; their values are not.
    expect(paths).toEqual(
      expect.arrayContaining(["/api/v1/residents?q=***&page=1", "/api/v1/vehicles?plate=***"]),
    );
    const [account] = await env.db.transaction(PLATFORM_SCOPE, (tx) =>
      tx.select().from(accounts).where(eq(accounts.id, admin.accountId)),
    );
    const key = env.app.platform.keyring.unwrap(account?.dataKey as Buffer);
    const { rows: sealed } = await env.db.ownerSql.query<{ sealed: Uint8Array }>(
      "select sealed from access_log where account_id = $1 and sealed is not null",
      [admin.accountId],
    );
    const referrers = sealed.map((r) => openOrigin({ sealed: Buffer.from(r.sealed) }, key).referrer);
    const everything = JSON.stringify({ paths, referrers });
    for (const secret of [
      ...secrets,
      encodeURIComponent("Nguyễn Văn Tìm"),
      encodeURIComponent("tim.kiem@example.vn"),
      new URLSearchParams({ q: "Nguyễn Văn Tìm" }).toString().slice(2),
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(referrers).toContain("http://chungcu.test/console/residents?q=***");
  });
});
