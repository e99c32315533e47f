import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breaches, DEFAULT_SLAS, dueTimes, resumedResolveBy } from "./sla.js";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+07:00`);

describe("service levels", () => {
  it("sets due times from the category, halved when urgent, doubled when low, never under 5 minutes", () => {
    // Plumbing: 30 minutes to answer, 24 hours to resolve (the defaults a company starts with).
    expect(dueTimes(at("08:00"), DEFAULT_SLAS.plumbing, "normal")).toEqual({
      respondBy: at("08:30"),
      resolveBy: new Date("2026-12-02T08:00:00+07:00"),
    });
    expect(dueTimes(at("08:00"), DEFAULT_SLAS.plumbing, "urgent").respondBy).toEqual(at("08:15"));
    expect(dueTimes(at("08:00"), DEFAULT_SLAS.plumbing, "low").respondBy).toEqual(at("09:00"));
    expect(dueTimes(at("08:00"), { respondMinutes: 6, resolveMinutes: 60 }, "urgent").respondBy).toEqual(
      at("08:05"),
    );
  });

  it("flags an answer after its time, and judges a waiting ticket where its clock stopped", () => {
    const t = {
      respondBy: at("08:30"),
      resolveBy: at("12:00"),
      respondedAt: null,
      resolvedAt: null,
      pausedAt: null,
    };
    expect(breaches(t, at("08:29"))).toEqual({ responseBreached: false, resolutionBreached: false });
    expect(breaches(t, at("08:31"))).toEqual({ responseBreached: true, resolutionBreached: false });
    expect(breaches({ ...t, respondedAt: at("08:10") }, at("13:00"))).toEqual({
      responseBreached: false,
      resolutionBreached: true,
    });
    // Waiting for the resident since 11:00: at 13:00 it has not missed 12:00.
    expect(
      breaches({ ...t, respondedAt: at("08:10"), pausedAt: at("11:00") }, at("13:00")).resolutionBreached,
    ).toBe(false);
    expect(resumedResolveBy(at("12:00"), at("11:00"), at("13:30"))).toEqual(at("14:30"));
  });

  it("never brings a resolution time closer by waiting", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (pausedFor, offset) => {
        const resolveBy = new Date(1_800_000_000_000);
        const pausedAt = new Date(resolveBy.getTime() - offset);
        const now = new Date(pausedAt.getTime() + pausedFor);
        const resumed = resumedResolveBy(resolveBy, pausedAt, now);
        expect(resumed.getTime() - resolveBy.getTime()).toBe(pausedFor);
      }),
    );
  });
});
