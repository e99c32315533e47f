import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { systemActor } from "../../../platform/authz/actor.js";
import { runFor } from "../../../platform/jobs/tasks.js";
import { createLogger } from "../../../platform/log/logger.js";
import { todayInVietnam } from "../../../platform/time.js";
import { sendDueEverywhere } from "../../notifications/send.task.js";
import { issueInvoices } from "../invoices/invoices.service.js";
import { executeRun } from "../runs/runs.service.js";
import { sendDebtReminders } from "./debts.service.js";

/** Debts: ageing, statements, the collection dashboard, reminders and the late fee. */
let env: TestEnv;
/** A company with one building of two units and two billed months (see setUp). */
type Fixture = { companyId: string; buildingId: string; admin: Client; units: Record<string, string> };
let f: Fixture;

const daysAgo = (n: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

async function bill(f: Fixture, period: string) {
  const requester = {
    companyId: f.companyId,
    actor: { ...systemActor, role: "company_admin" as const },
    lang: "vi" as const,
    requestId: "test",
  };
  const run = runFor(env.db, env.app.platform, createLogger("silent"), requester);
  await executeRun(run, { buildingId: f.buildingId, period });
  await run((ctx) => issueInvoices(ctx, { buildingId: f.buildingId, period }, "accept-all"));
}

async function noticeOf(f: Fixture, code: string, period: string) {
  const list = await f.admin.get("/api/v1/invoices", { buildingId: f.buildingId, period, q: code });
  return list.body.items[0];
}

async function setDue(f: Fixture, code: string, period: string, dueOn: string) {
  await env.db.owner.execute(
    sql`update invoices set due_on = ${dueOn}::date where company_id = ${f.companyId} and period = ${period}
          and unit_id = ${f.units[code]}`,
  );
}

/**
 * A company of its own: C-01.01 (owner `ownerEmail`) owes July (long overdue) and October (recently overdue);
 * C-01.02 paid July and half of October. Tests that change it (the late fee bills another month) make their own.
 */
async function setUp(ownerEmail: string): Promise<Fixture> {
  const owner = await newMember(env, "company_admin");
  const { companyId } = owner;
  const admin = await signIn(env, owner);
  const units: Record<string, string> = {};
  const buildingId = (
    await admin.post("/api/v1/buildings", {
      name: "Tòa Bình Minh",
      address: "9 Lý Thường Kiệt, Hà Nội",
      blocks: [{ name: "C", floors: 2 }],
    })
  ).body.id;
  for (const code of ["C-01.01", "C-01.02"]) {
    units[code] = (
      await admin.post("/api/v1/units", { buildingId, code, block: "C", floor: 1, areaM2: 100 })
    ).body.id;
  }
  await admin.post(`/api/v1/units/${units["C-01.01"]}/household`, {
    role: "owner",
    fullName: "Lê Văn Nợ",
    email: ownerEmail,
  });
  await admin.put(`/api/v1/buildings/${buildingId}/billing-settings`, {
    feeFrameMin: null,
    feeFrameMax: null,
    dueDays: 10,
    reminderDays: 7,
  });
  await admin.post("/api/v1/fee-rules", {
    buildingId,
    kind: "area",
    name: "Phí quản lý",
    price: 10000,
    validFrom: "2026-01-01",
  });
  const f = { companyId, buildingId, admin, units };
  await bill(f, "2026-07");
  await bill(f, "2026-10");
  await setDue(f, "C-01.01", "2026-07", daysAgo(100));
  await setDue(f, "C-01.01", "2026-10", daysAgo(10));
  await setDue(f, "C-01.02", "2026-07", daysAgo(100));
  const july2 = await noticeOf(f, "C-01.02", "2026-07");
  await admin.post("/api/v1/payments/cash", { invoiceId: july2.id, amount: july2.total });
  const oct2 = await noticeOf(f, "C-01.02", "2026-10");
  await admin.post("/api/v1/payments/cash", { invoiceId: oct2.id, amount: 500000 });
  return f;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  f = await setUp("no@example.vn");
});

describe("debts", () => {
  it("ages what is owed by how long it is overdue, largest debtor first", async () => {
    const res = await f.admin.get("/api/v1/debts", { buildingId: f.buildingId });
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      notDue: 500000,
      d0to30: 1000000,
      d31to60: 0,
      d61to90: 0,
      over90: 1000000,
      balance: 2500000,
    });
    expect(
      res.body.units.items.map((u: { unitCode: string; balance: number }) => [u.unitCode, u.balance]),
    ).toEqual([
      ["C-01.01", 2000000],
      ["C-01.02", 500000],
    ]);
  });

  it("gives a unit's statement with a running balance, to staff and to its residents only", async () => {
    const res = await f.admin.get(`/api/v1/units/${f.units["C-01.02"]}/statement`);
    expect(res.body.lines.map((l: { kind: string; balance: number }) => [l.kind, l.balance])).toEqual([
      ["notice", 1000000],
      ["notice", 2000000],
      ["payment", 1000000],
      ["payment", 500000],
    ]);
    expect(res.body.balance).toBe(500000);
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId: f.companyId, unitIds: [f.units["C-01.01"] as string] }),
    );
    expect((await resident.get(`/api/v1/units/${f.units["C-01.01"]}/statement`)).body.balance).toBe(2000000);
    expect((await resident.get(`/api/v1/units/${f.units["C-01.02"]}/statement`)).status).toBe(404);
  });

  it("shows billed against collected per month on the dashboard", async () => {
    const res = await f.admin.get("/api/v1/billing/dashboard", { buildingId: f.buildingId });
    expect(res.body.months).toEqual([
      { period: "2026-07", billed: 2000000, collected: 1000000, notices: 2 },
      { period: "2026-10", billed: 2000000, collected: 500000, notices: 2 },
    ]);
    expect(res.body).toMatchObject({ collectionRate: 0.375, outstanding: 2500000, overdue: 2000000 });
    expect(res.body.topDebtors[0]).toMatchObject({
      unitCode: "C-01.01",
      balance: 2000000,
      billTo: "Lê Văn Nợ",
    });
  });

  it("reminds owners of overdue notices at the building's pace", async () => {
    // The job reminds every company; this company's two overdue notices are what this test made. What else
    // waits to be sent (the notices' own emails) goes first, so the mails after are the reminders.
    await sendDueEverywhere(env.db, env.app.platform, createLogger("silent"));
    const before = env.smtp.mails.length;
    const first = await sendDebtReminders(env.db, env.app.platform, createLogger("silent"));
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const mine = await env.db.owner.execute(
      sql`select count(*)::int as n from debt_reminders where company_id = ${f.companyId}`,
    );
    expect((mine as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
    // The reminders go out through the notification service, by email.
    await sendDueEverywhere(env.db, env.app.platform, createLogger("silent"));
    const mail = env.smtp.mails.slice(before).filter((m) => m.to.includes("no@example.vn"));
    expect(mail).toHaveLength(2);
    expect(mail[0]?.raw.replace(/=\r?\n/g, "")).toContain("C-01.01");
    expect(await sendDebtReminders(env.db, env.app.platform, createLogger("silent"))).toMatchObject({
      reminded: 0,
    });
  });

  it("charges the late fee on the next month's notice when the building sets one", async () => {
    // Billing another month changes every figure: a company of the test's own.
    const f = await setUp("tre@example.vn");
    await f.admin.put(`/api/v1/buildings/${f.buildingId}/billing-settings`, {
      feeFrameMin: null,
      feeFrameMax: null,
      dueDays: 10,
      lateFeePercent: 2,
      reminderDays: 7,
    });
    await bill(f, "2026-11");
    // Only July was overdue when November began (October fell due in mid-November): 2% of 1,000,000 đồng.
    const notice = (await f.admin.get(`/api/v1/invoices/${(await noticeOf(f, "C-01.01", "2026-11")).id}`))
      .body;
    expect(notice.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "late_fee",
          description: "Phí chậm nộp (2% số nợ quá hạn)",
          amount: 20000,
          vat: 0,
        }),
      ]),
    );
    const paidUp = (await f.admin.get(`/api/v1/invoices/${(await noticeOf(f, "C-01.02", "2026-11")).id}`))
      .body;
    expect(paidUp.lines.some((l: { kind: string }) => l.kind === "late_fee")).toBe(false);
  });

  it("is nobody else's business", async () => {
    const stranger = await signIn(env, await newMember(env, "company_admin"));
    const checks = await Promise.all([
      stranger.get("/api/v1/debts", { buildingId: f.buildingId }),
      stranger.get(`/api/v1/units/${f.units["C-01.01"]}/statement`),
      stranger.get("/api/v1/billing/dashboard", { buildingId: f.buildingId }),
    ]);
    expect(checks.map((r) => r.status)).toEqual([404, 404, 404]);
  });
});
