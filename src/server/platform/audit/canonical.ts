/**
 * JSON with object keys sorted at every level, so the same entry always hashes the same. One rule per type,
 * the same as JSON.stringify's (which is what the database's jsonb receives, so an entry read back hashes as
 * it did when written): a value with `toJSON` (a Date: its ISO string) is written as what that returns;
 * `undefined`, functions and symbols are left out of objects and are null in arrays; non-finite numbers are
 * null.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? "null";
}

function write(value: unknown): string | undefined {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    return write((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? "null").join(",")}]`;
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const s = write(v);
    if (s !== undefined) entries.push([k, s]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, s]) => `${JSON.stringify(k)}:${s}`).join(",")}}`;
}
