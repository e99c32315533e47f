import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInvoiceCodes, findOrderCodes, normaliseMemo } from "./memo.js";

// Memo shapes as banks deliver them (through SePay's `content`), with our invoice code in the payer's part.
// The surrounding formats follow transfers seen in public SePay integrations' fixtures and logs.
const FOUND: [bank: string, memo: string, codes: string[]][] = [
  [
    "Vietcombank app to another bank (NAPAS): MBVCB.<ref>.<ref>.<memo>.CT tu <account> <name> toi ...",
    "MBVCB.12625223638.943148.HD00012345.CT tu 0721000635974 NGUYEN VAN A toi 0888382699 CONG TY QLTN tai MB- Ma GD ACSP/ ih943148",
    ["HD00012345"],
  ],
  [
    "Vietcombank, memo glued to the bank's reference after a dot",
    "MBVCB.3278907687.hd00012345 phi quan ly.CT tu 0011004397323 TRAN THI B",
    ["HD00012345"],
  ],
  [
    "Vietcombank statement line: <ref>.<ddmmyy>.<hhmmss>.<memo>",
    "957940.080924.172846.NGUYEN THI NGOC TRAM HD 0001 2345 PHI THANG 9",
    ["HD00012345"],
  ],
  [
    "ACB incoming: CT DEN:<ref> <memo>",
    "CT DEN:0123456789 NGUYEN VAN A chuyen tien HD00012345 phi thang 11",
    ["HD00012345"],
  ],
  ["ACB incoming with ND: prefix", "CT DEN:523320101151 ND:HD00012345 NGUYEN VAN A CK", ["HD00012345"]],
  ["MB Bank fast transfer: lower-cased, -CTLNhanh appended", "hd00012345-CTLNhanh", ["HD00012345"]],
  ["Techcombank: memo then the FT reference", "HD-00012345 FT24193929399", ["HD00012345"]],
  ["NAPAS 24/7 IBFT prefix", "IBFT HD 0001-2345", ["HD00012345"]],
  ["typed with Vietnamese letters: HĐ", "Thanh toán hóa đơn HĐ00012345 căn A-12.05", ["HD00012345"]],
  ["spaces stripped by the bank", "THANHTOANHD00012345PHIDICHVU", ["HD00012345"]],
  ["phone number right after, separated", "HD00012345 0912345678", ["HD00012345"]],
  ["space between H and D", "chuyen tien h d 00012345", ["HD00012345"]],
  [
    "two notices in one transfer, in order",
    "HD00012399 va HD00012345 thang 10 11",
    ["HD00012399", "HD00012345"],
  ],
  ["the same notice twice, differently mangled", "HD00012345 (hd-0001-2345)", ["HD00012345"]],
  ["fullwidth characters from a phone keyboard", "ＨＤ０００１２３４５", ["HD00012345"]],
  ["tab and non-breaking space", "HD\t0001\u00a02345", ["HD00012345"]],
];

const NOT_FOUND: [why: string, memo: string][] = [
  ["no code at all", "CT DEN:0123456789 chuyen tien phi quan ly thang 11"],
  ["nine digits glued: one longer number, not a code and a digit", "HD000123456"],
  ["the last group runs on past the code's length", "HD 0001 23456789"],
  ["too few digits before a word", "HD123 phi thang 11"],
  ["a dot is not a separator inside a code", "HD.00012345"],
  ["a colon is not a separator inside a code", "HD:00012345"],
  ["the letters alone", "HD HD HD"],
  ["only digits", "00012345"],
  ["an empty memo", ""],
];

describe("findInvoiceCodes", () => {
  it.each(FOUND)("%s", (_bank, memo, codes) => {
    expect(findInvoiceCodes(memo)).toEqual(codes);
  });

  it.each(NOT_FOUND)("finds nothing: %s", (_why, memo) => {
    expect(findInvoiceCodes(memo)).toEqual([]);
  });

  it("reads codes of the length the company uses", () => {
    expect(findInvoiceCodes("HD000123456", 9)).toEqual(["HD000123456"]);
    expect(findInvoiceCodes("hd 0000 0123 45 phi", 10)).toEqual(["HD0000012345"]);
    expect(findInvoiceCodes("HD000000012345", 12)).toEqual(["HD000000012345"]);
    // An 8-digit code is not a 10-digit code cut short.
    expect(findInvoiceCodes("HD00012345 phi", 10)).toEqual([]);
  });

  it("refuses lengths outside 8 to 12", () => {
    for (const length of [7, 13, 8.5, Number.NaN]) {
      expect(() => findInvoiceCodes("HD00012345", length)).toThrow(RangeError);
    }
  });

  it("normalises diacritics, đ and case", () => {
    expect(normaliseMemo("Hóa đơn tháng Mười Một")).toBe("HOA DON THANG MUOI MOT");
  });
});

// -- properties ---------------------------------------------------------------------------------------------------

const SEPARATORS = [" ", "-", "–", "\u00a0", "_"];
const NOISE_CHARS = [
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;/()+#",
  ..."ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵĐ",
];

const noise = fc
  .array(fc.constantFrom(...NOISE_CHARS), { maxLength: 40 })
  .map((cs) => cs.join(""))
  .filter((s) => !normaliseMemo(s).includes("HD"));

/** The code as a payer or a bank might mangle it: random case, separators anywhere inside. */
const mangled = (length: number) =>
  fc
    .record({
      digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }),
      upper: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
      // Separators after each character but the last: between H and D, between D and the digits, between digits.
      gaps: fc.array(fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 2 }), {
        minLength: length + 1,
        maxLength: length + 1,
      }),
    })
    .map(({ digits, upper, gaps }) => {
      const chars = [upper[0] ? "H" : "h", upper[1] ? "D" : "d", ...digits.map(String)];
      const text = chars.map((ch, i) => ch + (i < gaps.length ? (gaps[i] ?? []).join("") : "")).join("");
      return { code: `HD${digits.join("")}`, text };
    });

describe("findInvoiceCodes, properties", () => {
  it("finds a mangled code among noise that holds no HD", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 12 }).chain((length) => fc.tuple(fc.constant(length), mangled(length))),
        noise,
        noise,
        fc.constantFrom("", ...SEPARATORS),
        ([length, { code, text }], before, after, glue) => {
          // A digit straight after the code would make it a longer number (refused by design), so the noise
          // after it starts with something else, or is set apart by a separator.
          const tail = /^\d/.test(normaliseMemo(after)) && glue === "" ? ` ${after}` : glue + after;
          expect(findInvoiceCodes(before + text + tail, length)).toContain(code);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never returns anything but HD and exactly `length` digits, without repeats", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 8, max: 12 }), (memo, length) => {
        const codes = findInvoiceCodes(memo, length);
        for (const code of codes) expect(code).toMatch(new RegExp(`^HD\\d{${length}}$`));
        expect(new Set(codes).size).toBe(codes.length);
      }),
    );
  });

  it("refuses a run of digits glued on past the code's length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 12 }),
        fc.stringMatching(/^\d{1,10}$/),
        fc.stringMatching(/^\d{12}$/),
        (length, extra, digits) => {
          expect(findInvoiceCodes(`tt HD${digits.slice(0, length)}${extra} phi`, length)).toEqual([]);
        },
      ),
    );
  });

  it("reads its own output back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (memo) => {
        const codes = findInvoiceCodes(memo);
        expect(findInvoiceCodes(codes.join(" "))).toEqual(codes);
      }),
    );
  });
});

describe("findOrderCodes", () => {
  it.each([
    ["DH12345678", ["DH12345678"]],
    ["MBVCB.1234.dh123 45678 thanh toan", ["DH12345678"]],
    ["CT DEN:0123 Đh-1234-5678 nuoc", ["DH12345678"]],
    ["DH1234567 thieu so", []],
    ["DH123456789 du so", []],
    // A fee notice's code is not an order's, nor the other way round.
    ["HD12345678", []],
    ["HD00012345 DH87654321", ["DH87654321"]],
  ])("reads %j as %j", (memo, codes) => {
    expect(findOrderCodes(memo)).toEqual(codes);
  });

  it("finds the order code a memo was written with, whatever the bank wraps around it", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{8}$/),
        fc.stringMatching(/^[A-Z .:]{0,20}$/),
        fc.stringMatching(/^[ a-z]{0,20}$/),
        (digits, before, after) => {
          expect(findOrderCodes(`${before} DH${digits} ${after}`)).toEqual([`DH${digits}`]);
          expect(findInvoiceCodes(`${before} DH${digits} ${after}`)).toEqual([]);
        },
      ),
    );
  });
});
