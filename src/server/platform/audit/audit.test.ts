import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, TEST_MASTER_KEY, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../test/helpers/builders.js";
import { withDatabase } from "../../../../test/setup/global-setup.js";
import { buildApp } from "../../app.js";
import { systemActor } from "../authz/actor.js";
import type { Ctx } from "../context.js";
import { type Database, openPglite, PLATFORM_SCOPE } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { createLogger } from "../log/logger.js";
import { personalFields } from "../privacy/personal-data.js";
import { audit, diff, nothingToAudit, verifyAuditChains } from "./audit.service.js";
import { auditLog } from "./audit.table.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

const ctxOn = (companyId: string, tx: Ctx["tx"]): Ctx => ({
  companyId,
  actor: systemActor,
  lang: "vi",
  requestId: "test",
  tx,
  platform: env.app.platform,
  afterCommit: () => {},
});

describe("audit log", () => {
  it("gives a request without its own entry the generic one, whatever request used the connection before", async () => {
    // A second app on the file's database with two routes: one that says it has nothing to audit, one that
    // writes without an entry of its own (what the generic entry is for). Called one after the other, both
    // get the same pooled connection — on PostgreSQL the same Drizzle handle.
    const app = await buildApp({ config: env.config, db: env.db, logger: createLogger("silent") });
    const publicRoute = { config: { auth: "public" as const, csrf: false } };
    app.post("/api/v1/test/quiet", publicRoute, async (req) => req.run(async (ctx) => nothingToAudit(ctx)));
    app.post("/api/v1/test/forgetful", publicRoute, async (req) =>
      req.run(async (ctx) => ctx.tx.execute(sql`select 1`)),
    );
    await app.ready();
    try {
      for (let i = 0; i < 3; i++) {
        expect((await app.inject({ method: "POST", url: "/api/v1/test/quiet" })).statusCode).toBe(200);
        expect((await app.inject({ method: "POST", url: "/api/v1/test/forgetful" })).statusCode).toBe(200);
      }
    } finally {
      await app.close();
    }
    const rows = await env.db.transaction(PLATFORM_SCOPE, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.action, "POST /api/v1/test/forgetful")),
    );
    expect(rows).toHaveLength(3);
  });

  it("records every state-changing request in the company's chain, with personal data masked", async () => {
    const admin = await newMember(env, "company_admin");
    const client = await signIn(env, admin);
    const created = await client.post("/api/v1/buildings", {
      name: "Tòa Sen",
      address: "5 Lý Thường Kiệt, Hà Nội",
      blocks: [{ name: "S", floors: 9 }],
    });
    await client.post("/api/v1/staff/invitations", {
      contact: "0903123456",
      displayName: "Bảo vệ",
      role: "technician",
    });
    const rows = await env.db.transaction(admin.companyId, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.companyId, admin.companyId)).orderBy(asc(auditLog.seq)),
    );
    expect(rows.map((r) => r.action)).toEqual(["building.create", "invitation.create"]);
    expect(rows[0]).toMatchObject({
      entityId: created.body.id,
      actorAccountId: admin.accountId,
      actorRole: "company_admin",
    });
    expect(JSON.stringify(rows[1]?.changes)).toContain("0903 *** 456");
    expect(JSON.stringify(rows[1]?.changes)).not.toContain("0903123456");
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
  });

  it("masks personal fields in diffs", () => {
    expect(diff({ phone: "0912345678", name: "A" }, { phone: "0987654321", name: "A" }, ["phone"])).toEqual({
      phone: ["0912 *** 678", "0987 *** 321"],
    });
    expect(diff({ dob: "1990-01-01" }, { dob: "1991-01-01" }, ["dob"])).toEqual({ dob: ["***", "***"] });
  });

  it("verifies the chains, and names the row changed behind its back", async () => {
    const admin = await newMember(env, "company_admin");
    const client = await signIn(env, admin);
    for (const name of ["Tòa 1", "Tòa 2", "Tòa 3"]) {
      await client.post("/api/v1/buildings", {
        name,
        address: "1 Đường Số 1, Quận 7",
        blocks: [{ name: "A", floors: 3 }],
      });
    }
    expect((await verifyAuditChains(env.db)).broken).toBeNull();
    const where = sql`where company_id = ${admin.companyId} and seq = 2`;
    const { rows: original } = (await env.db.owner.execute(
      sql`select changes from audit_log ${where}`,
    )) as unknown as {
      rows: { changes: unknown }[];
    };
    await env.db.owner.execute(sql`update audit_log set changes = '{"name": [null, "Tòa giả"]}' ${where}`);
    const result = await verifyAuditChains(env.db);
    expect(result.broken).toEqual({
      companyId: admin.companyId,
      seq: 2,
      reason: "content does not match its hash",
    });
    // Put it back: every test file's chains are verified when it ends.
    await env.db.owner.execute(
      sql`update audit_log set changes = ${JSON.stringify(original[0]?.changes)}::jsonb ${where}`,
    );
    expect((await verifyAuditChains(env.db)).broken).toBeNull();
  });

  it("masks every field the personal-data registry lists, whatever the service passed", async () => {
    const admin = await newMember(env, "company_admin");
    const fields = personalFields(env.app.platform);
    const records = [...fields.values()].flatMap((info) => {
      const field = info.key;
      const name = field.slice(field.indexOf(".") + 1);
      const names = [name, ...(info.alsoCalled ?? [])];
      return info.entities.flatMap((entity) => names.map((key) => ({ field, entity, key })));
    });
    // Every subject of the registry is written as some record.
    expect(new Set(records.map((r) => r.field.split(".")[0]))).toEqual(
      new Set([...fields.keys()].map((f) => f.split(".")[0])),
    );
    await env.db.transaction(admin.companyId, async (tx) => {
      for (const { entity, key } of records) {
        await audit(ctxOn(admin.companyId, tx), {
          action: "test.personal",
          entity,
          changes: { [key]: [null, "Bí mật 4711"], single: "thường", note: "ổn" },
        });
      }
      await audit(ctxOn(admin.companyId, tx), {
        action: "test.personal",
        entity: "access_card",
        changes: { number: "AC-4711", kind: "access" },
      });
    });
    const rows = await env.db.transaction(admin.companyId, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "test.personal")).orderBy(asc(auditLog.seq)),
    );
    expect(rows).toHaveLength(records.length + 1);
    const stored = JSON.stringify(rows.map((r) => r.changes));
    expect(stored).not.toContain("Bí mật");
    expect(stored).not.toContain("AC-4711");
    expect(stored).toContain("thường");
    expect(rows.at(-1)?.changes).toEqual({ number: "***", kind: "access" });
    expect((await verifyAuditChains(env.db)).broken).toBeNull();
  });

  it("does not let the application role rewrite history", async () => {
    const admin = await newMember(env, "company_admin");
    await env.db.transaction(admin.companyId, (tx) =>
      audit(ctxOn(admin.companyId, tx), { action: "x", entity: "y" }),
    );
    await expect(
      env.db.transaction(admin.companyId, (tx) =>
        tx
          .update(auditLog)
          .set({ action: "z" })
          .where(and(eq(auditLog.companyId, admin.companyId), eq(auditLog.seq, 1))),
      ),
    ).rejects.toThrow();
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on an intact chain and 1 naming the tampered row", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chungcu-audit-"));
    const kind = inject("dbKind");
    const cliEnv: NodeJS.ProcessEnv = {
      ...process.env,
      MASTER_KEY: TEST_MASTER_KEY.toString("base64"),
      DATA_DIR: dir,
      NODE_ENV: "test",
    };
    let db: Database;
    if (kind === "pglite") {
      db = openPglite(await PGlite.create({ dataDir: path.join(dir, "pglite") }));
      delete cliEnv.DATABASE_URL;
    } else {
      const name = `chungcu_cli_${process.pid}_${Date.now()}`;
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: inject("postgresUrl") });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("template")}`);
      await admin.end();
      cliEnv.DATABASE_URL = withDatabase(inject("postgresUrl"), name);
      const { openPostgres } = await import("../db/client.js");
      db = openPostgres(cliEnv.DATABASE_URL);
    }
    await migrate(db);
    const company = "11111111-1111-4111-8111-111111111111";
    await db.owner.execute(sql`insert into companies (id, name) values (${company}, 'CLI test')`);
    for (const action of ["a", "b", "c"]) {
      await db.transaction(company, (tx) => audit(ctxOn(company, tx), { action, entity: "test" }));
    }
    const run = async () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/main.ts", "audit", "verify"], {
        env: cliEnv,
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    if (kind === "pglite") await db.close();
    const ok = await run();
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain("OK: 3 entries");

    if (kind === "pglite") db = openPglite(await PGlite.create({ dataDir: path.join(dir, "pglite") }));
    await db.owner.execute(
      sql`update audit_log set action = 'tampered' where company_id = ${company} and seq = 2`,
    );
    await db.close();
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN: company ${company}, audit entry seq 2`);
    if (kind === "postgres") {
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: inject("postgresUrl") });
      await admin.connect();
      await admin.query(
        `DROP DATABASE IF EXISTS ${new URL(cliEnv.DATABASE_URL as string).pathname.slice(1)} WITH (FORCE)`,
      );
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
