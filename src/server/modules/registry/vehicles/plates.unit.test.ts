import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPlate, normalisePlate } from "./plates.js";

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const province = fc.integer({ min: 11, max: 99 }).map(String);
const letters = fc.stringMatching(/^[A-Z]{1,2}$/);
const carPlate = fc.tuple(province, letters, fc.oneof(digits(4), digits(5)));
const bikePlate = fc.tuple(
  province,
  fc.oneof(fc.stringMatching(/^[A-Z]\d$/), fc.constant("MĐ1")),
  fc.oneof(digits(4), digits(5)),
);

describe("licence plates", () => {
  it("formats the ways plates are written into one form, for cars", () => {
    expect(formatPlate("51a 12345", "car")).toBe("51A-123.45");
    expect(formatPlate("51A-123.45", "car")).toBe("51A-123.45");
    expect(formatPlate("30LD-123.45", "car")).toBe("30LD-123.45");
    expect(formatPlate("29A-1234", "car")).toBe("29A-1234");
  });

  it("formats motorbike plates, electric ones included", () => {
    expect(formatPlate("59x1-234.56", "motorbike")).toBe("59-X1 234.56");
    expect(formatPlate("29 MĐ1 12345", "motorbike")).toBe("29-MĐ1 123.45");
    expect(formatPlate("59-X1 2345", "motorbike")).toBe("59-X1 2345");
  });

  it("refuses what is not a plate of that kind", () => {
    for (const bad of ["", "ABC", "5A-12345", "51A-123", "51A-1234567", "51-A1 23.45.6"]) {
      expect(formatPlate(bad, "car")).toBeNull();
    }
    expect(formatPlate("59X1-23456", "car")).toBeNull();
  });

  it("normalises a formatted plate back to the same key, whatever the spacing and case", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          carPlate.map((p) => ["car", p] as const),
          bikePlate.map((p) => ["motorbike", p] as const),
        ),
        ([kind, [p, s, d]]) => {
          const raw = `${p}${s}${d}`;
          const formatted = formatPlate(raw, kind);
          expect(formatted).not.toBeNull();
          expect(normalisePlate(formatted as string)).toBe(raw);
          expect(formatPlate(` ${raw.toLowerCase()} `, kind)).toBe(formatted);
          expect(formatPlate(formatted as string, kind)).toBe(formatted);
        },
      ),
    );
  });
});
