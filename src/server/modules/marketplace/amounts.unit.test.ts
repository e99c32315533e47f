import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commissionOf, firstNameOf, vatIncluded } from "./amounts.js";

describe("vatIncluded", () => {
  it("takes the VAT out of VAT-inclusive amounts as computed by hand", () => {
    // 130,000 × 8 / 108 = 9,629.63; 480,000 × 10 / 110 = 43,636.36; 65,000 × 5 / 105 = 3,095.24.
    expect(vatIncluded(130_000, 8)).toBe(9_630);
    expect(vatIncluded(480_000, 10)).toBe(43_636);
    expect(vatIncluded(65_000, 5)).toBe(3_095);
    expect(vatIncluded(65_000, 0)).toBe(0);
  });

  it("leaves a net whose VAT at the rate is the VAT, to within the rounding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_000 }),
        fc.constantFrom(0, 5, 8, 10),
        (amount, rate) => {
          const vat = vatIncluded(amount, rate);
          expect(Number.isInteger(vat)).toBe(true);
          expect(vat).toBeGreaterThanOrEqual(0);
          expect(vat).toBeLessThanOrEqual(amount);
          // net × rate / 100 is the VAT of the net; it differs from `vat` by the rounding only.
          expect(Math.abs((amount - vat) * rate - vat * 100)).toBeLessThanOrEqual((100 + rate) / 2);
        },
      ),
    );
  });
});

describe("commissionOf", () => {
  it("is hundredths of a percent of the total, or a fixed amount no larger than the order", () => {
    expect(commissionOf({ commissionKind: "percent", commissionValue: 800 }, 130_000)).toBe(10_400);
    expect(commissionOf({ commissionKind: "percent", commissionValue: 850 }, 99_999)).toBe(8_500); // 8,499.9
    expect(commissionOf({ commissionKind: "fixed", commissionValue: 20_000 }, 240_000)).toBe(20_000);
    expect(commissionOf({ commissionKind: "fixed", commissionValue: 20_000 }, 15_000)).toBe(15_000);
  });

  it("never takes more than the order, nor less than nothing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("percent", "fixed"),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (kind, value, total) => {
          const c = commissionOf(
            { commissionKind: kind, commissionValue: kind === "fixed" ? value * 100 : value },
            total,
          );
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});

describe("firstNameOf", () => {
  it("is the last word of a Vietnamese full name", () => {
    expect(firstNameOf("Nguyễn Thị Hồng Nhung")).toBe("Nhung");
    expect(firstNameOf("  Lê   Văn Tâm ")).toBe("Tâm");
    expect(firstNameOf("Mai")).toBe("Mai");
    expect(firstNameOf("")).toBe("");
  });
});
