// Builds what `npm start` runs: the server and CLI bundles (esbuild) and the web app (Vite).

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
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
}
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
