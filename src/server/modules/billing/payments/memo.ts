/**
 * Finding invoice codes (and the marketplace's order codes) in bank-transfer memos.
 *
 * An invoice code is `HD` followed by a fixed number of digits (8 by default, e.g. `HD00012345`). Banks pass the
 * payer's memo on mangled: lower-cased, diacritics kept or stripped, spaces inserted or removed, dashes added, and
 * wrapped in their own references ("MBVCB.123456.HD00012345.CT tu ...", "CT DEN:0123 ...").
 *
 * The rule, applied to the memo after normalising it (diacritics removed, `đ` read as `d`, upper case):
 * 1. A code starts at an `H` followed by a `D`, with any number of separators between them and after the `D`.
 *    Separators are whitespace and dashes (`-`, `‐`, `‑`, `‒`, `–`, `—`, `_`).
 * 2. Digits are then read, skipping separators between them, until exactly `length` digits are collected.
 *    Anything else (a letter, a dot, a colon) before that ends the attempt: the code is not there.
 * 3. The character right after the last digit must not be a digit. A longer run of digits written without a
 *    separator is one number, not a code followed by something else, so it is refused rather than cut; but a run
 *    that continues after a separator ("HD00012345 0912345678") is someone else's number and is left alone.
 * 4. After a code is found, the search continues after it; after a failed attempt, at the next `H`.
 *
 * Taking exactly `length` digits is what keeps account numbers and phone numbers that banks put after the memo
 * from being glued onto the code: codes have a fixed length in practice, so the length is a parameter rather
 * than a guess.
 */

/** The shortest and longest digit counts an invoice code may have. */
export const INVOICE_CODE_DIGITS = { min: 8, max: 12 } as const;

const SEPARATORS = new Set([
  " ",
  "\t",
  "\n",
  "\r",
  "\u00a0",
  "-",
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "_",
]);

const isSeparator = (ch: string | undefined) => ch !== undefined && (SEPARATORS.has(ch) || /\s/.test(ch));
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/**
 * A memo as the matcher reads it: diacritics removed, `đ` as `d`, upper case.
 *
 * NFD splits "ệ" into "e" and its marks, which are then dropped; `đ` has no decomposition and is mapped by hand.
 * Fullwidth digits and letters (some phone keyboards) fold to ASCII under NFKD.
 * @param memo the memo as the bank sent it
 */
export function normaliseMemo(memo: string): string {
  return memo.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "D").toUpperCase();
}

/**
 * The invoice codes in a transfer memo, normalised to `HD` + digits, in the order they appear, without repeats.
 * @param memo the memo as the bank sent it
 * @param length how many digits a code has, 8 to 12; 8 unless the company's codes are longer
 * @returns codes such as `HD00012345`; empty when there is none
 * @throws RangeError when `length` is not a whole number from 8 to 12
 */
export function findInvoiceCodes(memo: string, length: number = INVOICE_CODE_DIGITS.min): string[] {
  if (!Number.isInteger(length) || length < INVOICE_CODE_DIGITS.min || length > INVOICE_CODE_DIGITS.max) {
    throw new RangeError(
      `an invoice code has ${INVOICE_CODE_DIGITS.min} to ${INVOICE_CODE_DIGITS.max} digits, got ${length}`,
    );
  }
  return findCodes(memo, "HD", length);
}

/**
 * The marketplace's order codes in a transfer memo (`DH` + 8 digits), read by the same rule as invoice codes.
 * @param memo the memo as the bank sent it
 * @returns codes such as `DH00012345`; empty when there is none
 */
export function findOrderCodes(memo: string): string[] {
  return findCodes(memo, "DH", 8);
}

function findCodes(memo: string, prefix: "HD" | "DH", length: number): string[] {
  const [first, second] = [prefix[0], prefix[1]];
  // Spread into code points so that index arithmetic never splits a surrogate pair left by normalisation.
  const chars = [...normaliseMemo(memo)];
  const found: string[] = [];
  let i = 0;
  while (i < chars.length) {
    if (chars[i] !== first) {
      i++;
      continue;
    }
    const end = readCodeAt(chars, i, second, length);
    if (end === null) {
      i++;
      continue;
    }
    const digits = chars
      .slice(i, end)
      .filter((ch) => isDigit(ch))
      .join("");
    const code = `${prefix}${digits}`;
    if (!found.includes(code)) found.push(code);
    i = end;
  }
  return found;
}

/**
 * Tries to read a code whose first letter is at `start`.
 * @returns the index just after the code's last digit, or null when there is no code there
 */
function readCodeAt(
  chars: readonly string[],
  start: number,
  second: string | undefined,
  length: number,
): number | null {
  let j = start + 1;
  while (isSeparator(chars[j])) j++;
  if (chars[j] !== second) return null;
  j++;
  let digits = 0;
  while (digits < length) {
    while (isSeparator(chars[j])) j++;
    if (!isDigit(chars[j])) return null;
    // Read one unbroken run of digits, but no further than the code needs.
    while (digits < length && isDigit(chars[j])) {
      digits++;
      j++;
    }
  }
  return isDigit(chars[j]) ? null : j;
}
