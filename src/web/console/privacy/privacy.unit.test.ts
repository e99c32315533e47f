import { describe, expect, it } from "vitest";
import { formatHms, isUrgent, msLeft, parseDateTime, shortAgent } from "./privacy.js";

describe("breach clocks", () => {
  it("counts down from the server's figure, not the computer's clock", () => {
    expect(msLeft(3600, 1_000_000, 1_000_000 + 1500)).toBe(3_598_500);
    expect(msLeft(-10, 0, 0)).toBe(-10_000);
  });

  it("shows hours past 24, as the 72-hour deadline counts them", () => {
    expect(formatHms(41 * 3_600_000 + 12 * 60_000 + 5_000)).toBe("41:12:05");
    expect(formatHms(-(3 * 3_600_000 + 1_000))).toBe("3:00:01");
  });

  it("is urgent under a day and once past", () => {
    expect(isUrgent(25 * 3_600_000)).toBe(false);
    expect(isUrgent(23 * 3_600_000)).toBe(true);
    expect(isUrgent(-1)).toBe(true);
  });
});

describe("parseDateTime", () => {
  it("reads dd/mm/yyyy and a 24-hour time", () => {
    expect(parseDateTime({ day: "5/3/2026", time: "7:05" })).toBe("2026-03-05T07:05");
    expect(parseDateTime({ day: "25/11/2026", time: "23h59" })).toBe("2026-11-25T23:59");
  });

  it("takes the default time for a day alone, and nothing for nothing", () => {
    expect(parseDateTime({ day: "25/11/2026", time: "" }, "23:59")).toBe("2026-11-25T23:59");
    expect(parseDateTime({ day: "", time: "" })).toBe("");
  });

  it("refuses what is no moment", () => {
    expect(parseDateTime({ day: "31/02/2026", time: "10:00" })).toBeNull();
    expect(parseDateTime({ day: "25/11/2026", time: "24:00" })).toBeNull();
    expect(parseDateTime({ day: "", time: "10:00" })).toBeNull();
  });
});

describe("shortAgent", () => {
  it("names the browser and system", () => {
    const chrome =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    expect(shortAgent(chrome)).toBe("Chrome 131 · Windows");
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    expect(shortAgent(safari)).toBe("Safari 17 · iPhone");
    expect(shortAgent(`${chrome} Edg/131.0.0.0`)).toBe("Edge 131 · Windows");
    expect(shortAgent("curl/8.5.0")).toBe("curl 8");
    expect(shortAgent("x".repeat(40))).toBe(`${"x".repeat(32)}…`);
  });
});
