import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { K, suppress, suppressGroup } from "./suppress.js";

const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10_000 }));
const k = fc.integer({ min: 2, max: 20 });

describe("small-cell suppression", () => {
  it("hides 1 to k-1 people and shows 0 and k or more", () => {
    expect(K).toBe(5);
    expect(suppress(0)).toEqual({ value: 0, suppressed: false });
    for (const v of [1, 2, 3, 4]) expect(suppress(v)).toEqual({ value: null, suppressed: true });
    expect(suppress(5)).toEqual({ value: 5, suppressed: false });
    expect(suppress(3, 3)).toEqual({ value: 3, suppressed: false });
  });

  it("never shows a count below k other than 0, and shows the rest unchanged", () => {
    fc.assert(
      fc.property(count, k, (value, k) => {
        const cell = suppress(value, k);
        if (cell.suppressed) {
          expect(cell.value).toBeNull();
          expect(value > 0 && value < k).toBe(true);
        } else {
          expect(cell.value).toBe(value);
          expect(value === 0 || value >= k).toBe(true);
        }
      }),
    );
  });

  it("hides a second cell when one alone would be recoverable from the total", () => {
    expect(suppressGroup([3, 12, 7, 40])).toEqual([
      { value: null, suppressed: true },
      { value: 12, suppressed: false },
      { value: null, suppressed: true },
      { value: 40, suppressed: false },
    ]);
    // A zero next to the small cell would leave the hidden sum equal to it: a cell with people goes instead.
    expect(suppressGroup([0, 2, 9]).map((c) => c.value)).toEqual([0, null, null]);
    // Nothing else left: the zero goes.
    expect(suppressGroup([0, 2]).map((c) => c.value)).toEqual([null, null]);
    expect(suppressGroup([2, 3, 40]).map((c) => c.value)).toEqual([null, null, 40]);
    expect(suppressGroup([4]).map((c) => c.value)).toEqual([null]);
    expect(suppressGroup([])).toEqual([]);
  });

  it("in any group: no shown cell below k but 0, never exactly one hidden cell, shown values unchanged", () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 30 }), k, (counts, k) => {
        const cells = suppressGroup(counts, k);
        expect(cells).toHaveLength(counts.length);
        cells.forEach((cell, i) => {
          if (cell.suppressed) expect(cell.value).toBeNull();
          else {
            expect(cell.value).toBe(counts[i]);
            expect(cell.value === 0 || (cell.value ?? 0) >= k).toBe(true);
          }
        });
        const hidden = cells.filter((c) => c.suppressed).length;
        if (counts.length > 1) expect(hidden).not.toBe(1);
        // Only what must go goes: every small count, plus at most one complementary cell.
        const small = counts.filter((c) => c > 0 && c < k).length;
        expect(hidden - small).toBe(small === 1 && counts.length > 1 ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });
});
