import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertVnd, lineAmount, prorate, roundHalfAway, sumVnd, vatOf } from "../../oracles/money.oracle.js";

const amount = fc.integer({ min: -1e12, max: 1e12 });
const price = fc.integer({ min: -10_000_000, max: 10_000_000 });
const rate = fc.integer({ min: 0, max: 10_000 }).map((r) => r / 100);
/** A decimal quantity as a string with 0–4 decimal places, and its exact value as scaled integer / 10^places. */
const quantity = fc
  .tuple(fc.bigInt({ min: -100_000_000n, max: 100_000_000n }), fc.integer({ min: 0, max: 4 }))
  .map(([scaled, places]) => {
    const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, "0");
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return { text: scaled < 0n ? `-${text}` : text, scaled, denominator: 10n ** BigInt(places) };
  });

/** Exact rational rounding, by a different route: compare twice the remainder with the divisor. */
function referenceRound(n: bigint, d: bigint): bigint {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const whole = abs(n) / abs(d);
  const twiceRest = 2n * (abs(n) - whole * abs(d));
  return sign * (twiceRest >= abs(d) ? whole + 1n : whole);
}

describe("roundHalfAway", () => {
  it("rounds halves away from zero, like PostgreSQL's round(numeric)", () => {
    const cases: [bigint, bigint, bigint][] = [
      [5n, 2n, 3n],
      [-5n, 2n, -3n],
      [7n, 2n, 4n],
      [-7n, 2n, -4n],
      [1n, 3n, 0n],
      [2n, 3n, 1n],
      [-2n, 3n, -1n],
      [5n, -2n, -3n],
      [-5n, -2n, 3n],
      [0n, 7n, 0n],
      [149n, 100n, 1n],
      [150n, 100n, 2n],
    ];
    for (const [n, d, q] of cases) expect(roundHalfAway(n, d)).toBe(q);
  });

  it("refuses a zero divisor", () => {
    expect(() => roundHalfAway(1n, 0n)).toThrow(RangeError);
  });

  it("is the nearest integer, ties away from zero, and odd in the numerator", () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          const q = roundHalfAway(n, d);
          expect(q).toBe(referenceRound(n, d));
          expect(roundHalfAway(-n, d)).toBe(-q);
          const ad = d < 0n ? -d : d;
          const err = n * (d < 0n ? -1n : 1n) - q * ad; // n/d − q, scaled by |d|
          expect(2n * (err < 0n ? -err : err) <= ad).toBe(true);
        },
      ),
    );
  });
});

describe("lineAmount", () => {
  it("multiplies a decimal quantity by a price exactly, then rounds once", () => {
    expect(lineAmount("75.50", 12_500)).toBe(943_750);
    expect(lineAmount(75.5, 12_500)).toBe(943_750);
    expect(lineAmount("0.5333", 7_000)).toBe(3_733); // 3,733.1
    expect(lineAmount("0.5", 3)).toBe(2); // 1.5, half away from zero
    expect(lineAmount("-0.5", 3)).toBe(-2);
    expect(lineAmount("1.0001", 5_000)).toBe(5_001); // 5,000.5
    expect(lineAmount(2, 250_000)).toBe(500_000);
    expect(lineAmount("-75.50", 12_500)).toBe(-943_750);
    expect(lineAmount(" 3 ", 1_000)).toBe(3_000);
  });

  it("refuses quantities that are not decimals with at most 4 places, and prices that are not whole đồng", () => {
    for (const bad of ["1.00005", "", "abc", "1e3", ".5", "1.", "+1", "1,5"]) {
      expect(() => lineAmount(bad, 1_000), bad).toThrow(RangeError);
    }
    expect(() => lineAmount(0.1 + 0.2, 1_000)).toThrow(RangeError);
    expect(() => lineAmount(Number.NaN, 1_000)).toThrow(RangeError);
    expect(() => lineAmount(Number.POSITIVE_INFINITY, 1_000)).toThrow(RangeError);
    expect(() => lineAmount(1, 1.5)).toThrow(RangeError);
    expect(() => lineAmount(1, 2 ** 53)).toThrow(RangeError);
    expect(() => lineAmount("100000000", 100_000_000_000)).toThrow(RangeError);
  });

  it("agrees with the exact rational product, rounded half away from zero", () => {
    fc.assert(
      fc.property(quantity, price, (q, p) => {
        expect(lineAmount(q.text, p)).toBe(Number(referenceRound(q.scaled * BigInt(p), q.denominator)));
      }),
    );
  });

  it("is symmetric for credit lines: negating the quantity or the price negates the amount", () => {
    fc.assert(
      fc.property(quantity, price, (q, p) => {
        const neg = q.text.startsWith("-") ? q.text.slice(1) : `-${q.text}`;
        expect(lineAmount(neg, p)).toBe(-lineAmount(q.text, p) || 0);
        expect(lineAmount(q.text, -p)).toBe(-lineAmount(q.text, p) || 0);
      }),
    );
  });

  it("keeps the sum of two prices' lines within one đồng of the line at the summed price", () => {
    fc.assert(
      fc.property(quantity, price, price, (q, p1, p2) => {
        const split = lineAmount(q.text, p1) + lineAmount(q.text, p2);
        expect(Math.abs(split - lineAmount(q.text, p1 + p2))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("vatOf", () => {
  it("rounds VAT to the đồng by the same rule", () => {
    expect(vatOf(589_600, 8)).toBe(47_168);
    expect(vatOf(100_000, 10)).toBe(10_000);
    expect(vatOf(12_345, 10)).toBe(1_235); // 1,234.5
    expect(vatOf(-12_345, 10)).toBe(-1_235);
    expect(vatOf(1_000, 8.5)).toBe(85);
    expect(vatOf(10, 8.25)).toBe(1); // 0.825
    expect(vatOf(12_345, 5)).toBe(617); // 617.25
  });

  it("refuses rates with more than 2 decimals or outside 0–100 %", () => {
    for (const bad of [8.125, -1, 100.01, Number.NaN])
      expect(() => vatOf(1_000, bad), String(bad)).toThrow(RangeError);
    expect(() => vatOf(1.5, 8)).toThrow(RangeError);
  });

  it("is zero at rate 0 and whole at rate 100", () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(vatOf(a, 0)).toBe(0);
        expect(vatOf(a, 100)).toBe(a);
      }),
    );
  });

  it("is odd in the amount (credit lines) and nearly additive (lines' VAT vs VAT of the total)", () => {
    fc.assert(
      fc.property(amount, amount, rate, (a, b, r) => {
        expect(vatOf(-a, r)).toBe(-vatOf(a, r) || 0);
        expect(Math.abs(vatOf(a, r) + vatOf(b, r) - vatOf(a + b, r))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("prorate", () => {
  it("charges part of a period by days", () => {
    expect(prorate(300_000, 15, 30)).toBe(150_000);
    expect(prorate(100_000, 10, 31)).toBe(32_258); // 32,258.06
    expect(prorate(100_000, 1, 3)).toBe(33_333);
    expect(prorate(100_000, 2, 3)).toBe(66_667);
    expect(prorate(-100_000, 2, 3)).toBe(-66_667);
  });

  it("refuses days outside the period", () => {
    expect(() => prorate(1_000, 31, 30)).toThrow(RangeError);
    expect(() => prorate(1_000, -1, 30)).toThrow(RangeError);
    expect(() => prorate(1_000, 1.5, 30)).toThrow(RangeError);
    expect(() => prorate(1_000, 0, 0)).toThrow(RangeError);
  });

  it("keeps the whole at full days, nothing at none, and two complementary parts within one đồng of the whole", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 31 }), fc.nat(31), (a, period, d) => {
        const days = d % (period + 1);
        expect(prorate(a, period, period)).toBe(a);
        expect(prorate(a, 0, period)).toBe(0);
        expect(
          Math.abs(prorate(a, days, period) + prorate(a, period - days, period) - a),
        ).toBeLessThanOrEqual(1);
        expect(prorate(-a, days, period)).toBe(-prorate(a, days, period) || 0);
      }),
    );
  });
});

describe("sums and checks", () => {
  it("sums exactly and refuses totals beyond safe integers", () => {
    fc.assert(
      fc.property(fc.array(amount), (xs) => {
        expect(sumVnd(xs)).toBe(xs.reduce((s, x) => s + x, 0));
      }),
    );
    expect(() => sumVnd([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumVnd([1.5])).toThrow(RangeError);
    expect(() => assertVnd(Number.NaN)).toThrow(RangeError);
    expect(assertVnd(-5)).toBe(-5);
  });
});
