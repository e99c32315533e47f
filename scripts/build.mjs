// Builds what `npm start` runs: the server and CLI bundles (esbuild) and the web app (Vite).

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const started = Date.now();
await build({
  entryPoints: { "server/main": "src/server/main.ts", "cli/main": "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Dependencies stay in node_modules: pdfkit reads its data files relative to its own module, and the
  // fee-notice font is resolved from node_modules at run time (createRequire(import.meta.url).resolve).
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
if (!process.argv.includes("--server-only") && existsSync("src/web/index.html")) {
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  checkFirstLoad();
  checkNoChunkCycles();
}

/**
 * DESIGN §7: the JavaScript a first visit loads (the entry and the chunks index.html preloads) stays within
 * 170 kB gzip; heavier parts load with the route that needs them. The build fails above it.
 */
function checkFirstLoad() {
  const BUDGET_KB = 170;
  const html = readFileSync("dist/web/index.html", "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const kb = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(`dist/web${file}`)).length, 0) / 1024;
  console.log(`first load: ${kb.toFixed(1)} kB gzip of JavaScript (budget ${BUDGET_KB} kB)`);
  if (kb > BUDGET_KB) {
    console.error(`the first load is over its ${BUDGET_KB} kB budget: load the new parts with their route`);
    process.exit(1);
  }
}
/**
 * Chunks that import each other in a cycle may run a module before one it needs (seen: Mantine's code read React
 * before its chunk had set it up, and the resident app showed its error screen after sign-in).
 */
function checkNoChunkCycles() {
  const dir = "dist/web/assets";
  const imports = new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith(".js"))
      .map((file) => [
        file,
        [
          ...readFileSync(`${dir}/${file}`, "utf8").matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g),
        ].map((m) => m[1]),
      ]),
  );
  const done = new Set();
  const visit = (file, path) => {
    if (path.includes(file)) {
      console.error(
        `chunks import each other in a cycle: ${[...path.slice(path.indexOf(file)), file].join(" → ")}`,
      );
      process.exit(1);
    }
    if (done.has(file)) return;
    for (const next of imports.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of imports.keys()) visit(file, []);
}
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
