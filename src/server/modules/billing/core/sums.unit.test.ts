import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { addVnd, exactVnd } from "./sums.js";

// 2^53 − 1 = 9,007,199,254,740,991: the largest whole number a double holds with every smaller one.
const LARGEST = "9007199254740991";

describe("checked sums of money", () => {
  it("reads SQL sums exactly up to 2^53 − 1 either way", () => {
    expect(exactVnd(LARGEST)).toBe(9007199254740991);
    expect(exactVnd(`-${LARGEST}`)).toBe(-9007199254740991);
    expect(exactVnd("16200000000000")).toBe(16_200_000_000_000);
    expect(exactVnd(null)).toBe(0);
  });

  it("answers a clear 422 one đồng beyond, instead of a rounded figure", () => {
    for (const beyond of ["9007199254740992", "-9007199254740992", "100000000000000000000"]) {
      let caught: unknown;
      try {
        exactVnd(beyond, "billed");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect(caught).toMatchObject({ status: 422, code: "AMOUNT_OUT_OF_RANGE", params: { what: "billed" } });
    }
  });

  it("adds without losing a đồng where doubles would", () => {
    // As doubles, 2^53 − 1 + 1 + 1 gives 2^53: the third đồng is lost; exact addition keeps it and refuses.
    expect(() => addVnd([LARGEST, 1, 1])).toThrow(AppError);
    expect(addVnd([LARGEST, -1, 1])).toBe(9007199254740991);
    expect(addVnd(Array.from({ length: 9000 }, () => 1_000_000_000_000))).toBe(9_000_000_000_000_000);
  });
});
