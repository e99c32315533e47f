import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildFeeRule, newMember, newUnit } from "../../../../../test/helpers/builders.js";
import { lineAmount, vatOf } from "../../../../../test/oracles/money.oracle.js";
import { tieredCharge } from "../../../../../test/oracles/tiers.oracle.js";
import { systemActor } from "../../../platform/authz/actor.js";
import type { TaskRun } from "../../../platform/context.js";
import { runFor, type TaskQueue } from "../../../platform/jobs/tasks.js";
import { createLogger } from "../../../platform/log/logger.js";
import {
  EVN_2025,
  env,
  invoiceOf,
  issueMonth,
  month,
  newTransactionId,
  notify,
  PERIOD,
  post,
  rows,
  runMonth,
  sepay,
  startBillingApp,
} from "../billing.fixture.js";
import { billingRunTask, executeRun } from "./runs.service.js";
import { runScheduledBilling } from "./schedule.js";

startBillingApp();

describe("the billing run", () => {
  it("drafts one notice per unit with lines computed as the billing math says", async () => {
    const m = await month("readings");
    const run = await runMonth(m);
    expect(run).toMatchObject({ status: "done", units: 3, created: 3, invoices: 3 });

    const a = await invoiceOf(m, "A-01.01");
    expect(a.status).toBe("draft");
    expect(a.billTo).toBe("Nguyễn Thị Hằng");
    const electricity = tieredCharge(250, EVN_2025);
    const water = tieredCharge(18, [
      { upTo: 4, price: 6700 },
      { upTo: 6, price: 12900 },
      { upTo: null, price: 14400 },
    ]);
    const expected = [
      { description: "Phí quản lý", amount: lineAmount("75.50", 12000), rate: 10 },
      ...electricity.lines.map((l) => ({
        description: `Tiền điện bậc ${l.band}`,
        amount: l.amount,
        rate: 8,
      })),
      { description: "Phí gửi xe máy", amount: 120000, rate: 10 },
      { description: "Phí gửi xe máy (xe thứ 2)", amount: 150000, rate: 10 },
      ...water.lines.map((l) => ({ description: `Tiền nước bậc ${l.band}`, amount: l.amount, rate: 5 })),
      { description: "Phí bảo vệ môi trường nước thải (10% tiền nước)", amount: 22540, rate: 0 },
    ];
    expect(electricity.amount).toBe(589600);
    expect(water.amount).toBe(225400);
    const got = a.lines.map((l: { description: string; amount: number; vatRate: number; vat: number }) => ({
      description: l.description,
      amount: l.amount,
      rate: l.vatRate,
      vat: l.vat,
    }));
    expect(got).toEqual(
      expect.arrayContaining(expected.map((e) => ({ ...e, vat: vatOf(e.amount, e.rate) }))),
    );
    expect(got).toHaveLength(expected.length);
    const subtotal = expected.reduce((s, e) => s + e.amount, 0);
    const vat = expected.reduce((s, e) => s + vatOf(e.amount, e.rate), 0);
    expect(a).toMatchObject({ subtotal, vatTotal: vat, total: subtotal + vat });
    expect(a.lines.filter((l: { onBehalf: boolean }) => l.onBehalf)).toHaveLength(
      electricity.lines.length + water.lines.length + 1,
    );

    // Handed over on 16/11: the shophouse pays 15 of November's 30 days.
    const c = await invoiceOf(m, "A-01.03");
    expect(c.lines).toEqual([
      expect.objectContaining({
        description: "Phí quản lý mặt bằng",
        days: 15,
        periodDays: 30,
        amount: 500000,
        vat: 50000,
      }),
    ]);
  });

  it("changes nothing when run again, and redrafts a draft after a corrected reading", async () => {
    const m = await month("drafted");
    const { admin, unitIds } = m;
    const again = await runMonth(m);
    expect(again).toMatchObject({ created: 0, redrafted: 0, invoices: 3 });
    const fixed = await admin.post("/api/v1/meter-readings", {
      unitId: unitIds["A-01.01"],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1240,
      readOn: "2026-11-30",
    });
    expect(fixed.status).toBe(201);
    const redone = await runMonth(m);
    expect(redone).toMatchObject({ created: 0, redrafted: 1, invoices: 3 });
    const a = await invoiceOf(m, "A-01.01");
    const kwh = a.lines
      .filter((l: { kind: string }) => l.kind === "electricity")
      .reduce((s: number, l: { quantity: string }) => s + Number(l.quantity), 0);
    expect(kwh).toBe(240);
  });

  it("run killed midway and run again leaves exactly one notice per unit", async () => {
    // A building of its own with two units, both billed: one unit per chunk, killed after the first chunk.
    const { companyId, buildingId } = await buildFeeRule(env);
    for (const code of ["K-01.01", "K-01.02"]) await newUnit(env, { companyId, buildingId, code });
    const requester = {
      companyId,
      actor: { ...systemActor, role: "company_admin" as const },
      lang: "vi" as const,
      requestId: "test",
    };
    const period = "2026-10";
    const run = runFor(env.db, env.app.platform, createLogger("silent"), requester);
    let calls = 0;
    // Call 1 opens the run, call 2 bills the first unit's chunk, call 3 (the second chunk) dies.
    const dying: TaskRun = (fn) => {
      calls += 1;
      if (calls === 3) throw new Error("killed");
      return run(fn);
    };
    await expect(executeRun(dying, { buildingId, period }, undefined, 1)).rejects.toThrow("killed");
    const partial = await rows<{ n: number }>(
      sql`select count(*)::int as n from invoices where company_id = ${companyId} and period = ${period}`,
    );
    expect(partial[0]?.n).toBe(1);
    const done = await executeRun(run, { buildingId, period }, undefined, 1);
    expect(done).toMatchObject({ status: "done", invoices: 2 });
    const perUnit = await rows<{ n: number }>(
      sql`select count(*)::int as n from invoices where company_id = ${companyId} and period = ${period} group by unit_id`,
    );
    expect(perUnit.map((r) => r.n)).toEqual([1, 1]);
  });
});

describe("scheduled work", () => {
  it("drafts last month for every building with fee rules on the 1st", async () => {
    const { companyId } = await month("rules");
    const report = await runScheduledBilling(env.db, env.app.platform, createLogger("silent"), "2026-12");
    // Other tests' buildings with fee rules are billed too: this one's drafts are what this test checks.
    expect(report).toMatchObject({ period: "2026-12", failed: 0 });
    expect(report.buildings).toBeGreaterThanOrEqual(1);
    const drafts = await rows<{ n: number }>(
      sql`select count(*)::int as n from invoices where company_id = ${companyId} and period = '2026-12' and status = 'draft'`,
    );
    expect(drafts[0]?.n).toBe(3);
  });
});

describe("corrections after issue", () => {
  it("drafts an adjustment notice instead of editing an issued one, and an issued credit note settles debt", async () => {
    // Issued after the reading of A-01.01 was corrected to 1240 (as the redraft test does), then paid by a
    // transfer with 100,000 đ too much (as the transfer test does).
    const m = await month("readings");
    const { buildingId, admin, accountant, unitIds } = m;
    await post(admin, "/meter-readings", {
      unitId: unitIds["A-01.01"],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1240,
      readOn: "2026-11-30",
    });
    await runMonth(m);
    await issueMonth(m);
    const owed = await invoiceOf(m, "A-01.01");
    await notify(sepay(newTransactionId(), owed.total + 100000, `${owed.code} thanh toan`, m.account));
    const before = await invoiceOf(m, "A-01.01");
    expect(before.status).toBe("paid");
    const fixed = await admin.post("/api/v1/meter-readings", {
      unitId: unitIds["A-01.01"],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1230,
      readOn: "2026-11-30",
    });
    expect(fixed.status).toBe(201);
    const run = await runMonth(m);
    expect(run).toMatchObject({ created: 0, redrafted: 0, changedAfterIssue: 1 });
    expect(await runMonth(m)).toMatchObject({ changedAfterIssue: 0 });

    const after = await invoiceOf(m, "A-01.01");
    expect(after).toMatchObject({ total: before.total, status: "paid" });
    const list = await accountant.get("/api/v1/invoices", { buildingId, period: PERIOD, q: "A-01.01" });
    const adjustment = list.body.items.find((i: { kind: string }) => i.kind === "adjustment");
    expect(adjustment).toMatchObject({ status: "draft", total: -(29980 + 2399) });
    const detail = (await accountant.get(`/api/v1/invoices/${adjustment.id}`)).body;
    expect(detail.lines).toEqual([
      expect.objectContaining({
        kind: "electricity",
        description: "Tiền điện bậc 4",
        amount: -29980,
        vat: -2399,
      }),
    ]);

    await issueMonth(m);
    const issued = (await accountant.get(`/api/v1/invoices/${adjustment.id}`)).body;
    expect(issued).toMatchObject({ status: "paid", number: expect.stringMatching(/\/000004$/) });
    const statement = (await accountant.get(`/api/v1/units/${unitIds["A-01.01"]}/statement`)).body;
    expect(statement.balance).toBe(-100000 - 32379);
  });
});

describe("a run queued by a manager, done by the worker", () => {
  /** What the worker does with a billing run a building manager of the building queued. */
  async function queuedByManager(change: { queuedWith: boolean; nowWith: boolean; status?: "disabled" }) {
    const { companyId, buildingId } = await buildFeeRule(env);
    await newUnit(env, { companyId, buildingId, code: "M-01.01" });
    const manager = await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] });
    const queuedAs = {
      ...systemActor,
      accountId: manager.accountId,
      membershipId: manager.membershipId,
      role: "building_manager" as const,
      buildingIds: change.queuedWith ? [buildingId] : [],
    };
    await env.db.owner.execute(
      sql`update memberships set building_ids = ${change.nowWith ? `{${buildingId}}` : "{}"}::uuid[],
                                 status = ${change.status ?? "active"}
           where company_id = ${companyId} and id = ${manager.membershipId}`,
    );
    // The run's row as the manager's request opened it, before the worker takes the job.
    await env.db.owner.execute(
      sql`insert into billing_runs (company_id, building_id, period, started_by)
          values (${companyId}, ${buildingId}, '2026-09', ${manager.accountId})`,
    );
    const result = await (env.app.platform.tasks as TaskQueue).perform(
      env.db,
      env.app.platform,
      createLogger("silent"),
      billingRunTask,
      { companyId, actor: queuedAs, lang: "vi", requestId: "test", data: { buildingId, period: "2026-09" } },
    );
    const refusals = await rows<{ changes: unknown; actor_account_id: string }>(
      sql`select changes, actor_account_id from audit_log
           where company_id = ${companyId} and action = 'task.refused'`,
    );
    const invoices = await rows<{ n: number }>(
      sql`select count(*)::int as n from invoices where company_id = ${companyId}`,
    );
    const [run] = await rows<{ status: string }>(
      sql`select status from billing_runs where company_id = ${companyId} and period = '2026-09'`,
    );
    return { result, refusals, invoices: invoices[0]?.n, manager, runStatus: run?.status };
  }

  it("is refused and recorded once the manager no longer manages the building", async () => {
    const { result, refusals, invoices, manager, runStatus } = await queuedByManager({
      queuedWith: true,
      nowWith: false,
    });
    expect(result).toEqual({ refused: "NOT_FOUND" });
    // Not left "running" for ever: the console offers to run it again.
    expect(runStatus).toBe("failed");
    expect(refusals).toEqual([
      { changes: { task: "billing.run", reason: "NOT_FOUND" }, actor_account_id: manager.accountId },
    ]);
    expect(invoices).toBe(0);
  });

  it("is refused and recorded once the manager's membership is disabled", async () => {
    const { result, refusals, invoices } = await queuedByManager({
      queuedWith: true,
      nowWith: true,
      status: "disabled",
    });
    expect(result).toEqual({ refused: "MEMBERSHIP_INACTIVE" });
    expect(refusals.map((r) => r.changes)).toEqual([{ task: "billing.run", reason: "MEMBERSHIP_INACTIVE" }]);
    expect(invoices).toBe(0);
  });

  it("runs with the buildings the manager has now, not those they had when queuing", async () => {
    const { result, refusals, invoices } = await queuedByManager({ queuedWith: false, nowWith: true });
    expect(result).toMatchObject({ status: "done", invoices: 1 });
    expect(refusals).toEqual([]);
    expect(invoices).toBe(1);
  });
});
