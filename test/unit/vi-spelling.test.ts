import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filesOf, modernSpelling, offendingLines } from "../../scripts/vi-spelling.mjs";

/** Words checked by hand: the old tone placement and the modern one, every tone of oa, oe and uy. */
const CHANGED: Array<[string, string]> = [
  ["hoá", "hóa"],
  ["hoà", "hòa"],
  ["thoả", "thỏa"],
  ["loã", "lõa"],
  ["hoạ", "họa"],
  ["toà", "tòa"],
  ["xoá", "xóa"],
  ["loà", "lòa"],
  ["khoá", "khóa"],
  ["đoá", "đóa"],
  ["ngoạ", "ngọa"],
  ["oà", "òa"],
  ["khoé", "khóe"],
  ["xoè", "xòe"],
  ["khoẻ", "khỏe"],
  ["toẽ", "tõe"],
  ["nhoẹ", "nhọe"],
  ["huý", "húy"],
  ["tuỳ", "tùy"],
  ["huỷ", "hủy"],
  ["thuỷ", "thủy"],
  ["luỹ", "lũy"],
  ["thuỵ", "thụy"],
  ["uỷ", "ủy"],
  // Both cases, and a capital only at the start.
  ["Hoá", "Hóa"],
  ["Toà", "Tòa"],
  ["Huỷ", "Hủy"],
  ["Xoá", "Xóa"],
  ["HOÁ", "HÓA"],
  ["TOÀ", "TÒA"],
  ["THUỶ", "THỦY"],
  ["KHOẺ", "KHỎE"],
  ["Đoá", "Đóa"],
  ["Uỷ", "Ủy"],
];

/** Words that must stay as they are: qu+y, final consonants, third vowels, gi-, the modern spelling itself. */
const UNCHANGED = [
  "quý",
  "quỳ",
  "quỷ",
  "quỹ",
  "quỵ",
  "Quý",
  "QUỸ",
  "quà",
  "quả",
  "quạ",
  "quẻ",
  "hoàn",
  "toán",
  "khuyên",
  "khuyết",
  "thuyền",
  "hoạch",
  "hoặc",
  "xoắn",
  "toàn",
  "loại",
  "ngoài",
  "khoái",
  "khuỷu",
  "giá",
  "già",
  "giả",
  "hóa",
  "tòa",
  "hủy",
  "khỏe",
  "hoa",
  "thuy",
  "hoe",
  "á",
  "ý",
  "café",
  "Huyện",
];

describe("the modern tone placement of oa, oe and uy", () => {
  it.each(CHANGED)("%s → %s", (old, modern) => {
    expect(modernSpelling(old)).toBe(modern);
    // The modern spelling is left alone.
    expect(modernSpelling(modern)).toBe(modern);
  });

  it.each(UNCHANGED)("leaves %s as it is", (word) => {
    expect(modernSpelling(word)).toBe(word);
  });

  it("rewrites the syllables of a sentence and nothing else", () => {
    expect(modernSpelling("Xoá toà nhà Hoà Bình? Huỷ hoá đơn quý I và hoàn tiền.")).toBe(
      "Xóa tòa nhà Hòa Bình? Hủy hóa đơn quý I và hoàn tiền.",
    );
    expect(modernSpelling('  "cancel": "Huỷ",\n  "invoice": "Hoá đơn"')).toBe(
      '  "cancel": "Hủy",\n  "invoice": "Hóa đơn"',
    );
    // Punctuation, digits and ASCII around a syllable are boundaries; letters are not.
    expect(modernSpelling("(hoá)")).toBe("(hóa)");
    expect(modernSpelling("toà-2")).toBe("tòa-2");
    expect(modernSpelling("xhoá")).toBe("xhoá");
  });

  it("reads decomposed input (NFD) and writes the syllables it changes precomposed", () => {
    expect(modernSpelling("hoa\u0301 đơn".normalize("NFD"))).toBe(`hóa ${"đơn".normalize("NFD")}`);
    expect(modernSpelling("quy\u0301".normalize("NFD"))).toBe("quy\u0301".normalize("NFD"));
  });

  it("lists the lines to change, numbered from 1", () => {
    expect(offendingLines('{\n  "a": "Hoá đơn",\n  "b": "Quý khách",\n  "c": "Huỷ"\n}')).toEqual([
      { line: 2, text: '  "a": "Hoá đơn",', modern: '  "a": "Hóa đơn",' },
      { line: 4, text: '  "c": "Huỷ"', modern: '  "c": "Hủy"' },
    ]);
    expect(offendingLines("Hóa đơn\nTòa nhà")).toEqual([]);
  });
});

// Properties over generated syllables. The expected form is built independently: the tone is a combining mark
// put after the first vowel, then composed.
const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const ONSETS = ["", "b", "ch", "d", "đ", "h", "kh", "l", "ng", "nh", "ph", "t", "th", "tr", "x"];
const RHYMES = ["oa", "oe", "uy"];
const FINALS = ["n", "ng", "c", "ch", "t", "m", "p", "nh", "i", "o", "u"];
const caseOf = (text: string, upper: boolean) => (upper ? text.toUpperCase() : text);

const syllable = fc.record({
  onset: fc.constantFrom(...ONSETS),
  rhyme: fc.constantFrom(...RHYMES),
  tone: fc.constantFrom(...TONES),
  upper: fc.boolean(),
});

describe("properties", () => {
  it("moves the tone of any open oa/oe/uy syllable to its first vowel, in either case", () => {
    fc.assert(
      fc.property(syllable, ({ onset, rhyme, tone, upper }) => {
        const [first, second] = rhyme;
        const old = caseOf(`${onset}${first}${second}${tone}`, upper).normalize("NFC");
        const modern = caseOf(`${onset}${first}${tone}${second}`, upper).normalize("NFC");
        expect(modernSpelling(old)).toBe(modern);
        expect(modernSpelling(modern)).toBe(modern);
      }),
    );
  });

  it("never touches a syllable with a final consonant or a third vowel, nor qu- and gi- syllables", () => {
    fc.assert(
      fc.property(syllable, fc.constantFrom(...FINALS), ({ rhyme, tone, upper }, final) => {
        const [first, second] = rhyme;
        for (const word of [
          `h${first}${second}${tone}${final}`,
          `qu${second === "y" ? "y" : second}${tone}`,
          `gi${first}${second}${tone}`,
        ]) {
          const text = caseOf(word, upper).normalize("NFC");
          expect(modernSpelling(text)).toBe(text);
        }
      }),
    );
  });

  it("is idempotent and changes nothing but tone positions on any text", () => {
    const letters = fc.constantFrom(..."hoaeuyqgitn ,.đáàảãạéèẻẽẹýỳỷỹỵóòủ\n".split(""));
    fc.assert(
      fc.property(
        fc.array(letters, { maxLength: 40 }).map((a) => a.join("")),
        (text) => {
          const once = modernSpelling(text);
          expect(modernSpelling(once)).toBe(once);
          expect(once.length).toBe(text.length);
          const bare = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
          expect(bare(once)).toBe(bare(text));
        },
      ),
    );
  });
});

describe("the command", () => {
  it("expands globs and folders, less what --ignore matches", () => {
    const locales = filesOf(["src/web/locales/*.json"]);
    expect(locales).toContain("src/web/locales/vi.json");
    expect(locales).toContain("src/web/locales/console.en.json");
    expect(locales.every((f) => f.endsWith(".json"))).toBe(true);
    expect(filesOf(["src/server/config.ts", "src/server/config.unit.test.ts"], ["**/*.test.ts"])).toEqual([
      "src/server/config.ts",
    ]);
    const server = filesOf(["src/server/platform/i18n"], ["**/*.test.ts"]);
    expect(server).toContain("src/server/platform/i18n/messages.ts");
    expect(server.some((f) => f.endsWith(".test.ts"))).toBe(false);
  });

  it("--check lists the lines and fails; without it the files are rewritten, and then --check passes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vi-spelling-"));
    try {
      const file = path.join(dir, "texts.vi.json");
      writeFileSync(
        file,
        '{\n  "cancel": "Huỷ",\n  "fund": "Quỹ bảo trì",\n  "invoice": "Hoá đơn toà A"\n}\n',
      );
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ["scripts/vi-spelling.mjs", ...args], { encoding: "utf8" });
      const check = run("--check", dir);
      expect(check.status).toBe(1);
      expect(check.stdout).toContain(`${path.relative(".", file)}:2: "cancel": "Huỷ",`);
      expect(check.stdout).toContain(`${path.relative(".", file)}:4: "invoice": "Hoá đơn toà A"`);
      expect(check.stdout).not.toContain("Quỹ");
      expect(run(dir).status).toBe(0);
      expect(readFileSync(file, "utf8")).toBe(
        '{\n  "cancel": "Hủy",\n  "fund": "Quỹ bảo trì",\n  "invoice": "Hóa đơn tòa A"\n}\n',
      );
      expect(run("--check", dir).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
