import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodFrom, todayInVietnam, yearInVietnam } from "./time.js";

describe("business time in Vietnam", () => {
  it("turns the day at 17:00 UTC, the year on 31 December at 17:00 UTC", () => {
    expect(todayInVietnam(new Date("2026-11-25T16:59:59Z"))).toBe("2026-11-25");
    expect(todayInVietnam(new Date("2026-11-25T17:00:00Z"))).toBe("2026-11-26");
    expect(yearInVietnam(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(periodFrom(-1, new Date("2027-01-01T02:00:00+07:00"))).toBe("2026-12");
    expect(periodFrom(1, new Date("2026-12-15T00:00:00Z"))).toBe("2027-01");
  });

  it("counts periods from the month that today falls in, without gaps", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.integer({ min: -30, max: 30 }),
        (now, n) => {
          expect(periodFrom(0, now)).toBe(todayInVietnam(now).slice(0, 7));
          const [y, m] = periodFrom(n, now).split("-").map(Number) as [number, number];
          const [y0, m0] = periodFrom(0, now).split("-").map(Number) as [number, number];
          expect(y * 12 + m - (y0 * 12 + m0)).toBe(n);
        },
      ),
    );
  });
});
