import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember } from "../../../../test/helpers/builders.js";
import { createLogger } from "../log/logger.js";
import { startJobs } from "./boss.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});

describe("scheduled jobs (pg-boss)", () => {
  it("runs on this database, schedules the maintenance jobs and carries one out", async () => {
    const admin = await newMember(env, "company_admin");
    await env.db.owner.execute(
      sql`insert into access_log (company_id, at, method, path, status, request_id, duration_ms)
          values (${admin.companyId}, now() - interval '2 years', 'GET', '/api/v1/ancient', 200, 'r', 1)`,
    );
    const boss = await startJobs(env.db, env.app.platform, createLogger("silent"), env.url);
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.map((s) => s.name).sort()).toEqual([
        "announcements-publish",
        "billing-monthly",
        "breach-deadlines",
        "debt-reminders",
        "files-unclaimed",
        "notifications-send",
        "parcels-remind",
        "privacy-erasure",
        "privacy-escalate",
        "retention",
        "session-cleanup",
        "tickets-close",
      ]);
      const id = await boss.send("retention", {});
      expect(id).toBeTruthy();
      await expect
        .poll(async () => (await boss.getJobById("retention", id as string))?.state, {
          timeout: 20_000,
        })
        .toBe("completed");
      const left = await env.db.owner.execute(
        sql`select count(*)::int as n from access_log where path = '/api/v1/ancient'`,
      );
      expect((left as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
