import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VN_TIME_ZONE } from "../contracts/time.js";
import { formatDate, formatDateTime, formatNumber, formatTime, formatVnd } from "./format.js";

// The oracle: the platform's own time-zone data for Asia/Ho_Chi_Minh, which format.ts no longer loads.
const oracle = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function expected(date: Date): string {
  const p = Object.fromEntries(oracle.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

describe("dates in the business time zone", () => {
  it("agree with the time-zone database for every instant since 1976", () => {
    const instants = fc.date({
      min: new Date("1976-01-01T00:00:00Z"),
      max: new Date("2100-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (date) => {
        const iso = date.toISOString();
        expect(formatDateTime(iso)).toBe(expected(date));
        expect(`${formatDate(iso)} ${formatTime(iso)}`).toBe(expected(date));
      }),
      { numRuns: 2000 },
    );
  });

  it("turns the day at 17:00 UTC", () => {
    expect(formatDateTime("2026-12-31T16:59:00Z")).toBe("31/12/2026 23:59");
    expect(formatDateTime("2026-12-31T17:00:00Z")).toBe("01/01/2027 00:00");
  });
});

describe("numbers in the reader's language", () => {
  const intl = (lang: string, digits: number) =>
    new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: digits });
  const numbers = fc.oneof(
    fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100 + 0.005),
  );

  it("agree with Intl.NumberFormat in Vietnamese and English", () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom("vi", "en"), fc.integer({ min: 0, max: 3 }), (n, lang, digits) => {
        expect(formatNumber(n, lang, digits)).toBe(intl(lang, digits).format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it("write đồng the Vietnamese way", () => {
    expect(formatVnd(1_894_599, "vi")).toBe("1.894.599 ₫");
    expect(formatVnd(1_894_599, "en")).toBe("1,894,599 ₫");
    expect(formatNumber(72.35, "vi")).toBe("72,35");
    expect(formatNumber(999.996, "vi")).toBe("1.000");
  });
});
