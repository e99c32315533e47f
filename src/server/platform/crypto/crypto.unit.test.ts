import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPhone,
  maskEmail,
  maskPhone,
  normaliseEmail,
  normalisePhone,
  parseContact,
} from "./contact.js";
import { decrypt, encrypt, Keyring } from "./crypto.js";

const mobile = fc
  .tuple(fc.constantFrom("3", "5", "7", "8", "9"), fc.stringMatching(/^\d{8}$/))
  .map(([p, rest]) => `0${p}${rest}`);

describe("phone numbers", () => {
  it("normalises the ways Vietnamese numbers are written to one form", () => {
    fc.assert(
      fc.property(mobile, (n) => {
        const written = [
          n,
          `+84${n.slice(1)}`,
          `84${n.slice(1)}`,
          formatPhone(n),
          `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`,
        ];
        for (const w of written) expect(normalisePhone(w)).toBe(n);
      }),
    );
  });

  it("refuses what is not a mobile number", () => {
    for (const bad of ["", "123", "0212345678", "091234567", "09123456789", "abc0912345678"]) {
      expect(normalisePhone(bad)).toBeNull();
    }
  });

  it("masks all but the first four and last three digits", () => {
    fc.assert(
      fc.property(mobile, (n) => {
        expect(maskPhone(n)).toBe(`${n.slice(0, 4)} *** ${n.slice(-3)}`);
      }),
    );
  });
});

describe("email addresses", () => {
  it("normalises case and spaces, and tells email from phone", () => {
    expect(normaliseEmail("  An.Nguyen@Example.VN ")).toBe("an.nguyen@example.vn");
    expect(parseContact("An@Example.vn")).toEqual({ kind: "email", value: "an@example.vn" });
    expect(parseContact("0912 345 678")).toEqual({ kind: "phone", value: "0912345678" });
    expect(parseContact("an@")).toBeNull();
  });

  it("never shows more than two characters of the local part", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (e) => {
        const masked = maskEmail(e);
        expect(masked.endsWith(`@${e.split("@")[1]}`)).toBe(true);
        expect(masked.split("***")[0]?.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe("encryption", () => {
  const keyring = new Keyring(Buffer.alloc(32, 1));

  it("round-trips any text with a person's data key, and fails with another key", () => {
    const a = keyring.newDataKey();
    const b = keyring.newDataKey();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const box = encrypt(a.key, text);
        expect(decrypt(keyring.unwrap(a.wrapped), box)).toBe(text);
        expect(() => decrypt(b.key, box)).toThrow();
      }),
    );
  });

  it("never gives two seals the same IV nor two people the same key, across refills of the random pool", () => {
    const ivs = new Set<string>();
    const keys = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      ivs.add(encrypt(Buffer.alloc(32, 3), "x").subarray(0, 12).toString("hex"));
      keys.add(keyring.newDataKey().key.toString("hex"));
    }
    expect([ivs.size, keys.size]).toEqual([1000, 1000]);
  });

  it("gives equal blind indexes for equal values only, and different ones per kind", () => {
    expect(keyring.blindIndex("phone", "0912345678")).toBe(keyring.blindIndex("phone", "0912345678"));
    expect(keyring.blindIndex("phone", "0912345678")).not.toBe(keyring.blindIndex("phone", "0912345679"));
    expect(keyring.blindIndex("email", "x")).not.toBe(keyring.blindIndex("phone", "x"));
    expect(new Keyring(Buffer.alloc(32, 2)).blindIndex("phone", "0912345678")).not.toBe(
      keyring.blindIndex("phone", "0912345678"),
    );
  });
});
