import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellError, dateOf } from "./import.columns.js";

// The calendar's rules, written out here rather than taken from the code under test.
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && leap(y) ? 29 : (DAYS[m - 1] as number));
const two = (n: number) => String(n).padStart(2, "0");

/** The code a cell's text is refused with, or null when it is read. */
function refusal(text: string): { code: string; params: Record<string, unknown> } | null {
  try {
    dateOf(text, text);
    return null;
  } catch (err) {
    if (!(err instanceof CellError)) throw err;
    return { code: err.code, params: err.params };
  }
}

const year = fc.integer({ min: 1000, max: 9999 });
const month = fc.integer({ min: 1, max: 12 });

describe("import dates (dd/MM/yyyy)", () => {
  it("reads every day of the calendar written dd/MM/yyyy back as the same day", () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 1, max: 31 }), fc.boolean(), (y, m, dayWanted, padded) => {
        const d = Math.min(dayWanted, daysIn(y, m));
        const text = padded ? `${two(d)}/${two(m)}/${y}` : `${d}/${m}/${y}`;
        expect(dateOf(text, text)).toBe(`${y}-${two(m)}-${two(d)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("reports every day past the month's end (and day 0) as an impossible date, not a format error", () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        fc.pre(d === 0 || d > daysIn(y, m));
        const text = `${two(d)}/${two(m)}/${y}`;
        expect(refusal(text)).toEqual({
          code: "IMPORT_DATE_IMPOSSIBLE",
          params: { date: text, month: m, year: y, days: daysIn(y, m) },
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("reports a month outside 1–12 as an impossible date", () => {
    fc.assert(
      fc.property(
        year,
        fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          expect(refusal(`${two(d)}/${two(m)}/${y}`)?.code).toBe("IMPORT_DATE_NO_MONTH");
        },
      ),
    );
  });

  it("tells the examples apart: an impossible date, a leap day, a format error", () => {
    expect(refusal("31/02/1990")).toEqual({
      code: "IMPORT_DATE_IMPOSSIBLE",
      params: { date: "31/02/1990", month: 2, year: 1990, days: 28 },
    });
    expect(refusal("29/02/2023")?.code).toBe("IMPORT_DATE_IMPOSSIBLE");
    expect(dateOf("29/02/2024", "29/02/2024")).toBe("2024-02-29");
    expect(refusal("29/02/1900")?.code).toBe("IMPORT_DATE_IMPOSSIBLE");
    expect(dateOf("29/02/2000", "29/02/2000")).toBe("2000-02-29");
    expect(refusal("2024-02-30")?.code).toBe("IMPORT_DATE_IMPOSSIBLE");
    for (const text of ["1990/02/31", "31-02", "ba mươi", "31/02/90", "3l/02/1990"]) {
      expect(refusal(text)?.code, text).toBe("IMPORT_DATE");
    }
  });
});
