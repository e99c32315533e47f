import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The web's texts come in parts: the first load carries `locales/vi.json`, and each lazily loaded part of the
 * app (the areas, the console, the landing page) brings its own with `addTexts` when its chunk is evaluated,
 * before anything in it renders. A component may therefore use a text only if it is in the first load or in a
 * part its own chunk (or a chunk that loaded it) brings; otherwise it renders the raw key (`landing.signIn` in
 * the public pages' header, which is in the first load while its text came with the landing page).
 *
 * This walks the import graph from src/web/main.tsx: static imports are one chunk, `import()` starts another
 * that also has every text its importer had. Every literal key (`t("a.b")`, `i18nKey="a.b"`, and the fixed
 * start of `t(\`a.${x}\`)`) must resolve in the texts its chunk has.
 */
const WEB = path.resolve("src/web");
const STATIC_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const KEY_USES = [
  /\bt\(\s*"([a-zA-Z0-9_.]+)"/g,
  /\bt\(\s*'([a-zA-Z0-9_.]+)'/g,
  /i18nKey="([a-zA-Z0-9_.]+)"/g,
  /\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g,
];

type Texts = { [key: string]: string | Texts };
const readJson = (file: string): Texts => JSON.parse(readFileSync(file, "utf8"));

/** The module a specifier names (`./x.js` is `./x.ts` or `./x.tsx`), or null outside src/web's code. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.js$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const source = (file: string) => {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
};

/** A chunk: the modules reachable by static imports from an entry, and the chunks it loads with import(). */
function chunkOf(entry: string): { modules: Set<string>; lazy: Set<string> } {
  const modules = new Set<string>();
  const lazy = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    const text = source(file);
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const target = resolve(file, m[1] ?? m[2] ?? "");
      if (target) queue.push(target);
    }
    for (const m of text.matchAll(DYNAMIC_IMPORT)) {
      const target = resolve(file, m[1] ?? "");
      if (target) lazy.add(target);
    }
  }
  return { modules, lazy };
}

/** The texts a chunk adds: the Vietnamese file of each `locales/<part>.ts` among its modules. */
function partsOf(modules: Set<string>): Texts[] {
  return [...modules]
    .filter((file) => path.dirname(file) === path.join(WEB, "locales") && file.endsWith(".ts"))
    .map((file) => readJson(file.replace(/\.ts$/, ".vi.json")));
}

function has(texts: Texts[], key: string): boolean {
  return texts.some((root) => {
    let node: string | Texts | undefined = root;
    for (const part of key.split(".")) {
      if (typeof node !== "object" || node === null) return false;
      node = node[part];
    }
    return node !== undefined;
  });
}

type Problem = { file: string; key: string; chunk: string };

/** Walks every chunk from the entry, with the texts it inherits, and lists the keys it cannot resolve. */
function problems(): { problems: Problem[]; chunks: number; keys: number } {
  const found: Problem[] = [];
  const seen = new Set<string>();
  let keys = 0;
  const visit = (entry: string, inherited: Texts[]) => {
    const { modules, lazy } = chunkOf(entry);
    const texts = [...inherited, ...partsOf(modules)];
    // A chunk reached again with other inherited texts is checked again (the texts differ).
    const id = `${entry}|${texts.length}`;
    if (seen.has(id)) return;
    seen.add(id);
    for (const file of modules) {
      for (const pattern of KEY_USES) {
        for (const m of source(file).matchAll(pattern)) {
          const key = m[1] as string;
          keys += 1;
          if (!has(texts, key))
            found.push({ file: path.relative(WEB, file), key, chunk: path.relative(WEB, entry) });
        }
      }
    }
    for (const next of lazy) visit(next, texts);
  };
  visit(path.join(WEB, "main.tsx"), [readJson(path.join(WEB, "locales/vi.json"))]);
  return { problems: found, chunks: seen.size, keys };
}

describe("texts and the chunks that render them", () => {
  it("every text a component uses is loaded with its chunk or an earlier one", () => {
    const result = problems();
    // The walk saw the lazily loaded parts and real keys (a walk that finds nothing proves nothing).
    expect(result.chunks).toBeGreaterThan(5);
    expect(result.keys).toBeGreaterThan(300);
    expect(result.problems).toEqual([]);
  });
});
