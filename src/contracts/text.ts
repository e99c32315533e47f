/**
 * How every piece of text that enters the product is cleaned, once, at the edge (the server's validator
 * compiler runs it on body, query and params before any zod schema; the web may run it on its forms).
 *
 * - Control characters other than tab and newline (C0 except \t \n \r, DEL, C1) are refused: PostgreSQL text
 *   cannot hold U+0000 and the others are never typed on purpose. A carriage return is accepted and a
 *   CRLF becomes LF, as browsers send textarea lines.
 * - Text is normalised to NFC, so a name typed with combining diacritics ("Nguyễn" as e + U+0302 + U+0303) and
 *   the precomposed one are the same string: unique constraints and searches agree.
 * - Leading and trailing white space is trimmed.
 *
 * Secrets (fields whose name mentions a password) are only checked for control characters: they are never
 * stored or searched, and changing them would lock out whoever chose them as typed.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const SECRET = /password/i;

/** Cleans one string; null when it holds a control character that is refused. */
export function cleanText(value: string, opts: { secret?: boolean } = {}): string | null {
  if (CONTROL.test(value)) return null;
  if (opts.secret) return value;
  const lf = value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value;
  return lf.normalize("NFC").trim();
}

export type CleanResult = { ok: true; value: unknown } | { ok: false; path: (string | number)[] };

/**
 * Cleans every string inside a parsed body, query or params object (keys included), returning a new value, or
 * the path of the first string that is refused.
 */
export function cleanInput(input: unknown): CleanResult {
  let bad: (string | number)[] | null = null;
  const walk = (v: unknown, path: (string | number)[], secret: boolean): unknown => {
    if (bad) return v;
    if (typeof v === "string") {
      const cleaned = cleanText(v, { secret });
      if (cleaned === null) bad = path;
      return cleaned ?? v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i], secret));
    if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) {
        if (cleanText(key, { secret: true }) === null) {
          bad = [...path, key];
          return v;
        }
        out[key] = walk(item, [...path, key], secret || SECRET.test(key));
      }
      return out;
    }
    return v;
  };
  const value = walk(input, [], false);
  return bad ? { ok: false, path: bad } : { ok: true, value };
}
