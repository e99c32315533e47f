import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vndInWords } from "./words.js";

const PLAIN = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const AFTER_MUOI = ["một", "hai", "ba", "bốn", "lăm", "sáu", "bảy", "tám", "chín"];
const AFTER_MUOI_N = ["mốt", "hai", "ba", "bốn", "lăm", "sáu", "bảy", "tám", "chín"];
const SCALES: Record<string, number> = { triệu: 2, nghìn: 1 };

function fail(tokens: string[], why: string): never {
  throw new Error(`not a valid reading: "${tokens.join(" ")}" (${why})`);
}

/**
 * Reads one 3-digit group back, accepting only the spellings the rules allow: a leading group from its first
 * non-zero digit, every later group in full ("không trăm linh năm"); "mười" for 10–19, "mươi" otherwise; "mốt" and
 * "lăm" only after a tens word; "linh" only after hundreds.
 */
function readGroup(tokens: string[], full: boolean): number {
  let i = 0;
  let value = 0;
  const hundredsSaid = tokens[1] === "trăm";
  if (hundredsSaid) {
    const h = ["không", ...PLAIN].indexOf(tokens[0] ?? "");
    if (h < 0 || (h === 0 && !full)) fail(tokens, "hundreds digit");
    value = h * 100;
    i = 2;
  } else if (full) fail(tokens, "a group after the first must say its hundreds");
  const word = tokens[i];
  if (word === "linh") {
    if (!hundredsSaid) fail(tokens, "linh without hundreds");
    const u = PLAIN.indexOf(tokens[i + 1] ?? "");
    if (u < 0) fail(tokens, "unit after linh");
    value += u + 1;
    i += 2;
  } else if (word === "mười") {
    value += 10;
    i += 1;
    if (i < tokens.length) {
      const u = AFTER_MUOI.indexOf(tokens[i] ?? "");
      if (u < 0) fail(tokens, "unit after mười");
      value += u + 1;
      i += 1;
    }
  } else if (tokens[i + 1] === "mươi") {
    const t = PLAIN.indexOf(word ?? "");
    if (t < 1) fail(tokens, "tens digit before mươi");
    value += (t + 1) * 10;
    i += 2;
    if (i < tokens.length) {
      const u = AFTER_MUOI_N.indexOf(tokens[i] ?? "");
      if (u < 0) fail(tokens, "unit after mươi");
      value += u + 1;
      i += 1;
    }
  } else if (word !== undefined) {
    if (hundredsSaid) fail(tokens, "a unit after trăm needs linh");
    const u = PLAIN.indexOf(word);
    if (u < 0) fail(tokens, "unit");
    value += u + 1;
    i += 1;
  }
  if (i !== tokens.length) fail(tokens, "words left over");
  if (value === 0) fail(tokens, "a zero group is left out, not read");
  return value;
}

/** Reads below a billion: groups followed by "triệu", "nghìn" or nothing, in decreasing order. */
function readBlock(tokens: string[], leading: boolean): number {
  let value = 0;
  let lastScale = 3;
  let start = 0;
  let first = leading;
  for (let i = 0; i <= tokens.length; i++) {
    const scaleWord = tokens[i];
    const scale = i === tokens.length ? 0 : SCALES[scaleWord ?? ""];
    if (scale === undefined) continue;
    if (scale >= lastScale) fail(tokens, "scales out of order");
    const group = tokens.slice(start, i);
    if (group.length > 0 || i < tokens.length) value += readGroup(group, !first) * 1000 ** scale;
    first = false;
    lastScale = scale;
    start = i + 1;
  }
  return value;
}

function readAmount(tokens: string[], leading: boolean): number {
  const at = tokens.lastIndexOf("tỷ");
  if (at < 0) return readBlock(tokens, leading);
  const low = tokens.slice(at + 1);
  return readAmount(tokens.slice(0, at), leading) * 1e9 + (low.length > 0 ? readBlock(low, false) : 0);
}

/** The test's reader: words back to the number, refusing anything the rules do not produce. */
function decode(text: string): number {
  if (!text.endsWith(" đồng")) throw new Error(`no "đồng": ${text}`);
  const lower = text.toLowerCase();
  if (text !== lower.charAt(0).toUpperCase() + lower.slice(1)) throw new Error(`capitalisation: ${text}`);
  const tokens = lower.slice(0, -" đồng".length).split(" ");
  if (tokens.length === 1 && tokens[0] === "không") return 0;
  if (tokens[0] === "âm") return -readAmount(tokens.slice(1), true);
  return readAmount(tokens, true);
}

describe("vndInWords", () => {
  it("reads the tricky numbers as invoices print them", () => {
    const table: [number, string][] = [
      [0, "Không đồng"],
      [1, "Một đồng"],
      [4, "Bốn đồng"],
      [5, "Năm đồng"],
      [10, "Mười đồng"],
      [11, "Mười một đồng"],
      [14, "Mười bốn đồng"],
      [15, "Mười lăm đồng"],
      [20, "Hai mươi đồng"],
      [21, "Hai mươi mốt đồng"],
      [24, "Hai mươi bốn đồng"],
      [25, "Hai mươi lăm đồng"],
      [55, "Năm mươi lăm đồng"],
      [100, "Một trăm đồng"],
      [101, "Một trăm linh một đồng"],
      [105, "Một trăm linh năm đồng"],
      [110, "Một trăm mười đồng"],
      [115, "Một trăm mười lăm đồng"],
      [121, "Một trăm hai mươi mốt đồng"],
      [1_000, "Một nghìn đồng"],
      [1_005, "Một nghìn không trăm linh năm đồng"],
      [1_010, "Một nghìn không trăm mười đồng"],
      [1_021, "Một nghìn không trăm hai mươi mốt đồng"],
      [10_000, "Mười nghìn đồng"],
      [15_000, "Mười lăm nghìn đồng"],
      [21_000, "Hai mươi mốt nghìn đồng"],
      [100_000, "Một trăm nghìn đồng"],
      [589_600, "Năm trăm tám mươi chín nghìn sáu trăm đồng"],
      [636_768, "Sáu trăm ba mươi sáu nghìn bảy trăm sáu mươi tám đồng"],
      [1_000_001, "Một triệu không trăm linh một đồng"],
      [1_001_000, "Một triệu không trăm linh một nghìn đồng"],
      [1_234_567, "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"],
      [1_000_000_000, "Một tỷ đồng"],
      [1_000_000_005, "Một tỷ không trăm linh năm đồng"],
      [2_500_000_000, "Hai tỷ năm trăm triệu đồng"],
      [15_000_000_000, "Mười lăm tỷ đồng"],
      [1_000_000_000_000, "Một nghìn tỷ đồng"],
      [1_200_000_000_000, "Một nghìn hai trăm tỷ đồng"],
      [1_000_005_000_000_000, "Một triệu không trăm linh năm tỷ đồng"],
      [-1_500, "Âm một nghìn năm trăm đồng"],
      [-21, "Âm hai mươi mốt đồng"],
      [
        Number.MAX_SAFE_INTEGER,
        "Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi bốn triệu " +
          "bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng",
      ],
    ];
    for (const [n, words] of table) expect(vndInWords(n), String(n)).toBe(words);
  });

  it("refuses what is not a whole number of đồng", () => {
    for (const bad of [1.5, Number.NaN, 2 ** 53, Number.NEGATIVE_INFINITY]) {
      expect(() => vndInWords(bad)).toThrow(RangeError);
    }
  });

  it("has a reader that refuses the spellings the rules forbid", () => {
    for (const bad of [
      "Hai mươi một đồng",
      "Mười mốt đồng",
      "Một trăm năm đồng",
      "Một nghìn năm đồng",
      "Một trăm linh lăm đồng",
      "Hai mươi tư đồng",
      "Một mươi đồng",
      "Không trăm năm mươi đồng",
      "Một nghìn không trăm đồng",
      "Một nghìn triệu đồng",
      "một đồng",
      "Một",
    ]) {
      expect(() => decode(bad), bad).toThrow();
    }
  });

  it("reads back to the same number, by a reader that accepts only valid word sequences (0 to 10^12)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(decode(vndInWords(n))).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads back over the whole safe range, negatives included, and with every small number", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(decode(vndInWords(n))).toBe(n);
      }),
    );
    for (let n = 0; n <= 2_100; n++) expect(decode(vndInWords(n))).toBe(n);
  });

  it("never doubles a space, never says tư, and keeps mốt and lăm where they belong", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const words = vndInWords(n);
        expect(words).not.toMatch(/\s\s|^\s|\s$/);
        expect(words.toLowerCase()).not.toMatch(/(^| )tư( |$)|mười mốt|linh mốt|linh lăm|mươi một|mươi năm/);
      }),
    );
  });

  it("reads n × 10^9 as n's reading followed by tỷ", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_007_198 }), (n) => {
        expect(vndInWords(n * 1e9)).toBe(vndInWords(n).replace(/ đồng$/, " tỷ đồng"));
      }),
    );
  });
});
