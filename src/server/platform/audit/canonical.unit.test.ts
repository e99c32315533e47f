import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";

const shuffleKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(shuffleKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, shuffleKeys(x)]),
    );
  }
  return v;
};

describe("canonical JSON", () => {
  it("is the same whatever the key order, and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(shuffleKeys(v))).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it("sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("writes dates as ISO strings, the way they come back from the database's JSON", () => {
    const at = new Date("2026-05-10T03:04:05.678Z");
    expect(canonicalJson({ validFrom: at })).toBe('{"validFrom":"2026-05-10T03:04:05.678Z"}');
    expect(canonicalJson([at])).toBe('["2026-05-10T03:04:05.678Z"]');
  });

  it("hashes a value and its stored JSON form (JSON.stringify then parse, as jsonb keeps it) the same", () => {
    const value = fc.oneof(fc.jsonValue(), fc.date({ noInvalidDate: true }), fc.constant(undefined));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        value,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree), (v) => {
        expect(canonicalJson(v)).toBe(canonicalJson(JSON.parse(JSON.stringify(v))));
      }),
    );
  });
});
