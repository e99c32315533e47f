#!/usr/bin/env node
// The dependency rules of DESIGN.md §5 (.dependency-cruiser.cjs), plus cycles between modules: a module that
// reaches another through any of its files, and is reached back, is a cycle even when no two files are.
import { spawnSync } from "node:child_process";
import path from "node:path";

const bin = path.join("node_modules", ".bin", process.platform === "win32" ? "depcruise.cmd" : "depcruise");
const run = spawnSync(bin, ["src", "bench", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
if (run.status !== 0 && !run.stdout) {
  console.error(run.stderr);
  process.exit(2);
}
const result = JSON.parse(run.stdout);

const byRule = new Map();
for (const v of result.summary.violations) {
  byRule.set(v.rule.name, [...(byRule.get(v.rule.name) ?? []), v]);
}

const moduleOf = (file) => /^src\/server\/modules\/([^/]+)\//.exec(file)?.[1];
const edges = new Map();
for (const m of result.modules) {
  const from = moduleOf(m.source);
  if (!from || m.source.endsWith(".test.ts")) continue;
  for (const d of m.dependencies) {
    const to = moduleOf(d.resolved);
    if (to && to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
  }
}
/** Strongly connected groups of more than one module (Tarjan). */
function moduleCycles() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const groups = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return groups;
}
const cycles = moduleCycles();

const count = (rule) => byRule.get(rule)?.length ?? 0;
const internals = ["module-through-index", "tables-name-only-tables", "outside-through-index"].reduce(
  (n, r) => n + count(r),
  0,
);
console.log(
  `${result.summary.totalCruised} files: ${cycles.length} module cycles, ${count("no-cycle")} file cycles, ` +
    `${count("platform-not-to-modules")} platform→module imports, ${internals} imports of another module's internals, ` +
    `${count("web-not-to-server")} web→server imports, ${count("contracts-stand-alone")} contracts→code imports`,
);
for (const group of cycles) console.log(`  module cycle: ${group.join(" ↔ ")}`);
for (const [rule, list] of byRule) {
  for (const v of list) {
    const via = v.cycle?.length ? `  (${v.cycle.map((c) => c.name ?? c).join(" → ")})` : "";
    console.log(`  ${rule}: ${v.from} → ${v.to}${via}`);
  }
}
process.exit(cycles.length + result.summary.violations.length > 0 ? 1 : 0);
