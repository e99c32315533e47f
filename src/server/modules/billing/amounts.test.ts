import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { issueReviewed } from "../../../../test/helpers/issue.js";

/**
 * Money has a documented range (10^12 đ per price and per payment) and every sum that reaches a response is
 * exact. Expected figures are computed by hand below, in đồng.
 */
let env: TestEnv;
const PERIOD = "2026-11";
const MAX = 1_000_000_000_000; // 10^12 đ
const T = 1_000_000_000_000;

function post(client: Client, path: string, body: unknown, status = 201) {
  return client.post(`/api/v1${path}`, body).then((r) => {
    if (r.status !== status) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  });
}

const fixed = (buildingId: string, name: string, price: number, vatRate = 10) => ({
  buildingId,
  kind: "fixed",
  name,
  price,
  vatRate,
  validFrom: "2025-01-01",
});

beforeAll(async () => {
  env = await startTestApp({ jobs: true, signInPerMinute: 1000 });
});

type Building = { admin: Client; buildingId: string; unitIds: string[] };

/** A company of the test's own with a building of three 100 m² apartments, and its admin signed in. */
async function building(): Promise<Building> {
  const admin = await signIn(env, await newMember(env, "company_admin"));
  const buildingId = (
    await post(admin, "/buildings", {
      name: "Tòa Tỷ Đô",
      address: "1 Lê Duẩn, Quận 1, TP. Hồ Chí Minh",
      blocks: [{ name: "A", floors: 2 }],
    })
  ).id as string;
  const unitIds: string[] = [];
  for (const code of ["A-01.01", "A-01.02", "A-01.03"]) {
    const unit = await post(admin, "/units", {
      buildingId,
      code,
      block: "A",
      floor: 1,
      areaM2: 100,
      type: "apartment",
      status: "occupied",
      handoverDate: "2020-01-01",
    });
    unitIds.push(unit.id);
  }
  return { admin, buildingId, unitIds };
}

/** Four fixed fees at the maximum (10 % VAT) and a management fee whose line is exactly the maximum. */
async function addRules({ admin, buildingId }: Building) {
  for (let i = 1; i <= 4; i++) await post(admin, "/fee-rules", fixed(buildingId, `Phí cố định ${i}`, MAX));
  await post(admin, "/fee-rules", {
    buildingId,
    kind: "area",
    name: "Phí quản lý",
    unitType: "apartment",
    price: 10_000_000_000, // 10^10 đ/m² × 100 m² = 10^12 đ
    vatRate: 0,
    validFrom: "2025-01-01",
  });
}

/** `building()` with `addRules()`. */
async function billedBuilding() {
  const b = await building();
  await addRules(b);
  return b;
}

/** Runs the month through the background task and issues its notices; returns the finished run. */
async function runAndIssue({ admin, buildingId }: Building) {
  const started = await post(admin, "/billing-runs", { buildingId, period: PERIOD }, 202);
  let run = started;
  await expect
    .poll(
      async () => {
        run = (await admin.get(`/api/v1/billing-runs/${started.id}`)).body;
        return run.status;
      },
      { timeout: 30_000 },
    )
    .toBe("done");
  const issued = (await issueReviewed(admin, buildingId, PERIOD)).body;
  return { run, issued };
}

/** The first unit's notice of the month (issued by `runAndIssue()`). */
async function firstNotice({ admin, buildingId, unitIds }: Building) {
  const list = await admin.get("/api/v1/invoices", { buildingId, period: PERIOD, unitId: unitIds[0] });
  return list.body.items[0].id as string;
}

describe("the range of money inputs", () => {
  it("accepts 10^12 đ and refuses one đồng more, naming the field and the maximum", async () => {
    const b = await building();
    const { admin, buildingId } = b;
    for (const body of [
      fixed(buildingId, "Quá lớn", MAX + 1),
      { ...fixed(buildingId, "Xe", 1000), kind: "vehicle", vehicleType: "car", priceNext: MAX + 1 },
    ]) {
      const refused = await admin.post("/api/v1/fee-rules", body);
      expect(refused.status).toBe(400);
      const fields = refused.body.error.details.fields;
      expect(Object.values(fields).join(" ")).toContain("1.000.000.000.000");
    }
    const settings = await admin.put(`/api/v1/buildings/${buildingId}/billing-settings`, {
      feeFrameMin: 0,
      feeFrameMax: MAX + 1,
      dueDays: 10,
    });
    expect(settings.status).toBe(400);
    expect(settings.body.error.details.fields).toHaveProperty("feeFrameMax");
    // Four fixed fees at the maximum (10 % VAT) and a management fee whose line is exactly the maximum.
    await addRules(b);
  });

  it("refuses, in the preview, a rule whose line would pass the maximum, instead of failing later", async () => {
    const { admin, buildingId } = await billedBuilding();
    const preview = await admin.post("/api/v1/fee-rules/preview", {
      rule: { ...fixed(buildingId, "Phí quản lý khủng", MAX, 0), kind: "area", unitType: "apartment" },
    });
    expect(preview.status).toBe(422);
    expect(preview.body.error.code).toBe("LINE_AMOUNT_TOO_LARGE");
  });

  it("previews sums of many lines near the maximum exactly", async () => {
    const { admin, buildingId } = await billedBuilding();
    // Per unit now: 4 × (10^12 + 10^11 VAT) + 10^12 = 5.4 × 10^12; three units: 16.2 × 10^12.
    const preview = await admin.post("/api/v1/fee-rules/preview", {
      rule: fixed(buildingId, "Thêm một khoản", MAX),
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      units: 3,
      changedUnits: 3,
      totalBefore: 16.2 * T,
      totalAfter: 16.2 * T + 3 * 1.1 * T,
    });
    expect(preview.body.sample[0]).toMatchObject({ before: 5.4 * T, after: 6.5 * T });
  });
});

describe("sums that reach lists, statements and the dashboard", () => {
  it("runs, issues and lists notices of trillions of đồng without an error", {
    timeout: 60_000,
  }, async () => {
    const b = await billedBuilding();
    const { admin, buildingId } = b;
    const { run, issued } = await runAndIssue(b);
    expect(run.total).toBe(16.2 * T);
    expect(issued.issued).toBe(3);
    const list = await admin.get("/api/v1/invoices", { buildingId, period: PERIOD });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { total: number }) => i.total)).toEqual([5.4 * T, 5.4 * T, 5.4 * T]);
  });

  it("takes cash up to 10^12 đ, refuses more, and asks before taking far more than is owed", {
    timeout: 60_000,
  }, async () => {
    const b = await billedBuilding();
    const { admin } = b;
    await runAndIssue(b);
    const invoiceId = await firstNotice(b);
    const over = await admin.post("/api/v1/payments/cash", { invoiceId, amount: MAX + 1 });
    expect(over.status).toBe(400);
    expect(Object.values(over.body.error.details.fields).join(" ")).toContain("1.000.000.000.000");
    for (let i = 0; i < 5; i++) await post(admin, "/payments/cash", { invoiceId, amount: MAX });
    // Owed now: 0.4 × 10^12. Another 10^12 is 0.6 × 10^12 more than owed: asked to confirm.
    const unconfirmed = await admin.post("/api/v1/payments/cash", { invoiceId, amount: MAX });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error).toMatchObject({
      code: "OVERPAYMENT_UNCONFIRMED",
      details: { owed: 0.4 * T, amount: MAX },
    });
    // A small overpayment (within the margin) needs no confirmation.
    const small = await admin.post("/api/v1/payments/cash", { invoiceId, amount: 0.4 * T + 1000 });
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({ allocated: 0.4 * T, credit: 1000 });
    const confirmed = await admin.post("/api/v1/payments/cash", {
      invoiceId,
      amount: MAX,
      confirmOverpayment: true,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ allocated: 0, credit: MAX });
  });

  it("states a unit's account and the building's debts to the đồng", { timeout: 60_000 }, async () => {
    const b = await billedBuilding();
    const { admin, buildingId, unitIds } = b;
    await runAndIssue(b);
    // The first unit's payments, as the cash test makes them: 5 × 10^12, then 0.4 × 10^12 + 1000, then a
    // confirmed 10^12.
    const invoiceId = await firstNotice(b);
    for (let i = 0; i < 5; i++) await post(admin, "/payments/cash", { invoiceId, amount: MAX });
    await post(admin, "/payments/cash", { invoiceId, amount: 0.4 * T + 1000 });
    await post(admin, "/payments/cash", { invoiceId, amount: MAX, confirmOverpayment: true });
    const statement = await admin.get(`/api/v1/units/${unitIds[0]}/statement`);
    expect(statement.status).toBe(200);
    // Billed 5.4 × 10^12; paid 5 × 10^12 + (0.4 × 10^12 + 1000) + 10^12 = 6.4 × 10^12 + 1000.
    expect(statement.body.balance).toBe(5.4 * T - (6.4 * T + 1000));
    expect(statement.body.lines.map((l: { balance: number }) => l.balance)).toEqual([
      5.4 * T,
      4.4 * T,
      3.4 * T,
      2.4 * T,
      1.4 * T,
      0.4 * T,
      -1000,
      -1000 - T,
    ]);
    const debts = await admin.get("/api/v1/debts", { buildingId });
    expect(debts.status).toBe(200);
    expect(debts.body.totals.balance).toBe(2 * 5.4 * T);
    const dashboard = await admin.get("/api/v1/billing/dashboard", { buildingId });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.months).toEqual([
      { period: PERIOD, billed: 16.2 * T, collected: 5.4 * T, notices: 3 },
    ]);
    expect(dashboard.body.outstanding).toBe(10.8 * T);
  });
});
