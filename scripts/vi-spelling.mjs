// Vietnamese tone placement in the interface's spelling: "hoá, toà, huỷ, khoẻ" (the tone on the last vowel)
// become "hóa, tòa, hủy, khỏe" (the tone on the first vowel), the spelling commercial Vietnamese apps use.
//
// Only open syllables whose rhyme is oa, oe or uy change: a syllable with a final consonant or a third vowel
// (hoàn, toán, khuyên, ngoài) is already written one way only, qu+y (quý, quỹ) carries its tone on the y because
// the u belongs to the consonant, and gi- syllables are left as they are.
//
//   node scripts/vi-spelling.mjs <files, folders or globs>...          rewrites them in place
//   node scripts/vi-spelling.mjs --check <files, folders or globs>...  lists offending lines, exits 1 if any
//   --ignore <glob> (repeatable) leaves out the files it matches, e.g. --ignore '**/*.test.ts'
//
// Folders are walked for text files (.json .ts .tsx .mjs .js .html .md .css .txt); globs take * ** ? and {a,b}
// and are matched against paths relative to the current folder.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A toned vowel (precomposed) → its base letter and tone, for the five tones on a, e, y, o, u (both cases). */
const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // sắc, huyền, hỏi, ngã, nặng

/** `tone(base, i)`: the base vowel with tone i, precomposed ("a", 0 → "á"). */
const tone = (base, i) => `${base}${TONES[i]}`.normalize("NFC");

/** For each toned second vowel (á, È, ỷ...): [its bare form, the tone's index]. */
const SECOND = new Map();
for (const base of ["a", "e", "y", "A", "E", "Y"]) {
  TONES.forEach((_, i) => {
    SECOND.set(tone(base, i), [base, i]);
  });
}

/** The onsets a syllable with an oa/oe/uy rhyme may start with (never qu-, never gi-). */
const ONSETS = new Set([
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
]);

/** The first vowel of the rhyme for each second vowel: o before a and e, u before y. */
const FIRST = { a: "o", e: "o", y: "u" };

/**
 * The modern spelling of one syllable (a run of letters), or the syllable itself when it is not an open
 * oa/oe/uy syllable toned on its last vowel.
 * @param {string} word one syllable, precomposed (NFC)
 * @returns {string}
 */
function modernSyllable(word) {
  if (word.length < 2) return word;
  const last = SECOND.get(word.at(-1));
  if (!last) return word;
  const [bare, toneIndex] = last;
  const first = word.at(-2);
  if (first.toLowerCase() !== FIRST[bare.toLowerCase()]) return word;
  const onset = word.slice(0, -2);
  if (!ONSETS.has(onset.toLowerCase())) return word;
  return `${onset}${tone(first, toneIndex)}${bare}`;
}

/** A syllable: a run of letters (with any combining marks), not part of a longer run. */
const SYLLABLE = /[\p{L}\p{M}]+/gu;

/**
 * Rewrites the old tone placement to the modern one throughout a text ("Hoá đơn" → "Hóa đơn").
 * @param {string} text
 * @returns {string}
 */
export function modernSpelling(text) {
  return text.replace(SYLLABLE, (word) => {
    const nfc = word.normalize("NFC");
    const modern = modernSyllable(nfc);
    return modern === nfc ? word : modern;
  });
}

/**
 * The lines of a text that the modern spelling would change, numbered from 1.
 * @param {string} text
 * @returns {{ line: number; text: string; modern: string }[]}
 */
export function offendingLines(text) {
  return text.split("\n").flatMap((line, i) => {
    const modern = modernSpelling(line);
    return modern === line ? [] : [{ line: i + 1, text: line, modern }];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Files

const TEXT_FILES = /\.(json|ts|tsx|mts|mjs|js|html|md|css|txt)$/;
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".tmp", "data"]);

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, out);
    } else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over /-separated relative paths. */
function globRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // "**/" matches no folder or any number of them; a trailing "**" matches anything.
      if (glob[i + 2] === "/") {
        re += "(?:.*/)?";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(",")
        .map((s) => s.replace(/[.+^$()|[\]\\]/g, "\\$&"))
        .join("|")})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * The files named by the arguments: files as given, folders walked for text files, globs expanded; those an
 * ignore glob matches are left out.
 * @param {string[]} args
 * @param {string[]} [ignore]
 * @returns {string[]}
 */
export function filesOf(args, ignore = []) {
  const ignored = ignore.map(globRegex);
  const files = new Set();
  for (const arg of args) {
    if (/[*?{]/.test(arg)) {
      const parts = arg.split("/");
      const firstGlob = parts.findIndex((p) => /[*?{]/.test(p));
      const base = parts.slice(0, firstGlob).join("/") || ".";
      const pattern = globRegex(arg.replace(/^\.\//, ""));
      for (const file of walk(base, [])) {
        const rel = path.relative(".", file).split(path.sep).join("/");
        if (pattern.test(rel)) files.add(rel);
      }
    } else if (statSync(arg).isDirectory()) {
      for (const file of walk(arg, [])) if (TEXT_FILES.test(file)) files.add(file);
    } else files.add(arg);
  }
  return [...files]
    .map((file) => path.relative(".", file).split(path.sep).join("/"))
    .filter((file) => !ignored.some((re) => re.test(file)))
    .sort();
}

function main(argv) {
  let check = false;
  const ignore = [];
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--check") check = true;
    else if (argv[i] === "--ignore") ignore.push(argv[++i] ?? "");
    else args.push(argv[i]);
  }
  if (args.length === 0) {
    console.error(
      "usage: node scripts/vi-spelling.mjs [--check] [--ignore <glob>]... <files, folders or globs>...",
    );
    return 2;
  }
  let lines = 0;
  let changedFiles = 0;
  for (const file of filesOf(args, ignore)) {
    const text = readFileSync(file, "utf8");
    const found = offendingLines(text);
    if (found.length === 0) continue;
    lines += found.length;
    changedFiles += 1;
    if (check) {
      for (const f of found) console.log(`${file}:${f.line}: ${f.text.trim()}`);
    } else {
      writeFileSync(file, modernSpelling(text));
      console.log(`${file}: ${found.length} line(s) rewritten`);
    }
  }
  if (check) {
    if (lines > 0) {
      console.log(
        `\n${lines} line(s) in ${changedFiles} file(s) use the old tone placement (hoá, toà, huỷ): ` +
          "run node scripts/vi-spelling.mjs on them",
      );
      return 1;
    }
    console.log("Vietnamese spelling: every oa/oe/uy syllable uses the modern tone placement");
    return 0;
  }
  console.log(`${lines} line(s) rewritten in ${changedFiles} file(s)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
