import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_MASTER_KEY, type TestEnv } from "../../../../test/helpers/app.js";
import { buildFeeRule, newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { lineAmount, vatOf } from "../../../../test/oracles/money.oracle.js";
import { tieredCharge } from "../../../../test/oracles/tiers.oracle.js";
import { systemActor } from "../../platform/authz/actor.js";
import type { TaskRun } from "../../platform/context.js";
import { runFor, type TaskQueue } from "../../platform/jobs/tasks.js";
import { createLogger } from "../../platform/log/logger.js";
import { decodeVietQr } from "./core/vietqr.js";
import { SandboxBankFeed, signBankFeed } from "./payments/bank-feed/sepay.js";
import { reconcileBankFeed } from "./payments/reconcile.js";
import { billingRunTask, executeRun } from "./runs/runs.service.js";
import { runScheduledBilling } from "./runs/schedule.js";

/**
 * A month for a building, end to end: fee rules → readings → run → issue → QR → bank transfer → paid. Each test
 * brings its own company and building to the stage it starts from (`month()`), so the tests hold in any order.
 */
let env: TestEnv;
const HMAC_SECRET = "test-hmac-secret-0123456789";
/** Configured beside the HMAC secret, which turns it off: the feed must sign. */
const FEED_API_KEY = "test-bank-feed-key-0123456789";
const PERIOD = "2026-11";

const EVN_2025 = [1984, 2050, 2380, 2998, 3350, 3460].map((price, i) => ({
  upTo: [50, 100, 200, 300, 400, null][i] ?? null,
  price,
}));

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await env.db.owner.execute(query)) as unknown as { rows: T[] }).rows;
}

function post(client: Client, path: string, body: unknown, status = 201) {
  return client.post(`/api/v1${path}`, body).then((r) => {
    if (r.status !== status) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  });
}

/** A test's own company and building (see `month()`). */
type Month = {
  companyId: string;
  buildingId: string;
  /** The building's bank account, its own so that the bank feed routes its transfers to this company. */
  account: string;
  admin: Client;
  accountant: Client;
  unitIds: Record<string, string>;
};

/** Runs the month to the end through the background task and returns the finished run. */
async function runMonth({ buildingId, accountant }: Month) {
  const client = accountant;
  const started = await post(client, "/billing-runs", { buildingId, period: PERIOD }, 202);
  let run = started;
  await expect
    .poll(
      async () => {
        run = (await client.get(`/api/v1/billing-runs/${started.id}`)).body;
        return run.status;
      },
      { timeout: 30_000 },
    )
    .toBe("done");
  return run;
}

async function invoiceOf({ buildingId, accountant: client }: Month, code: string) {
  const list = await client.get("/api/v1/invoices", { buildingId, period: PERIOD, q: code });
  // The unit's notice itself, not an adjustment of it (the list does not order a unit's two notices).
  const id = (list.body.items.find((i: { kind: string }) => i.kind !== "adjustment") ?? list.body.items[0])
    ?.id as string;
  return (await client.get(`/api/v1/invoices/${id}`)).body;
}

/** Bank transaction ids, new for each transfer of the file: the feed is idempotent by this id. */
let lastTransactionId = 5000;
const newTransactionId = () => ++lastTransactionId;

function sepay(id: number, amount: number, content: string, accountNumber = "0011001234567") {
  return {
    id,
    gateway: "Vietcombank",
    transactionDate: "2026-12-02 09:15:00",
    accountNumber,
    subAccount: null,
    code: null,
    content,
    transferType: "in",
    transferAmount: amount,
    accumulated: 0,
    referenceCode: `FT${id}`,
    description: "",
  };
}

/** Posts a transaction as the feed does: signed with the HMAC secret, unless other headers are given. */
function notify(body: unknown, headers?: Record<string, string>) {
  const payload = JSON.stringify(body);
  return env.app.inject({
    method: "POST",
    url: "/api/v1/bank-feed/sepay",
    headers: {
      "content-type": "application/json",
      ...(headers ?? signBankFeed(payload, HMAC_SECRET, Math.floor(Date.now() / 1000))),
    },
    payload,
  });
}

beforeAll(async () => {
  env = await startTestApp({
    jobs: true,
    signInPerMinute: 1000,
    // Every test sets up its own building through the API: more requests a minute than one client is allowed.
    rateLimitPerMinute: 100_000,
    bankFeed: { apiKey: FEED_API_KEY, hmacSecret: HMAC_SECRET },
  });
});

/**
 * A company of the test's own with its admin and accountant signed in and building "Chung cư Sông Hồng": units
 * A-01.01 (75.5 m², owner Nguyễn Thị Hằng with two motorbikes), A-01.02 (100 m²) and shophouse A-01.03 (50 m²,
 * handed over on 16/11).
 */
async function newMonth(): Promise<Month> {
  const owner = await newMember(env, "company_admin");
  const companyId = owner.companyId;
  const admin = await signIn(env, owner);
  const buildingId = (
    await post(admin, "/buildings", {
      name: "Chung cư Sông Hồng",
      address: "12 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
      blocks: [{ name: "A", floors: 5 }],
    })
  ).id as string;
  const accountant = await signIn(
    env,
    await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
  );
  const unitIds: Record<string, string> = {};
  for (const [code, areaM2, type, handoverDate] of [
    ["A-01.01", 75.5, "apartment", "2020-01-01"],
    ["A-01.02", 100, "apartment", "2020-01-01"],
    ["A-01.03", 50, "shophouse", "2026-11-16"],
  ] as const) {
    const unit = await post(admin, "/units", {
      buildingId,
      code,
      block: "A",
      floor: 1,
      areaM2,
      type,
      status: "occupied",
      handoverDate,
    });
    unitIds[code] = unit.id;
  }
  await post(admin, `/units/${unitIds["A-01.01"]}/household`, {
    role: "owner",
    fullName: "Nguyễn Thị Hằng",
    phone: "0912345678",
  });
  const household = (await admin.get(`/api/v1/units/${unitIds["A-01.01"]}/household`)).body;
  const residentId = household.members[0].resident.id as string;
  for (const plate of ["29-X1 111.11", "29-X1 222.22"]) {
    await post(admin, `/units/${unitIds["A-01.01"]}/vehicles`, {
      residentId,
      type: "motorbike",
      plate,
      activeFrom: "2026-01-01",
    });
  }
  const account = `00${randomInt(10 ** 9, 10 ** 10)}`;
  return { companyId, buildingId, account, admin, accountant, unitIds };
}

/**
 * The building's billing settings (fee frame 5,000–16,500 đ/m², due in 10 days), bank account and fee rules:
 * management fees of apartments and shophouses, motorbikes (a second one dearer), electricity and water.
 * @returns the created rules as the API answered them
 */
async function addRules({ admin, buildingId, account }: Month) {
  await admin.put(`/api/v1/buildings/${buildingId}/billing-settings`, {
    feeFrameMin: 5000,
    feeFrameMax: 16500,
    dueDays: 10,
  });
  await post(admin, "/bank-accounts", {
    buildingId,
    bankBin: "970436",
    accountNumber: account,
    accountName: "CONG TY QUAN LY SONG HONG",
  });
  const rules = [
    { kind: "area", name: "Phí quản lý", unitType: "apartment", price: 12000, vatRate: 10 },
    { kind: "area", name: "Phí quản lý mặt bằng", unitType: "shophouse", price: 20000, vatRate: 10 },
    {
      kind: "vehicle",
      name: "Phí gửi xe máy",
      vehicleType: "motorbike",
      price: 120000,
      priceNext: 150000,
      vatRate: 10,
    },
    { kind: "electricity", name: "Tiền điện", tariffCode: "evn-household", vatRate: 8, onBehalf: true },
    {
      kind: "water",
      name: "Tiền nước",
      tariffCode: "hcmc-water-household",
      vatRate: 5,
      onBehalf: true,
      surchargePercent: 10,
      surchargeName: "Phí bảo vệ môi trường nước thải",
    },
  ];
  const created = [];
  for (const rule of rules)
    created.push(await post(admin, "/fee-rules", { buildingId, validFrom: "2025-01-01", ...rule }));
  return created;
}

/** November's readings of A-01.01: 250 kWh of electricity (1000 → 1250) and 18 m³ of water (100 → 118). */
async function addReadings({ admin, unitIds }: Month) {
  for (const [kind, previous, reading] of [
    ["electricity", 1000, 1250],
    ["water", 100, 118],
  ] as const)
    await post(admin, "/meter-readings", {
      unitId: unitIds["A-01.01"],
      kind,
      period: PERIOD,
      previous,
      reading,
      readOn: "2026-11-30",
    });
}

const STAGES = ["units", "rules", "readings", "drafted", "issued"] as const;

/**
 * A month of the test's own, brought to `stage`: the units (`newMonth()`), then their fee rules
 * (`addRules()`), November's readings (`addReadings()`), the notices drafted by a run, then issued.
 */
async function month(stage: (typeof STAGES)[number]): Promise<Month> {
  const m = await newMonth();
  const upTo = STAGES.indexOf(stage);
  if (upTo >= 1) await addRules(m);
  if (upTo >= 2) await addReadings(m);
  if (upTo >= 3) await runMonth(m);
  if (upTo >= 4)
    await post(m.accountant, "/invoices/issue", { buildingId: m.buildingId, period: PERIOD }, 200);
  return m;
}

describe("fee rules, bank account and readings", () => {
  it("refuses what is wrong, warns about a fee outside the province's frame", async () => {
    const m = await month("units");
    const { companyId, buildingId, admin, unitIds } = m;
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId, unitIds: [unitIds["A-01.01"] as string] }),
    );
    expect((await resident.get("/api/v1/fee-rules", { buildingId })).status).toBe(403);
    const bad = await admin.post("/api/v1/fee-rules", {
      buildingId,
      kind: "vehicle",
      name: "Gửi xe máy",
      validFrom: "2026-01-01",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(
      expect.arrayContaining(["price", "vehicleType"]),
    );

    const created = await addRules(m);
    expect(created[0].warnings).toEqual([]);
    expect(created[1].warnings[0].code).toBe("FEE_OUTSIDE_FRAME");
    expect(created[1].warnings[0].message).toContain("khung giá");
  });

  it("records readings, refusing one below the previous, and lists the units still to read", async () => {
    const { buildingId, admin, unitIds } = await month("rules");
    const reading = (unit: string, kind: string, previous: number, value: number) =>
      admin.post("/api/v1/meter-readings", {
        unitId: unitIds[unit],
        kind,
        period: PERIOD,
        previous,
        reading: value,
        readOn: "2026-11-30",
      });
    const lower = await reading("A-01.01", "electricity", 1000, 900);
    expect(lower.status).toBe(422);
    expect(lower.body.error.code).toBe("READING_BELOW_PREVIOUS");
    expect((await reading("A-01.01", "electricity", 1000, 1250)).status).toBe(201);
    expect((await reading("A-01.01", "water", 100, 118)).status).toBe(201);
    const missing = await admin.get(`/api/v1/buildings/${buildingId}/missing-readings`, { period: PERIOD });
    expect(
      missing.body.items.map((m: { unitCode: string; kind: string }) => `${m.unitCode} ${m.kind}`),
    ).toEqual(["A-01.02 electricity", "A-01.02 water", "A-01.03 electricity", "A-01.03 water"]);
  });
});

describe("previewing a rule change", () => {
  it("shows what next month's notices would become, saving nothing", async () => {
    const { buildingId, admin } = await month("readings");
    const rules = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items;
    const fee = rules.find((r: { name: string }) => r.name === "Phí quản lý");
    const { id, warnings, ...body } = fee;
    const preview = await post(
      admin,
      "/fee-rules/preview",
      { rule: { ...body, price: 13000 }, replaces: id },
      200,
    );
    expect(preview).toMatchObject({ units: 3, changedUnits: 2, warnings: [] });
    expect(preview.sample).toEqual([
      { unitCode: "A-01.02", before: expect.any(Number), after: expect.any(Number) },
      { unitCode: "A-01.01", before: expect.any(Number), after: expect.any(Number) },
    ]);
    expect(preview.sample[0].after - preview.sample[0].before).toBe(110000);
    expect(preview.sample[1].after - preview.sample[1].before).toBe(83050);
    expect(preview.totalAfter - preview.totalBefore).toBe(193050);
    const unchanged = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items;
    expect(unchanged.find((r: { id: string }) => r.id === id).price).toBe(12000);
  });
});

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
    return { result, refusals, invoices: invoices[0]?.n, manager };
  }

  it("is refused and recorded once the manager no longer manages the building", async () => {
    const { result, refusals, invoices, manager } = await queuedByManager({
      queuedWith: true,
      nowWith: false,
    });
    expect(result).toEqual({ refused: "NOT_FOUND" });
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

describe("issue, pay by transfer, cash, unmatched", () => {
  it("issues gap-free numbers in unit order with a VietQR for the balance and a PDF", async () => {
    const m = await month("drafted");
    const { buildingId, accountant } = m;
    const issued = await post(accountant, "/invoices/issue", { buildingId, period: PERIOD }, 200);
    expect(issued).toEqual({ issued: 3, firstNumber: expect.stringMatching(/^\d{4}\/000001$/) });
    const list = await accountant.get("/api/v1/invoices", { buildingId, period: PERIOD });
    expect(
      list.body.items.map((i: { unitCode: string; number: string }) => [i.unitCode, i.number.slice(5)]),
    ).toEqual([
      ["A-01.01", "000001"],
      ["A-01.02", "000002"],
      ["A-01.03", "000003"],
    ]);
    const a = await invoiceOf(m, "A-01.01");
    const qr = decodeVietQr(a.transfer.qrPayload);
    expect(qr).toMatchObject({
      bankBin: "970436",
      account: m.account,
      amount: a.total,
      purpose: a.code,
      kind: "dynamic",
    });
    const pdf = await accountant.get(`/api/v1/invoices/${a.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
  });

  it("the resident sees only their unit's notices", async () => {
    const { companyId, buildingId, accountant, unitIds } = await month("issued");
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId, unitIds: [unitIds["A-01.01"] as string] }),
    );
    const mine = await resident.get("/api/v1/invoices");
    expect(mine.body.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(["A-01.01"]);
    const other = (await accountant.get("/api/v1/invoices", { buildingId, q: "A-01.02" })).body.items[0];
    expect((await resident.get(`/api/v1/invoices/${other.id}`)).status).toBe(404);
    expect((await resident.get(`/api/v1/invoices/${other.id}/pdf`)).status).toBe(404);
  });

  it("credits a transfer once however often the bank feed repeats it, partial then over-payment", {
    timeout: 90_000,
  }, async () => {
    const m = await month("issued");
    const a = await invoiceOf(m, "A-01.01");
    const mangled = `CT DEN:0123 NGUYEN THI HANG chuyen tien ${a.code.slice(0, 4).toLowerCase()} ${a.code.slice(4)} phi thang 11`;
    // The feed delivers the same transaction 1,000 times, 50 at a time.
    const statuses: number[] = [];
    const transactionId = newTransactionId();
    for (let batch = 0; batch < 20; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => notify(sepay(transactionId, 500000, mangled, m.account))),
      );
      statuses.push(...replies.map((r) => r.statusCode));
      expect(replies[0]?.json()).toEqual({ success: true });
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(1000);
    const partly = await invoiceOf(m, "A-01.01");
    expect(partly).toMatchObject({ status: "partially_paid", paid: 500000, balance: a.total - 500000 });
    expect(decodeVietQr(partly.transfer.qrPayload).amount).toBe(a.total - 500000);

    await notify(sepay(newTransactionId(), a.total - 500000 + 100000, `${a.code} thanh toan`, m.account));
    const paid = await invoiceOf(m, "A-01.01");
    expect(paid).toMatchObject({ status: "paid", paid: a.total, balance: 0, transfer: null });
    const payments = await rows<{ n: number; credit: string }>(
      sql`select count(*)::int as n, sum(p.amount) - (select sum(amount) from payment_allocations where company_id = ${m.companyId}) as credit
            from payments p where p.company_id = ${m.companyId}`,
    );
    expect(payments[0]).toMatchObject({ n: 2 });
    expect(Number(payments[0]?.credit)).toBe(100000);
  });

  it("authenticates the feed by HMAC over timestamp and body, refusing stale or wrong signatures", async () => {
    const body = JSON.stringify(sepay(newTransactionId(), 1000, "khong co ma"));
    const now = Math.floor(Date.now() / 1000);
    const send = (headers: Record<string, string>) =>
      env.app.inject({
        method: "POST",
        url: "/api/v1/bank-feed/sepay",
        headers: { "content-type": "application/json", ...headers },
        payload: body,
      });
    expect((await send(signBankFeed(body, HMAC_SECRET, now - 600))).statusCode).toBe(401);
    expect((await send(signBankFeed(body, "another-secret-0123456789", now))).statusCode).toBe(401);
    expect((await notify(JSON.parse(body), { authorization: "Apikey wrong-key" })).statusCode).toBe(401);
    // The configured key itself is refused while an HMAC secret is configured.
    const keyed = await notify(JSON.parse(body), { authorization: `Apikey ${FEED_API_KEY}` });
    expect(keyed.statusCode).toBe(401);
    expect(keyed.json().error.details).toEqual({ reason: "HMAC_REQUIRED" });
    const ok = await send(signBankFeed(body, HMAC_SECRET, now));
    expect(ok.statusCode).toBe(200);
  });

  it("keeps unmatched transfers for an accountant to match by hand", async () => {
    const m = await month("issued");
    const { accountant } = m;
    // A transfer of this test's own, whose memo names no notice: it waits in the queue, whatever else is there.
    expect(
      (await notify(sepay(newTransactionId(), 1000, "chuyen tien phi dich vu", m.account))).statusCode,
    ).toBe(200);
    const queue = await accountant.get("/api/v1/bank-transfers", { status: "unmatched", pageSize: 100 });
    const mine = queue.body.items.filter((t: { memo: string }) => t.memo === "chuyen tien phi dich vu");
    expect(mine).toHaveLength(1);
    const b = await invoiceOf(m, "A-01.02");
    const matched = await accountant.post(`/api/v1/bank-transfers/${mine[0].id}/match`, {
      invoiceId: b.id,
    });
    expect(matched.status).toBe(200);
    expect((await invoiceOf(m, "A-01.02")).paid).toBe(b.paid + 1000);
    const twice = await accountant.post(`/api/v1/bank-transfers/${mine[0].id}/match`, {
      invoiceId: b.id,
    });
    expect(twice.body.error.code).toBe("TRANSFER_ALREADY_MATCHED");
  });

  it("takes cash at the office with a numbered receipt", async () => {
    const m = await month("issued");
    const { accountant } = m;
    const c = await invoiceOf(m, "A-01.03");
    const cash = await post(accountant, "/payments/cash", { invoiceId: c.id, amount: c.total });
    expect(cash).toMatchObject({
      method: "cash",
      allocated: c.total,
      credit: 0,
      receiptNumber: expect.stringMatching(/^PT\d{4}\/000001$/),
    });
    expect((await invoiceOf(m, "A-01.03")).status).toBe("paid");
  });

  it("writes one audit entry per run and per issue, not one per notice", async () => {
    const m = await month("issued");
    const { companyId, buildingId } = m;
    const runEntries = () =>
      rows<{ n: number; count: number }>(
        sql`select count(*)::int as n, max((changes->>'count')::int) as count from audit_log
             where company_id = ${companyId} and action = 'billing.run'`,
      );
    const [before] = await runEntries();
    await runMonth(m);
    const [after] = await runEntries();
    // One more run, one more entry, covering the month's notices (not one entry per notice).
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
    expect(after?.count).toBeGreaterThanOrEqual(3);
    // Every issued notice of the building is covered by an issue entry, and there are fewer entries than notices.
    const [issue] = await rows<{ n: number; covered: number; issued: number }>(
      sql`select count(*)::int as n, coalesce(sum((changes->>'count')::int), 0)::int as covered,
                 (select count(*)::int from invoices where company_id = ${companyId} and building_id = ${buildingId}
                     and number is not null) as issued
            from audit_log where company_id = ${companyId} and action = 'invoice.issue' and entity_id = ${buildingId}`,
    );
    expect(issue?.covered).toBe(issue?.issued);
    expect(issue?.n).toBeLessThan(issue?.issued ?? 0);
  });
});

describe("another company", () => {
  it("cannot see or touch any of this building's billing", async () => {
    const m = await month("issued");
    const { companyId, buildingId, admin, unitIds } = m;
    // A transfer waiting in this company's queue.
    expect((await notify(sepay(newTransactionId(), 1000, "chuyen khoan", m.account))).statusCode).toBe(200);
    const stranger = await signIn(env, await newMember(env, "company_admin"));
    const a = await invoiceOf(m, "A-01.01");
    const rule = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items[0];
    const run = await rows<{ id: string }>(
      sql`select id from billing_runs where company_id = ${companyId} limit 1`,
    );
    const transfer = await rows<{ id: string }>(
      sql`select id from bank_transfers where company_id = ${companyId} limit 1`,
    );
    const checks = await Promise.all([
      stranger.get(`/api/v1/invoices/${a.id}`),
      stranger.get(`/api/v1/invoices/${a.id}/pdf`),
      stranger.get("/api/v1/invoices", { buildingId }),
      stranger.get("/api/v1/fee-rules", { buildingId }),
      stranger.put(`/api/v1/fee-rules/${rule.id}`, { ...rule, warnings: undefined, id: undefined, price: 1 }),
      stranger.delete(`/api/v1/fee-rules/${rule.id}`),
      stranger.get(`/api/v1/billing-runs/${run[0]?.id}`),
      stranger.post("/api/v1/billing-runs", { buildingId, period: PERIOD }),
      stranger.post("/api/v1/invoices/issue", { buildingId, period: PERIOD }),
      stranger.get("/api/v1/bank-accounts", { buildingId }),
      stranger.get(`/api/v1/buildings/${buildingId}/billing-settings`),
      stranger.post("/api/v1/payments/cash", { invoiceId: a.id, amount: 1000 }),
      stranger.post(`/api/v1/bank-transfers/${transfer[0]?.id}/match`, { invoiceId: a.id }),
      stranger.post("/api/v1/meter-readings", {
        unitId: unitIds["A-01.01"],
        kind: "water",
        period: PERIOD,
        reading: 1,
        readOn: "2026-11-30",
      }),
    ]);
    expect(checks.map((r, i) => `${i}:${r.status}`)).toEqual(checks.map((_, i) => `${i}:404`));
    expect((await stranger.get("/api/v1/bank-transfers")).body.items).toEqual([]);
    expect(TEST_MASTER_KEY).toBeTruthy();
  });
});

describe("scheduled work", () => {
  it("picks up a transfer the webhook missed when it re-pulls the bank feed, once", async () => {
    const m = await month("issued");
    const b = await invoiceOf(m, "A-01.02");
    const feed = new SandboxBankFeed();
    feed.push({
      accountNumber: m.account,
      amount: b.balance,
      memo: `TT ${b.code}`,
      occurredAt: new Date(),
    });
    feed.push({
      accountNumber: "9999999999",
      amount: 5000,
      memo: "someone else's account",
      occurredAt: new Date(),
    });
    const first = await reconcileBankFeed(env.db, env.app.platform, feed);
    expect(first).toEqual({ seen: 2, matched: 1, unrouted: 1 });
    expect((await invoiceOf(m, "A-01.02")).status).toBe("paid");
    // Both were stored the first time: the unrouted one waits in the platform's queue, once.
    expect(await reconcileBankFeed(env.db, env.app.platform, feed)).toEqual({ seen: 2, duplicate: 2 });
  });

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
    await post(accountant, "/invoices/issue", { buildingId, period: PERIOD }, 200);
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

    await post(accountant, "/invoices/issue", { buildingId, period: PERIOD }, 200);
    const issued = (await accountant.get(`/api/v1/invoices/${adjustment.id}`)).body;
    expect(issued).toMatchObject({ status: "paid", number: expect.stringMatching(/\/000004$/) });
    const statement = (await accountant.get(`/api/v1/units/${unitIds["A-01.01"]}/statement`)).body;
    expect(statement.balance).toBe(-100000 - 32379);
  });
});
