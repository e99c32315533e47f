import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import {
  newAccount,
  newIssuedNotice,
  newMember,
  newMeteredUnit,
  newTariffVersion,
  signIn,
} from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { queryRows } from "../../../platform/db/client.js";
import { periodFrom } from "../../../platform/time.js";
import { chargeLines, periodBounds } from "../runs/charges.sql.js";

/** Tariff versions entered through the API: national ones by the platform admin, water ones by a company admin. */
let env: TestEnv;
let platform: Client;
let admin: Client;
let accountant: Client;
let companyId: string;
const uid = () => randomBytes(3).toString("hex");

const EVN = (prices: number[]) =>
  prices.map((price, i) => ({ upTo: [50, 100, 200, 300, 400, null][i] ?? null, price }));
/** EVN's household tariffs as published (VND/kWh before VAT). */
const EVN_2023_05 = EVN([1_728, 1_786, 2_074, 2_612, 2_919, 3_015]);
const EVN_2023_11 = EVN([1_806, 1_866, 2_167, 2_729, 3_050, 3_151]);
const EVN_2024_10 = EVN([1_893, 1_956, 2_271, 2_860, 3_197, 3_302]);
const EVN_2025_05 = EVN([1_984, 2_050, 2_380, 2_998, 3_350, 3_460]);
const WATER = (a: number, b: number, c: number) => [
  { upTo: 4, price: a },
  { upTo: 6, price: b },
  { upTo: null, price: c },
];

async function bill(unit: { buildingId: string }, period: string) {
  const lines = chargeLines({
    companyId,
    buildingId: unit.buildingId,
    bounds: periodBounds(period),
    fromUnit: "00000000-0000-0000-0000-000000000000",
    toUnit: "ffffffff-ffff-ffff-ffff-ffffffffffff",
  });
  const [row] = await env.db.transaction(companyId, (tx) =>
    queryRows<{ amount: string; vat: string }>(
      tx,
      sql`select coalesce(sum(amount), 0)::text as amount, coalesce(sum(vat), 0)::text as vat
            from (${lines}) l where l.kind in ('electricity', 'water')`,
    ),
  );
  return { amount: Number(row?.amount), vat: Number(row?.vat) };
}

const version = (code: string, bands: unknown, validFrom: string, extra: Record<string, unknown> = {}) => ({
  code,
  kind: "electricity",
  name: "Điện sinh hoạt (EVN) thử",
  bands,
  validFrom,
  ...extra,
});

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  platform = await signIn(env, await newAccount(env, { platformAdmin: true }));
  const owner = await newMember(env, "company_admin");
  companyId = owner.companyId;
  admin = await signIn(env, owner);
  accountant = await signIn(env, await newMember(env, "accountant", { companyId }));
});

describe("who keeps tariffs", () => {
  it("refuses the anonymous, staff who are not the company admin, and a company on national routes", async () => {
    const body = version(`w-${uid()}`, WATER(1, 2, 3), "2026-01-01", { kind: "water" });
    const { Client } = await import("../../../../../test/helpers/client.js");
    expect((await new Client(env.app).post("/api/v1/tariffs", body)).status).toBe(401);
    expect((await accountant.post("/api/v1/tariffs", body)).status).toBe(403);
    expect((await admin.post("/api/v1/platform/tariffs", body)).status).toBe(403);
    expect((await admin.get("/api/v1/platform/tariffs")).status).toBe(403);
  });

  it("refuses bands that do not increase or a last band with a limit", async () => {
    const bad = await admin.post(
      "/api/v1/tariffs",
      version(
        `w-${uid()}`,
        [
          { upTo: 10, price: 1 },
          { upTo: 5, price: 2 },
          { upTo: 20, price: 3 },
        ],
        "2026-01-01",
        {
          kind: "water",
        },
      ),
    );
    expect(bad.status).toBe(400);
  });

  it("keeps electricity national: a company enters water tariffs under codes of its own", async () => {
    const electricity = await admin.post("/api/v1/tariffs", version(`e-${uid()}`, EVN_2025_05, "2026-01-01"));
    expect(electricity.status).toBe(422);
    expect(electricity.body.error.code).toBe("TARIFF_NATIONAL_ONLY");
    const national = await admin.post(
      "/api/v1/tariffs",
      version("evn-household", WATER(1, 2, 3), "2026-01-01", { kind: "water" }),
    );
    expect(national.status).toBe(409);
    expect(national.body.error.code).toBe("TARIFF_CODE_NATIONAL");
  });
});

describe("national tariffs: EVN's worked bills at older prices and today's", () => {
  it("lets the platform admin enter EVN's versions, each audited, and a company bills with them", async () => {
    const code = `evn-${uid()}`;
    for (const [bands, from] of [
      [EVN_2023_05, "2023-05-04"],
      [EVN_2023_11, "2023-11-09"],
      [EVN_2024_10, "2024-10-11"],
      [EVN_2025_05, "2025-05-10"],
    ] as const) {
      const created = await platform.post("/api/v1/platform/tariffs", version(code, bands, from));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ scope: "national", locked: false, validFrom: from });
    }
    const listed = (await platform.get("/api/v1/platform/tariffs")).body.items.filter(
      (t: { code: string }) => t.code === code,
    );
    expect(
      listed.map((t: { validFrom: string; validUntil: string | null }) => [t.validFrom, t.validUntil]),
    ).toEqual([
      ["2023-05-04", "2023-11-09"],
      ["2023-11-09", "2024-10-11"],
      ["2024-10-11", "2025-05-10"],
      ["2025-05-10", null],
    ]);
    const [audited] = await queryRows<{ n: number }>(
      env.db.owner,
      sql`select count(*)::int as n from audit_log where company_id = '00000000-0000-0000-0000-000000000000'
           and action = 'tariff.create'`,
    );
    expect(audited?.n).toBeGreaterThanOrEqual(4);
    // The company sees the national versions and bills with them (fee rule at 8% VAT).
    expect(
      (await admin.get("/api/v1/tariffs")).body.items.some((t: { code: string }) => t.code === code),
    ).toBe(true);

    // August 2023, 300 kWh at the prices from 2023-05-04: 50 × 1,728 (86,400) + 50 × 1,786 (89,300)
    // + 100 × 2,074 (207,400) + 100 × 2,612 (261,200) = 644,300; VAT 8% per line: 6,912 + 7,144 + 16,592
    // + 20,896 = 51,544; 695,844 in all.
    const aug = await newMeteredUnit(env, {
      companyId,
      tariffCode: code,
      period: "2023-08",
      consumption: 300,
    });
    expect(await bill(aug, "2023-08")).toEqual({ amount: 644_300, vat: 51_544 });
    // June 2025, 300 kWh at today's prices (from 2025-05-10): 99,200 + 102,500 + 238,000 + 299,800 = 739,500;
    // VAT 7,936 + 8,200 + 19,040 + 23,984 = 59,160; 798,660 in all.
    const jun = await newMeteredUnit(env, {
      companyId,
      tariffCode: code,
      period: "2025-06",
      consumption: 300,
    });
    expect(await bill(jun, "2025-06")).toEqual({ amount: 739_500, vat: 59_160 });
    // November 2023, 200 kWh across the change of 9 November: T = 30, N1 = 8, N2 = 22.
    // A1 = round(200 × 8/30 = 53.33) = 53, A2 = 147. Old limits × 8/30: 50 → 13.33 → 13, 13; 100 → 26.67 → 27.
    // Old: 13 × 1,728 (22,464) + 13 × 1,786 (23,218) + 27 × 2,074 (55,998) = 101,680.
    // New limits × 22/30: 50 → 36.67 → 37, 37; 100 → 73.33 → 73.
    // New: 37 × 1,806 (66,822) + 37 × 1,866 (69,042) + 73 × 2,167 (158,191) = 294,055. 395,735 before VAT.
    const nov = await newMeteredUnit(env, {
      companyId,
      tariffCode: code,
      period: "2023-11",
      consumption: 200,
    });
    expect((await bill(nov, "2023-11")).amount).toBe(395_735);
  });

  it("keeps a national version an issued notice used, across companies: 409, and a new version instead", async () => {
    const code = `evn-${uid()}`;
    const created = await platform.post("/api/v1/platform/tariffs", version(code, EVN_2024_10, "2024-10-11"));
    const unit = await newMeteredUnit(env, {
      companyId,
      tariffCode: code,
      period: "2025-01",
      consumption: 10,
    });
    await newIssuedNotice(env, {
      ...unit,
      feeRuleId: unit.feeRuleId as string,
      period: "2025-01",
      kind: "electricity",
    });

    const changed = await platform.put(
      `/api/v1/platform/tariffs/${created.body.id}`,
      version(code, EVN_2025_05, "2024-10-11"),
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe("TARIFF_VERSION_IN_USE");
    expect(changed.body.error.message).toContain("11/10/2024");
    expect((await platform.delete(`/api/v1/platform/tariffs/${created.body.id}`)).status).toBe(409);
    const backdated = await platform.post(
      "/api/v1/platform/tariffs",
      version(code, EVN_2025_05, "2025-01-15"),
    );
    expect(backdated.status).toBe(409);
    expect(backdated.body.error.code).toBe("TARIFF_DATES_BILLED");
    const next = await platform.post("/api/v1/platform/tariffs", version(code, EVN_2025_05, "2025-05-10"));
    expect(next.status).toBe(201);
    const items = (await platform.get("/api/v1/platform/tariffs")).body.items.filter(
      (t: { code: string }) => t.code === code,
    );
    expect(items.map((t: { locked: boolean }) => t.locked)).toEqual([true, false]);
  });
});

describe("a company's water tariffs", () => {
  it("adds, corrects while unused, refuses to change a used version, and keeps other companies out", async () => {
    const code = `nuoc-${uid()}`;
    const first = await admin.post(
      "/api/v1/tariffs",
      version(code, WATER(6_700, 12_900, 14_400), "2026-01-01", {
        kind: "water",
        basis: "person",
        vatRate: 5,
      }),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ scope: "company", basis: "person", vatRate: 5, locked: false });
    // Unused: a typo can be corrected.
    const fixed = await admin.put(
      `/api/v1/tariffs/${first.body.id}`,
      version(code, WATER(6_700, 12_900, 14_400), "2026-01-01", {
        kind: "water",
        basis: "person",
        vatRate: 5,
        name: "Nước TP",
      }),
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.name).toBe("Nước TP");

    const unit = await newMeteredUnit(env, {
      companyId,
      kind: "water",
      tariffCode: code,
      period: "2026-03",
      consumption: 10,
    });
    await newIssuedNotice(env, {
      ...unit,
      feeRuleId: unit.feeRuleId as string,
      period: "2026-03",
      kind: "water",
    });
    const refused = await admin.put(
      `/api/v1/tariffs/${first.body.id}`,
      version(code, WATER(7_000, 12_900, 14_400), "2026-01-01", { kind: "water", basis: "person" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("TARIFF_VERSION_IN_USE");
    expect(refused.body.error.message).toMatch(/không thể sửa hay xóa/);

    // Another company neither sees nor touches it.
    const other = await signIn(env, await newMember(env, "company_admin"));
    const seen = (await other.get("/api/v1/tariffs")).body.items.map((t: { code: string }) => t.code);
    expect(seen).not.toContain(code);
    expect(seen).toContain("evn-household");
    expect((await other.delete(`/api/v1/tariffs/${first.body.id}`)).status).toBe(404);
  });

  it("previews what a new version does to next month, saving nothing", async () => {
    const code = `nuoc-${uid()}`;
    await newTariffVersion(env, companyId, {
      code,
      kind: "water",
      basis: "person",
      bands: WATER(6_700, 12_900, 14_400),
      vatRate: 5,
      validFrom: "2020-01-01",
    });
    const from = `${periodFrom(1)}-01`;
    const body = version(code, WATER(7_000, 13_500, 15_000), from, {
      kind: "water",
      basis: "person",
      vatRate: 5,
    });
    const preview = await admin.post("/api/v1/tariffs/preview", { tariff: body });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.period).toBe(periodFrom(1));
    // 4 persons, a full month: limits 4 × 4 = 16 m³ and 2 × 4 = 8 m³.
    // 10 m³: before 10 × 6,700 = 67,000 + VAT 5% 3,350; after 10 × 7,000 = 70,000 + 3,500.
    // 20 m³: before 16 × 6,700 (107,200; VAT 5,360) + 4 × 12,900 (51,600; VAT 2,580) = 158,800 + 7,940;
    //        after 16 × 7,000 (112,000; 5,600) + 4 × 13,500 (54,000; 2,700) = 166,000 + 8,300.
    expect(preview.body.rows.slice(0, 2)).toEqual([
      {
        consumption: 10,
        persons: 4,
        before: { amount: 67_000, vat: 3_350, total: 70_350 },
        after: { amount: 70_000, vat: 3_500, total: 73_500 },
      },
      {
        consumption: 20,
        persons: 4,
        before: { amount: 158_800, vat: 7_940, total: 166_740 },
        after: { amount: 166_000, vat: 8_300, total: 174_300 },
      },
    ]);
    const versions = (await admin.get("/api/v1/tariffs")).body.items.filter(
      (t: { code: string }) => t.code === code,
    );
    expect(versions).toHaveLength(1);
  });
});
