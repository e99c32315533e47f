import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** A chunk of the web build, as Vite's manifest (`.vite/manifest.json`) describes it. */
type ManifestChunk = { file: string; src?: string; name?: string; imports?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** The signed-in areas by the address they live under, with the module that is each one's code. */
const AREAS: ReadonlyArray<{ prefix: string; entry: string }> = [
  { prefix: "/app", entry: "resident/ResidentArea.tsx" },
  { prefix: "/console", entry: "console/ConsoleArea.tsx" },
  { prefix: "/partner", entry: "partner/PartnerArea.tsx" },
  { prefix: "/platform", entry: "platform/PlatformArea.tsx" },
];

/** The files of a chunk and of every chunk it imports statically: what it needs before it can run. */
function chunkFiles(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => chunkFiles(manifest, imported, seen))];
}

/**
 * The web app's page (index.html) for an address. In a signed-in area its head also names what the area's first
 * screen will ask for, so the browser fetches it beside the app's main script instead of once that script has
 * downloaded and run: who is signed in (`preload`, which the app's own request then takes) and the area's code
 * (`prefetch`, at low priority: as `modulepreload` it competed with the main script and moved the first paint
 * from 1.9 to 2.5 s with Lighthouse's phone profile).
 */
export function webShell(webDir: string): (pathname: string) => string {
  const index = readFileSync(path.join(webDir, "index.html"), "utf8");
  const manifestFile = path.join(webDir, ".vite", "manifest.json");
  if (!existsSync(manifestFile)) return () => index;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const firstLoad = new Set(chunkFiles(manifest, "index.html"));
  // An area's module is listed under its source path when only import() reaches it, and under its chunk's name
  // when the bundler shares it between importers.
  const keyOf = (entry: string) =>
    Object.entries(manifest).find(
      ([, chunk]) => chunk.src === entry || (!chunk.src && chunk.name === path.basename(entry, ".tsx")),
    )?.[0];

  const pages = AREAS.flatMap(({ prefix, entry }) => {
    const key = keyOf(entry);
    if (!key) return [];
    const hints = [
      '<link rel="preload" href="/api/v1/auth/me" as="fetch" crossorigin>',
      ...chunkFiles(manifest, key)
        .filter((file) => !firstLoad.has(file))
        .map((file) => `<link rel="prefetch" href="/${file}">`),
    ];
    return [{ prefix, html: index.replace("</head>", `    ${hints.join("\n    ")}\n  </head>`) }];
  });
  return (pathname) =>
    pages.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.html ?? index;
}
