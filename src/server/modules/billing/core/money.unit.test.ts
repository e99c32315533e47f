import { describe, expect, it } from "vitest";
import { assertVnd, formatVnd } from "./money.js";

describe("money", () => {
  it("formats as Vietnamese readers expect", () => {
    expect(formatVnd(1_234_567)).toMatch(/^1\.234\.567\s₫$/);
    expect(formatVnd(0)).toMatch(/^0\s₫$/);
    expect(formatVnd(-50_000)).toMatch(/^-50\.000\s₫$/);
    expect(formatVnd(12_345_678_901_234_567n)).toMatch(/^12\.345\.678\.901\.234\.567\s₫$/);
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });

  it("refuses amounts that are not whole đồng", () => {
    expect(() => assertVnd(Number.NaN)).toThrow(RangeError);
    expect(() => assertVnd(2 ** 53)).toThrow(RangeError);
    expect(assertVnd(-5)).toBe(-5);
  });
});
