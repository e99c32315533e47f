import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newCompany, newMeteredUnit, newTariffVersion } from "../../../../../test/helpers/builders.js";
import { vatOf } from "../../../../../test/oracles/money.oracle.js";
import { type Band, splitByTariff, type TariffSegment } from "../../../../../test/oracles/tiers.oracle.js";
import { queryRows } from "../../../platform/db/client.js";
import { chargeLines, periodBounds } from "./charges.sql.js";

/**
 * The charge SQL's metered lines, priced the way EVN publishes it ("Tính tiền trong tháng đổi giá"): each band's
 * own limit prorated by days and rounded. Expected figures are computed by hand below (and, for random cases, by
 * the oracle in test/oracles/tiers.oracle.ts), never by the SQL under test.
 */
let env: TestEnv;
let companyId: string;

type Line = {
  unit_id: string;
  kind: string;
  description: string;
  quantity: string;
  unit_price: string;
  amount: string;
  vat: string;
  vat_rate: string;
};

async function meteredLines(buildingId: string, period: string): Promise<Line[]> {
  const lines = chargeLines({
    companyId,
    buildingId,
    bounds: periodBounds(period),
    fromUnit: "00000000-0000-0000-0000-000000000000",
    toUnit: "ffffffff-ffff-ffff-ffff-ffffffffffff",
  });
  return env.db.transaction(companyId, (tx) =>
    queryRows<Line>(
      tx,
      sql`select l.unit_id, l.kind, l.description, l.quantity::text, l.unit_price::text, l.amount::text,
                   l.vat::text, l.vat_rate::text
            from (${lines}) l where l.kind in ('electricity', 'water') order by l.unit_id, l.line_no`,
    ),
  );
}

const sum = (lines: Line[]) => lines.reduce((s, l) => s + Number(l.amount), 0);

/** Bills each consumption on its own unit of one building with the national EVN tariff, for one month. */
async function evnMonth(period: string, consumptions: number[], handoverDate: string | null = null) {
  const first = await newMeteredUnit(env, {
    companyId,
    tariffCode: "evn-household",
    period,
    consumption: consumptions[0] ?? 0,
    handoverDate,
  });
  const unitIds = [first.unitId];
  for (const consumption of consumptions.slice(1)) {
    const unit = await newMeteredUnit(env, {
      companyId,
      buildingId: first.buildingId,
      tariffCode: "evn-household",
      period,
      consumption,
      handoverDate,
    });
    unitIds.push(unit.unitId);
  }
  const lines = await meteredLines(first.buildingId, period);
  return unitIds.map((id) => sum(lines.filter((l) => l.unit_id === id)));
}

const EDGES = [0, 50, 51, 100, 101, 400, 401];

beforeAll(async () => {
  env = await startTestApp();
  companyId = (await newCompany(env)).companyId;
});

describe("EVN household electricity around the change of 2025-05-10 (seeded national tariff)", () => {
  it("April 2025, a full month at the prices from 2024-10-11", async () => {
    // 1,893 / 1,956 / 2,271 / 2,860 / 3,197 / 3,302 per kWh.
    // 50: 50 × 1,893 = 94,650. 51: + 1,956 = 96,606. 100: 94,650 + 50 × 1,956 (97,800) = 192,450.
    // 101: + 2,271 = 194,721. 400: 192,450 + 227,100 + 286,000 + 319,700 = 1,025,250. 401: + 3,302 = 1,028,552.
    expect(await evnMonth("2025-04", EDGES)).toEqual([
      0, 94_650, 96_606, 192_450, 194_721, 1_025_250, 1_028_552,
    ]);
  });

  it("May 2025: 9 days at the old prices, 22 at the new, each band's own limit prorated", async () => {
    // T = 31, N1 = 9 (1–9 May), N2 = 22. A1 = round(A × 9/31), A2 = A − A1.
    // Old limits Mq_i × 9/31: 50 → 14.52 → 15, 15; 100 → 29.03 → 29, 29, 29 (thresholds 15, 30, 59, 88, 117).
    // New limits Mq_i × 22/31: 50 → 35.48 → 35, 35; 100 → 70.97 → 71, 71, 71 (thresholds 35, 70, 141, 212, 283).
    // 50: A1 = 14.52 → 15: 15 × 1,893 = 28,395; A2 = 35: 35 × 1,984 = 69,440. 97,835.
    // 51: A1 = 14.81 → 15: 28,395; A2 = 36: 69,440 + 1 × 2,050 = 71,490. 99,885.
    // 100: A1 = 29.03 → 29: 28,395 + 14 × 1,956 (27,384) = 55,779;
    //      A2 = 71: 69,440 + 35 × 2,050 (71,750) + 1 × 2,380 = 143,570. 199,349.
    //      (Rounding the cumulative threshold 100 × 22/31 = 71 instead would put 36 kWh in band 2: 143,240.)
    // 101: A1 = 29.32 → 29: 55,779; A2 = 72: 69,440 + 71,750 + 2 × 2,380 = 145,950. 201,729.
    // 400: A1 = 116.13 → 116: 28,395 + 15 × 1,956 (29,340) + 29 × 2,271 (65,859) + 29 × 2,860 (82,940)
    //      + 28 × 3,197 (89,516) = 296,050;
    //      A2 = 284: 69,440 + 71,750 + 71 × 2,380 (168,980) + 71 × 2,998 (212,858) + 71 × 3,350 (237,850)
    //      + 1 × 3,460 = 764,338. 1,060,388.
    // 401: A1 = 116.42 → 116: 296,050; A2 = 285: 764,338 + 3,460 = 767,798. 1,063,848.
    expect(await evnMonth("2025-05", EDGES)).toEqual([
      0, 97_835, 99_885, 199_349, 201_729, 1_060_388, 1_063_848,
    ]);
  });

  it("June 2025, a full month at the prices from 2025-05-10", async () => {
    // 1,984 / 2,050 / 2,380 / 2,998 / 3,350 / 3,460 per kWh.
    // 50: 99,200. 51: 101,250. 100: 99,200 + 102,500 = 201,700. 101: 204,080.
    // 400: 201,700 + 238,000 + 299,800 + 335,000 = 1,074,500. 401: 1,077,960.
    expect(await evnMonth("2025-06", EDGES)).toEqual([
      0, 99_200, 101_250, 201_700, 204_080, 1_074_500, 1_077_960,
    ]);
  });

  it("splits the lines by the change, naming the day each part starts", async () => {
    const unit = await newMeteredUnit(env, {
      companyId,
      tariffCode: "evn-household",
      period: "2025-05",
      consumption: 100,
    });
    const lines = await meteredLines(unit.buildingId, "2025-05");
    expect(lines.map((l) => [l.description, Number(l.quantity), Number(l.unit_price)])).toEqual([
      ["Tiền điện bậc 1 (từ 01/05)", 15, 1_893],
      ["Tiền điện bậc 1 (từ 10/05)", 35, 1_984],
      ["Tiền điện bậc 2 (từ 01/05)", 14, 1_956],
      ["Tiền điện bậc 2 (từ 10/05)", 35, 2_050],
      ["Tiền điện bậc 3 (từ 10/05)", 1, 2_380],
    ]);
  });
});

describe("a unit's partial first month", () => {
  it("prorates the bands of a unit handed over on 16 November (15 of 30 days)", async () => {
    // Limits × 15/30: 25, 25, 50, 50, 50. 100 kWh: 25 × 1,984 + 25 × 2,050 + 50 × 2,380
    // = 49,600 + 51,250 + 119,000 = 219,850 (a full month's bands would give 201,700).
    expect(await evnMonth("2026-11", [100], "2026-11-16")).toEqual([219_850]);
  });

  it("rounds each band's own limit for a unit handed over on 22 December (10 of 31 days)", async () => {
    // Limits × 10/31: 50 → 16.13 → 16, 16; 100 → 32.26 → 32, 32, 32 (thresholds 16, 32, 64, 96, 128).
    // 200 kWh: 16 × 1,984 (31,744) + 16 × 2,050 (32,800) + 32 × 2,380 (76,160) + 32 × 2,998 (95,936)
    // + 32 × 3,350 (107,200) + 72 × 3,460 (249,120) = 592,960. (Rounded cumulative thresholds, 200 × 10/31 = 64.5
    // → 65, would put 33 kWh in band 3.)
    expect(await evnMonth("2026-12", [200], "2026-12-22")).toEqual([592_960]);
  });
});

describe("water across a change of the company's local tariff", () => {
  it("prorates each band's own limit by the days of each part", async () => {
    const old = await newTariffVersion(env, companyId, {
      kind: "water",
      bands: [
        { upTo: 10, price: 6_000 },
        { upTo: 20, price: 7_000 },
        { upTo: null, price: 9_000 },
      ],
      validFrom: "2026-01-01",
    });
    await newTariffVersion(env, companyId, {
      code: old.code,
      kind: "water",
      bands: [
        { upTo: 10, price: 6_500 },
        { upTo: 20, price: 8_000 },
        { upTo: null, price: 9_500 },
      ],
      validFrom: "2026-11-21",
    });
    const unit = await newMeteredUnit(env, {
      companyId,
      kind: "water",
      tariffCode: old.code,
      period: "2026-11",
      consumption: 25,
    });
    // T = 30, N1 = 20, N2 = 10. A1 = round(25 × 20/30 = 16.67) = 17, A2 = 8.
    // Old limits 10 × 20/30 = 6.67 → 7, 7: 7 × 6,000 + 7 × 7,000 + 3 × 9,000 = 42,000 + 49,000 + 27,000 = 118,000.
    // New limits 10 × 10/30 = 3.33 → 3, 3: 3 × 6,500 + 3 × 8,000 + 2 × 9,500 = 19,500 + 24,000 + 19,000 = 62,500.
    // 180,500. (Rounded cumulative thresholds — 13 and 7 — would give 7, 6, 4 and 3, 4, 1: 181,000.)
    expect(sum(await meteredLines(unit.buildingId, "2026-11"))).toBe(180_500);
  });
});

describe("the SQL against the oracle", () => {
  const band = fc.record({
    width: fc.integer({ min: 1, max: 150 }),
    price: fc.integer({ min: 0, max: 9_999 }),
  });
  const tariff = fc
    .tuple(fc.array(band, { minLength: 0, maxLength: 5 }), fc.integer({ min: 0, max: 9_999 }))
    .map(([bands, last]): Band[] => {
      let upTo = 0;
      return [
        ...bands.map((b) => {
          upTo += b.width;
          return { upTo, price: b.price };
        }),
        { upTo: null, price: last },
      ];
    });

  it("charges random consumptions, tariff changes and handovers as EVN's method does", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_500 }),
        tariff,
        tariff,
        fc.constantFrom("2026-02", "2026-04", "2026-07"),
        fc.integer({ min: 2, max: 28 }),
        fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
        fc.constantFrom("household", "person") as fc.Arbitrary<"household" | "person">,
        fc.constantFrom(0, 5, 8, 8.5, 10),
        async (consumption, before, after, period, changeDay, handoverDay, basis, vatRate) => {
          const { days: month } = periodBounds(period);
          const day = (d: number) => `${period}-${String(d).padStart(2, "0")}`;
          const old = await newTariffVersion(env, companyId, {
            bands: before,
            basis,
            validFrom: "2020-01-01",
          });
          await newTariffVersion(env, companyId, {
            code: old.code,
            bands: after,
            basis,
            validFrom: day(changeDay),
          });
          const unit = await newMeteredUnit(env, {
            companyId,
            tariffCode: old.code,
            period,
            consumption,
            handoverDate: handoverDay === null ? null : day(handoverDay),
            vatRate,
          });
          const since = handoverDay ?? 1;
          const segments: TariffSegment[] = [
            { days: changeDay - since, bands: before },
            { days: month + 1 - Math.max(changeDay, since), bands: after },
          ].filter((s) => s.days > 0);
          // One registered person by default: the per-person limits equal the household's.
          const expected = splitByTariff(consumption, segments, month, basis === "person" ? 1 : undefined);
          const lines = await meteredLines(unit.buildingId, period);
          expect(sum(lines)).toBe(expected.amount);
          const quantities = expected.parts.flatMap((p) => p.lines.map((l) => [l.quantity, l.price]));
          expect(lines.map((l) => [Number(l.quantity), Number(l.unit_price)]).sort()).toEqual(
            quantities.sort(),
          );
          // Each line's VAT, rounded once per line, as the money oracle rounds it.
          for (const l of lines) expect(Number(l.vat)).toBe(vatOf(Number(l.amount), vatRate));
        },
      ),
      { numRuns: 40 },
    );
  });
});
