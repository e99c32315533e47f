// After the database suites: every (method, route, status) an answer had during the run must be documented by
// that operation in the OpenAPI document. test/helpers/app.ts records them under .tmp/api-statuses/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = ".tmp/api-statuses";
if (!existsSync(path.join(dir, "openapi.json"))) {
  console.error(`${dir}/openapi.json is missing: run the database suites first`);
  process.exit(1);
}
const doc = JSON.parse(readFileSync(path.join(dir, "openapi.json"), "utf8"));
const observed = new Set();
for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
  for (const line of readFileSync(path.join(dir, f), "utf8").split("\n")) if (line) observed.add(line);
}
const undocumented = [];
let checked = 0;
for (const line of [...observed].sort()) {
  const [method, route, status] = line.split(" ");
  const op = doc.paths?.[route]?.[method.toLowerCase()];
  if (!op) continue; // hidden routes (metrics, the dev outbox) are not in the document
  checked++;
  if (!(status in op.responses) && !("default" in op.responses)) undocumented.push(line);
}
console.log(`${checked} observed (operation, status) pairs checked against the OpenAPI document`);
if (undocumented.length) {
  console.error(`Observed but not documented:\n  ${undocumented.join("\n  ")}`);
  process.exit(1);
}
