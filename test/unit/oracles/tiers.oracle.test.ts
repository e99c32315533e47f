import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Band, splitByTariff, tieredCharge } from "../../oracles/tiers.oracle.js";

/** EVN's household tariff in force from 2025-05-10, VND/kWh before 8% VAT. */
const EVN_2025: Band[] = [
  { upTo: 50, price: 1_984 },
  { upTo: 100, price: 2_050 },
  { upTo: 200, price: 2_380 },
  { upTo: 300, price: 2_998 },
  { upTo: 400, price: 3_350 },
  { upTo: null, price: 3_460 },
];
/** EVN's household tariff in force before it, from 2023-11-09. */
const EVN_2023: Band[] = [
  { upTo: 50, price: 1_806 },
  { upTo: 100, price: 1_866 },
  { upTo: 200, price: 2_167 },
  { upTo: 300, price: 2_729 },
  { upTo: 400, price: 3_050 },
  { upTo: null, price: 3_151 },
];
/** Water with limits per registered person and month (the shape of Ho Chi Minh City's tariff; prices illustrative). */
const WATER: Band[] = [
  { upTo: 4, price: 6_700 },
  { upTo: 6, price: 12_900 },
  { upTo: null, price: 14_400 },
];

const line = (band: number, quantity: number, price: number) => ({
  band,
  quantity,
  price,
  amount: quantity * price,
});

const bands = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 1_000 }), { maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([limits, prices]): Band[] => [
    ...limits.sort((a, b) => a - b).map((upTo, i) => ({ upTo, price: prices[i] as number })),
    { upTo: null, price: prices[6] as number },
  ]);
const consumption = fc.integer({ min: 0, max: 5_000 });
const scale = fc.oneof(
  fc.constant(undefined),
  fc.record({ billedDays: fc.integer({ min: 1, max: 40 }), daysInMonth: fc.integer({ min: 28, max: 31 }) }),
  fc.record({ persons: fc.integer({ min: 1, max: 12 }) }),
);

describe("tieredCharge", () => {
  it("charges EVN's bands: 250 kWh is 589,600 đồng before VAT", () => {
    expect(tieredCharge(250, EVN_2025)).toEqual({
      lines: [line(1, 50, 1_984), line(2, 50, 2_050), line(3, 100, 2_380), line(4, 50, 2_998)],
      amount: 589_600,
    });
    expect(tieredCharge(0, EVN_2025)).toEqual({ lines: [], amount: 0 });
    expect(tieredCharge(50, EVN_2025).amount).toBe(99_200);
    expect(tieredCharge(51, EVN_2025).lines).toEqual([line(1, 50, 1_984), line(2, 1, 2_050)]);
    expect(tieredCharge(450, EVN_2025).lines.at(-1)).toEqual(line(6, 50, 3_460));
  });

  it("prorates each band's own limit by days and rounds it, as EVN does for a period that is not a full month", () => {
    // 15 of 30 days: each band's limit halves: 25, 25, 50, 50, 50.
    expect(tieredCharge(100, EVN_2025, { billedDays: 15, daysInMonth: 30 })).toEqual({
      lines: [line(1, 25, 1_984), line(2, 25, 2_050), line(3, 50, 2_380)],
      amount: 219_850,
    });
    // 10 of 31 days: 50 × 10/31 = 16.13 → 16 (bands 1, 2); 100 × 10/31 = 32.26 → 32 (bands 3, 4, 5).
    // Not the cumulative thresholds (100 × 10/31 → 32, 200 × 10/31 = 64.5 → 65), which would give band 3 33 kWh.
    expect(tieredCharge(200, EVN_2025, { billedDays: 10, daysInMonth: 31 }).lines).toEqual([
      line(1, 16, 1_984),
      line(2, 16, 2_050),
      line(3, 32, 2_380),
      line(4, 32, 2_998),
      line(5, 32, 3_350),
      line(6, 72, 3_460),
    ]);
    // A 33-day reading after a 30-day month widens the bands: 50 × 33 / 30 = 55.
    expect(tieredCharge(60, EVN_2025, { billedDays: 33, daysInMonth: 30 }).lines).toEqual([
      line(1, 55, 1_984),
      line(2, 5, 2_050),
    ]);
  });

  it("multiplies water limits by the registered persons", () => {
    // 3 persons: 12 m³ in the first band, 6 in the second, the rest in the third.
    expect(tieredCharge(20, WATER, { persons: 3 })).toEqual({
      lines: [line(1, 12, 6_700), line(2, 6, 12_900), line(3, 2, 14_400)],
      amount: 186_600,
    });
  });

  it("refuses consumptions and tariffs it cannot charge", () => {
    expect(() => tieredCharge(-1, EVN_2025)).toThrow(RangeError);
    expect(() => tieredCharge(1.5, EVN_2025)).toThrow(RangeError);
    expect(() => tieredCharge(10, [])).toThrow(/at least one band/);
    expect(() => tieredCharge(10, [{ upTo: 50, price: 1 }])).toThrow(/last band must be unlimited/);
    expect(() =>
      tieredCharge(10, [
        { upTo: null, price: 1 },
        { upTo: null, price: 2 },
      ]),
    ).toThrow(/only the last band/);
    expect(() =>
      tieredCharge(10, [
        { upTo: 50, price: 1 },
        { upTo: 50, price: 2 },
        { upTo: null, price: 3 },
      ]),
    ).toThrow(/increasing order/);
    expect(() => tieredCharge(10, [{ upTo: null, price: -1 }])).toThrow(/negative price/);
    expect(() => tieredCharge(10, [{ upTo: null, price: 1.5 }])).toThrow(RangeError);
    expect(() => tieredCharge(10, WATER, { persons: 0 })).toThrow(/persons/);
    expect(() => tieredCharge(10, EVN_2025, { billedDays: 0, daysInMonth: 30 })).toThrow(/billed days/);
  });

  it("adds up: the amount is the sum of the lines, the quantities the consumption", () => {
    fc.assert(
      fc.property(consumption, bands, scale, (c, b, s) => {
        const charge = tieredCharge(c, b, s);
        expect(charge.amount).toBe(charge.lines.reduce((sum, l) => sum + l.amount, 0));
        expect(charge.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(c);
        for (const l of charge.lines) {
          expect(l.quantity).toBeGreaterThan(0);
          expect(l.amount).toBe(l.quantity * l.price);
          expect(l.price).toBe(b[l.band - 1]?.price);
        }
      }),
    );
  });

  it("never charges less for more", () => {
    fc.assert(
      fc.property(consumption, consumption, bands, scale, (a, b, tariff, s) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tieredCharge(lo, tariff, s).amount).toBeLessThanOrEqual(tieredCharge(hi, tariff, s).amount);
      }),
    );
  });

  it("charges a full month, or one person, as if unscaled", () => {
    fc.assert(
      fc.property(consumption, bands, fc.integer({ min: 28, max: 31 }), (c, b, days) => {
        const plain = tieredCharge(c, b);
        expect(tieredCharge(c, b, { billedDays: days, daysInMonth: days })).toEqual(plain);
        expect(tieredCharge(c, b, { persons: 1 })).toEqual(plain);
      }),
    );
  });
});

describe("splitByTariff", () => {
  it("splits May 2025 at EVN's change on the 10th: 9 days old tariff, 22 days new", () => {
    const { parts, amount } = splitByTariff(
      310,
      [
        { days: 9, bands: EVN_2023 },
        { days: 22, bands: EVN_2025 },
      ],
      31,
    );
    // 310 × 9 / 31 = 90 kWh under the old tariff, 220 under the new one.
    // Each band's own limit prorated: old × 9/31: 50 → 14.5 → 15, 15, 100 → 29.0 → 29, 29, 29;
    // new × 22/31: 50 → 35.5 → 35, 35, 100 → 71.0 → 71, 71, 71.
    // Old: 15 + 15 + 29 + 29 = 88, then 2 in band 5: 27,090 + 27,990 + 62,843 + 79,141 + 6,100 = 203,164.
    // New: 35 + 35 + 71 + 71 = 212, then 8 in band 5: 69,440 + 71,750 + 168,980 + 212,858 + 26,800 = 549,828.
    expect(parts).toEqual([
      {
        days: 9,
        consumption: 90,
        lines: [
          line(1, 15, 1_806),
          line(2, 15, 1_866),
          line(3, 29, 2_167),
          line(4, 29, 2_729),
          line(5, 2, 3_050),
        ],
        amount: 203_164,
      },
      {
        days: 22,
        consumption: 220,
        lines: [
          line(1, 35, 1_984),
          line(2, 35, 2_050),
          line(3, 71, 2_380),
          line(4, 71, 2_998),
          line(5, 8, 3_350),
        ],
        amount: 549_828,
      },
    ]);
    expect(amount).toBe(752_992);
  });

  it("prorates water across a change with the limits per person and per day", () => {
    const { parts } = splitByTariff(
      30,
      [
        { days: 15, bands: WATER },
        { days: 15, bands: WATER.map((b) => ({ ...b, price: b.price + 1_000 })) },
      ],
      30,
      2,
    );
    // 15 m³ each; limits 4 × 2 × 15/30 = 4 and 6 × 2 × 15/30 = 6.
    expect(parts.map((p) => p.lines.map((l) => l.quantity))).toEqual([
      [4, 2, 9],
      [4, 2, 9],
    ]);
  });

  it("refuses an empty period", () => {
    expect(() => splitByTariff(10, [], 30)).toThrow(/at least one tariff segment/);
    expect(() => splitByTariff(10, [{ days: 0, bands: EVN_2025 }], 30)).toThrow(/segment days/);
  });

  it("gives every unit to exactly one segment, never a negative part, and adds the parts up", () => {
    const segments = fc.array(fc.record({ days: fc.integer({ min: 1, max: 31 }), bands }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(consumption, segments, fc.integer({ min: 28, max: 31 }), (c, segs, month) => {
        const { parts, amount } = splitByTariff(c, segs, month);
        expect(parts.reduce((sum, p) => sum + p.consumption, 0)).toBe(c);
        for (const p of parts) expect(p.consumption).toBeGreaterThanOrEqual(0);
        expect(amount).toBe(parts.reduce((sum, p) => sum + p.amount, 0));
      }),
    );
  });

  it("with one segment over the whole month, is the plain tiered charge", () => {
    fc.assert(
      fc.property(consumption, bands, fc.integer({ min: 28, max: 31 }), (c, b, month) => {
        const { parts, amount } = splitByTariff(c, [{ days: month, bands: b }], month);
        const plain = tieredCharge(c, b);
        expect(amount).toBe(plain.amount);
        expect(parts[0]?.lines).toEqual(plain.lines);
      }),
    );
  });
});
