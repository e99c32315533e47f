import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours.js";

// Vietnam's wall clock written out by hand: 2026-12-05 22:30 in Hà Nội is 15:30 UTC.
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe("quiet hours", () => {
  it("holds a message sent late in the evening until the morning after", () => {
    expect(quietUntil(vn("2026-12-05T22:30:00"), "21:00", "07:00")).toEqual(vn("2026-12-06T07:00:00"));
  });

  it("holds one sent before dawn until seven the same day", () => {
    expect(quietUntil(vn("2026-12-06T05:59:00"), "21:00", "07:00")).toEqual(vn("2026-12-06T07:00:00"));
  });

  it("lets daytime messages through, and the first minute after the quiet hours", () => {
    expect(quietUntil(vn("2026-12-06T07:00:00"), "21:00", "07:00")).toBeNull();
    expect(quietUntil(vn("2026-12-06T20:59:00"), "21:00", "07:00")).toBeNull();
  });

  it("handles quiet hours within one day (a siesta)", () => {
    expect(quietUntil(vn("2026-12-06T12:15:00"), "12:00", "13:30")).toEqual(vn("2026-12-06T13:30:00"));
    expect(quietUntil(vn("2026-12-06T13:30:00"), "12:00", "13:30")).toBeNull();
  });

  it("never holds a message past the next end, and only holds within the window", () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }),
        hhmm,
        hhmm,
        (now, from, to) => {
          const until = quietUntil(now, from, to);
          if (until === null) return;
          const wait = until.getTime() - now.getTime();
          expect(wait).toBeGreaterThan(0);
          expect(wait).toBeLessThanOrEqual(24 * 3600_000);
          // It ends at `to`, Vietnam's time.
          const local = new Date(until.getTime() + 7 * 3600_000);
          expect(local.toISOString().slice(11, 16)).toBe(to);
        },
      ),
    );
  });
});
