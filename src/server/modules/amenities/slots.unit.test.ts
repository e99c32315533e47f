import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayStart, monthOf, slotAt, slotLabel, slotsOn, vnDate } from "./slots.js";

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

describe("an amenity's slots in Vietnam's time", () => {
  it("cuts the BBQ area's day (09:00–21:00, 3 hours) into four slots, 02:00 UTC onwards", () => {
    const slots = slotsOn({ opensAt: "09:00", closesAt: "21:00", slotMinutes: 180 }, "2026-12-20");
    // 09:00 in Vietnam (UTC+7) is 02:00 UTC.
    expect(slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ["2026-12-20T02:00:00.000Z", "2026-12-20T05:00:00.000Z"],
      ["2026-12-20T05:00:00.000Z", "2026-12-20T08:00:00.000Z"],
      ["2026-12-20T08:00:00.000Z", "2026-12-20T11:00:00.000Z"],
      ["2026-12-20T11:00:00.000Z", "2026-12-20T14:00:00.000Z"],
    ]);
    expect(slotLabel(slots[3]?.startsAt as Date)).toBe("18:00 20/12/2026");
  });

  it("leaves out a last slot that would end after closing, and an early-morning slot is on its own date", () => {
    expect(slotsOn({ opensAt: "06:00", closesAt: "08:30", slotMinutes: 60 }, "2027-01-01")).toHaveLength(2);
    // 06:00 on 1 January in Vietnam is 23:00 on 31 December UTC.
    const [first] = slotsOn({ opensAt: "06:00", closesAt: "08:30", slotMinutes: 60 }, "2027-01-01");
    expect(first?.startsAt.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(vnDate(first?.startsAt as Date)).toBe("2027-01-01");
    expect(monthOf(first?.startsAt as Date)).toEqual({
      from: dayStart("2027-01-01"),
      until: dayStart("2027-02-01"),
    });
  });

  it("gives consecutive slots inside the opening hours, each found again by its start and no other time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 * 60 }),
        fc.integer({ min: 15, max: 600 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        (open, length, span, day) => {
          const close = Math.min(24 * 60, open + span);
          const rules = { opensAt: clock(open), closesAt: clock(close), slotMinutes: length };
          const date = day.toISOString().slice(0, 10);
          const slots = slotsOn(rules, date);
          expect(slots).toHaveLength(Math.floor((close - open) / length));
          slots.forEach((s, i) => {
            expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(length * 60_000);
            expect(s.startsAt.getTime()).toBe(dayStart(date).getTime() + (open + i * length) * 60_000);
            expect(slotAt(rules, s.startsAt)).toEqual(s);
            expect(slotAt(rules, new Date(s.startsAt.getTime() + 60_000))).toBeNull();
          });
        },
      ),
    );
  });
});
