import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smsSegments, withoutDiacritics } from "./sms-text.js";

// GSM 03.38 default alphabet by position, 0x00–0x7F in rows of 16; "␛" marks 0x1B, the escape to the extension table.
const GSM_TABLE = [
  "@£$¥èéùìòÇ\nØø\rÅå",
  "Δ_ΦΓΛΩΠΨΣΘΞ␛ÆæßÉ",
  " !\"#¤%&'()*+,-./",
  "0123456789:;<=>?",
  "¡ABCDEFGHIJKLMNO",
  "PQRSTUVWXYZÄÖÑÜ§",
  "¿abcdefghijklmno",
  "pqrstuvwxyzäöñüà",
];
const GSM_EXTENSION = ["\f", "^", "{", "}", "\\", "[", "~", "]", "|", "€"];
const LETTERS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const GSM_BASIC = GSM_TABLE.flatMap((row) => [...row]).filter((c) => c !== "␛");

const textOf = (unit: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(unit, { maxLength }).map((cs) => cs.join(""));

describe("smsSegments", () => {
  it("counts each character of the default alphabet as one septet and each of the extension table as two", () => {
    expect(GSM_TABLE.join("")).toHaveLength(128);
    for (const c of GSM_BASIC)
      expect(smsSegments(c), JSON.stringify(c)).toEqual({ encoding: "gsm7", chars: 1, segments: 1 });
    for (const c of GSM_EXTENSION)
      expect(smsSegments(c), c).toEqual({ encoding: "gsm7", chars: 2, segments: 1 });
  });

  it("fits 160 letters in one message and sends longer texts in parts of 153", () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(...LETTERS), 1000), (text) => {
        const n = text.length;
        expect(smsSegments(text)).toEqual({
          encoding: "gsm7",
          chars: n,
          segments: n <= 160 ? 1 : Math.ceil(n / 153),
        });
      }),
    );
  });

  it("counts any text of the default alphabet by its length", () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(...GSM_BASIC), 500), (text) => {
        const n = [...text].length;
        expect(smsSegments(text)).toEqual({
          encoding: "gsm7",
          chars: n,
          segments: n <= 160 ? 1 : Math.ceil(n / 153),
        });
      }),
    );
  });

  it("never splits an extension character: 76 of them fill a part of 153 septets", () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(...GSM_EXTENSION), 400), (text) => {
        const k = text.length;
        expect(smsSegments(text)).toEqual({
          encoding: "gsm7",
          chars: 2 * k,
          segments: 2 * k <= 160 ? 1 : Math.ceil(k / 76),
        });
      }),
    );
    const straddling = `${"a".repeat(152)}€${"a".repeat(152)}`;
    expect(smsSegments(straddling)).toEqual({ encoding: "gsm7", chars: 306, segments: 3 });
  });

  it("sends a text with any character outside GSM as UCS-2: 70 units in one message, parts of 67", () => {
    const vietnamese = fc.constantFrom(..."ăâđêôơưĂÂĐÊÔƠƯáảãạếềểễệ");
    fc.assert(
      fc.property(
        textOf(fc.constantFrom(...GSM_BASIC, ...GSM_EXTENSION), 300),
        vietnamese,
        fc.nat(),
        (gsm, letter, at) => {
          const cut = at % (gsm.length + 1);
          const text = gsm.slice(0, cut) + letter + gsm.slice(cut);
          const n = text.length;
          expect(smsSegments(text)).toEqual({
            encoding: "ucs2",
            chars: n,
            segments: n <= 70 ? 1 : Math.ceil(n / 67),
          });
        },
      ),
    );
  });

  it("counts UTF-16 code units and never splits a surrogate pair", () => {
    expect(smsSegments(`${"a".repeat(68)}😀`)).toEqual({ encoding: "ucs2", chars: 70, segments: 1 });
    expect(smsSegments(`${"a".repeat(66)}😀${"a".repeat(66)}`)).toEqual({
      encoding: "ucs2",
      chars: 134,
      segments: 3,
    });
  });

  it("switches to parts right past one message's length", () => {
    expect(smsSegments("a".repeat(160)).segments).toBe(1);
    expect(smsSegments("a".repeat(161)).segments).toBe(2);
    expect(smsSegments("ă".repeat(70)).segments).toBe(1);
    expect(smsSegments("ă".repeat(71)).segments).toBe(2);
    expect(smsSegments("ă".repeat(134)).segments).toBe(2);
    expect(smsSegments("ă".repeat(135)).segments).toBe(3);
  });

  it("knows the examples", () => {
    expect(smsSegments("Căn hộ A-1203").encoding).toBe("ucs2");
    expect(smsSegments(withoutDiacritics("Căn hộ A-1203"))).toEqual({
      encoding: "gsm7",
      chars: 13,
      segments: 1,
    });
    expect(smsSegments("")).toEqual({ encoding: "gsm7", chars: 0, segments: 1 });
  });
});

describe("withoutDiacritics", () => {
  it("turns Vietnamese into plain letters", () => {
    expect(withoutDiacritics("Đặng Thị Hường nợ phí")).toBe("Dang Thi Huong no phi");
    expect(withoutDiacritics("Căn hộ A-1203: 1.250.000 ₫, hạn 15/7")).toBe(
      "Can ho A-1203: 1.250.000 ₫, han 15/7",
    );
    expect(withoutDiacritics("서울, 東京, Москва")).toBe("서울, 東京, Москва");
  });

  it("leaves the base letter of every composed Vietnamese letter, and d for đ", () => {
    const vowel = fc.record({
      base: fc.constantFrom(..."aeiouyAEIOUY"),
      shape: fc.constantFrom("", "\u0306", "\u0302", "\u031b"),
      tone: fc.constantFrom("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"),
    });
    const letter = fc.oneof(
      vowel.map(({ base, shape, tone }) => ({
        written: (base + shape + tone).normalize("NFC"),
        plain: base,
      })),
      fc.constantFrom({ written: "đ", plain: "d" }, { written: "Đ", plain: "D" }),
      fc.constantFrom(...LETTERS, " ", "-", "1").map((c) => ({ written: c, plain: c })),
    );
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 60 }), (letters) => {
        const written = letters.map((l) => l.written).join("");
        expect(withoutDiacritics(written)).toBe(letters.map((l) => l.plain).join(""));
        expect(withoutDiacritics(written.normalize("NFD"))).toBe(letters.map((l) => l.plain).join(""));
      }),
    );
  });

  it("keeps text without diacritics as it is and leaves no combining mark in any text", () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(...GSM_BASIC.filter((c) => c.normalize("NFD") === c)), 200), (t) => {
        expect(withoutDiacritics(t)).toBe(t);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const plain = withoutDiacritics(text);
        expect(plain).not.toMatch(/[\u0300-\u036f]/);
        expect(withoutDiacritics(plain)).toBe(plain);
      }),
    );
  });
});
