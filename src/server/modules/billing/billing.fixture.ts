import { randomInt } from "node:crypto";
import type { sql } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { issueReviewed } from "../../../../test/helpers/issue.js";
import { signBankFeed } from "./payments/bank-feed/sepay.js";

/**
 * A month for a building, end to end: fee rules → readings → run → issue → QR → bank transfer → paid. Each test
 * brings its own company and building to the stage it starts from (`month()`), so the tests hold in any order.
 */
export let env: TestEnv;
export const HMAC_SECRET = "test-hmac-secret-0123456789";
/** Configured beside the HMAC secret, which turns it off: the feed must sign. */
export const FEED_API_KEY = "test-bank-feed-key-0123456789";
export const PERIOD = "2026-11";

export const EVN_2025 = [1984, 2050, 2380, 2998, 3350, 3460].map((price, i) => ({
  upTo: [50, 100, 200, 300, 400, null][i] ?? null,
  price,
}));

export async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await env.db.owner.execute(query)) as unknown as { rows: T[] }).rows;
}

export function post(client: Client, path: string, body: unknown, status = 201) {
  return client.post(`/api/v1${path}`, body).then((r) => {
    if (r.status !== status) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  });
}

/** A test's own company and building (see `month()`). */
export type Month = {
  companyId: string;
  buildingId: string;
  /** The building's bank account, its own so that the bank feed routes its transfers to this company. */
  account: string;
  admin: Client;
  accountant: Client;
  /** The accountant's account (audit entries name it). */
  accountantAccountId: string;
  unitIds: Record<string, string>;
};

/** Runs the month to the end through the background task and returns the finished run. */
export async function runMonth({ buildingId, accountant }: Month) {
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

export async function invoiceOf({ buildingId, accountant: client }: Month, code: string) {
  const list = await client.get("/api/v1/invoices", { buildingId, period: PERIOD, q: code });
  // The unit's notice itself, not an adjustment of it (the list does not order a unit's two notices).
  const id = (list.body.items.find((i: { kind: string }) => i.kind !== "adjustment") ?? list.body.items[0])
    ?.id as string;
  return (await client.get(`/api/v1/invoices/${id}`)).body;
}

/** Bank transaction ids, new for each transfer of the file: the feed is idempotent by this id. */
let lastTransactionId = 5000;
export const newTransactionId = () => ++lastTransactionId;

export function sepay(id: number, amount: number, content: string, accountNumber = "0011001234567") {
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
export function notify(body: unknown, headers?: Record<string, string>) {
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

/** Starts the app this file's tests run against (each billing test file calls it once, at its top). */
export function startBillingApp() {
  beforeAll(async () => {
    env = await startTestApp({
      jobs: true,
      signInPerMinute: 1000,
      // Every test sets up its own building through the API: more requests a minute than one client is allowed.
      rateLimitPerMinute: 100_000,
      bankFeed: { apiKey: FEED_API_KEY, hmacSecret: HMAC_SECRET },
    });
  });
}

/**
 * A company of the test's own with its admin and accountant signed in and building "Chung cư Sông Hồng": units
 * A-01.01 (75.5 m², owner Nguyễn Thị Hằng with two motorbikes), A-01.02 (100 m²) and shophouse A-01.03 (50 m²,
 * handed over on 16/11).
 */
export async function newMonth(): Promise<Month> {
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
  const accountantMember = await newMember(env, "accountant", { companyId, buildingIds: [buildingId] });
  const accountant = await signIn(env, accountantMember);
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
  return {
    companyId,
    buildingId,
    account,
    admin,
    accountant,
    accountantAccountId: accountantMember.accountId,
    unitIds,
  };
}

/**
 * The building's billing settings (fee frame 5,000–16,500 đ/m², due in 10 days), bank account and fee rules:
 * management fees of apartments and shophouses, motorbikes (a second one dearer), electricity and water.
 * @returns the created rules as the API answered them
 */
export async function addRules({ admin, buildingId, account }: Month) {
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

/** November's readings of: 250 kWh of electricity (1000 → 1250) and 18 m³ of water (100 → 118). */
export async function addReadings({ admin, unitIds }: Month) {
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

/** Reviews the month's drafts and issues them all, every flagged one accepted (`test/helpers/issue.ts`). */
export async function issueMonth({ accountant, buildingId }: Month) {
  const issued = await issueReviewed(accountant, buildingId, PERIOD);
  if (issued.status !== 200) throw new Error(`issue → ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body;
}

export const STAGES = ["units", "rules", "readings", "drafted", "issued"] as const;

/**
 * A month of the test's own, brought to `stage`: the units (`newMonth()`), then their fee rules
 * (`addRules()`), November's readings (`addReadings()`), the notices drafted by a run, then issued.
 */
export async function month(stage: (typeof STAGES)[number]): Promise<Month> {
  const m = await newMonth();
  const upTo = STAGES.indexOf(stage);
  if (upTo >= 1) await addRules(m);
  if (upTo >= 2) await addReadings(m);
  if (upTo >= 3) await runMonth(m);
  if (upTo >= 4) await issueMonth(m);
  return m;
}
