import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalOfNumber, parseDecimal } from "./numbers.js";

// Independent oracle: how Vietnamese and English spreadsheets (and Intl) write numbers.
const vi0 = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const en0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const vi2 = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const en2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe("parseDecimal", () => {
  it("reads the issue's examples: grouped đồng in both conventions, refuses a fractional đồng and floor", () => {
    expect(parseDecimal("41.070.000,00", 0)).toBe("41070000");
    expect(parseDecimal("41,070,000.00", 0)).toBe("41070000");
    expect(parseDecimal("41 070 000", 0)).toBe("41070000");
    expect(parseDecimal("41.070.000 ₫", 0, { currency: true })).toBe("41070000");
    expect(parseDecimal("48000000,5", 0)).toBeNull();
    expect(parseDecimal("1.5", 0)).toBeNull();
    expect(parseDecimal("12.500.000", 0)).toBe("12500000");
    expect(parseDecimal("48.000", 0)).toBe("48000");
    expect(parseDecimal("-2", 0)).toBe("-2");
  });

  it("reads areas written either way, and refuses a third decimal instead of guessing thousands", () => {
    expect(parseDecimal("72,35", 2)).toBe("72.35");
    expect(parseDecimal("72.35", 2)).toBe("72.35");
    expect(parseDecimal("95,5", 2)).toBe("95.50");
    expect(parseDecimal("1.234,50", 2)).toBe("1234.50");
    expect(parseDecimal("1,234.50", 2)).toBe("1234.50");
    expect(parseDecimal("72,355", 2)).toBeNull();
    expect(parseDecimal("72,350", 2)).toBe("72.35");
  });

  it("refuses what is not one number", () => {
    for (const bad of [
      "",
      "abc",
      "1,2,3",
      "1.23.456",
      "1.234,567.8",
      "12,34.567",
      "1..2",
      "1 23",
      "--1",
      "1e5",
      ",5.",
      "1,234,56",
    ])
      expect(parseDecimal(bad, 2), bad).toBeNull();
  });

  it("reads every whole amount as Vietnamese and English spreadsheets write it, with or without ,00", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), fc.boolean(), (n, cents) => {
        const written = cents ? [vi2.format(n), en2.format(n)] : [vi0.format(n), en0.format(n), String(n)];
        for (const w of written) expect(parseDecimal(w, 0), w).toBe(String(n));
      }),
    );
  });

  it("reads every area to the hundredth in both conventions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (hundredths) => {
        const n = hundredths / 100;
        const expected = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
        for (const w of [vi2.format(n), en2.format(n)]) expect(parseDecimal(w, 2), w).toBe(expected);
      }),
    );
  });

  it("never reads a value with a non-zero fraction as a whole number (no 10× or 100× misreading)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 99 }),
        (whole, frac) => {
          const n = whole + frac / 100;
          for (const w of [vi2.format(n), en2.format(n)]) expect(parseDecimal(w, 0), w).toBeNull();
        },
      ),
    );
  });

  it("takes numeric cells only with the decimals the column allows", () => {
    expect(decimalOfNumber(48_000_000.5, 0)).toBeNull();
    expect(decimalOfNumber(9_000_000_000_000.5, 0)).toBeNull();
    expect(decimalOfNumber(1.5, 0)).toBeNull();
    expect(decimalOfNumber(41_070_000, 0)).toBe("41070000");
    expect(decimalOfNumber(72.35, 2)).toBe("72.35");
    expect(decimalOfNumber(72.355, 2)).toBeNull();
    expect(decimalOfNumber(-2, 0)).toBe("-2");
  });
});
