/**
 * Numbers as people write them in Vietnamese and English spreadsheets: `41.070.000,00` (Vietnamese: "." groups
 * thousands, "," marks decimals), `41,070,000.00` (English), `41 070 000`, or plain digits. One reader for
 * money, areas and counts, so that no column reads `41.070.000,00` as a hundred times the amount.
 *
 * The rules, which refuse rather than guess:
 * - both marks present: the last one is the decimal mark and appears once; the other groups thousands;
 * - one mark appearing several times groups thousands (`1.234.567`), and then there are no decimals;
 * - one mark appearing once is the decimal mark (`72,35`, `1.5`), except when it is followed by exactly three
 *   digits and the value takes no decimals (`scale` 0): `48.000` đồng is forty-eight thousand, because a
 *   whole-number column could not hold 48.0 written with three decimals anyway. For a column with decimals
 *   (areas), `72,355` is three decimals and refused, not 72,355 m²;
 * - groups are three digits (spaces, including non-breaking ones, group thousands too);
 * - decimals beyond `scale` are accepted only when they are zeros (`41.070.000,00` đồng), else refused.
 */

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const CURRENCY = /\s*(₫|đ|đồng|vnd|vnđ)$/i;

/**
 * The canonical decimal text of `input` with exactly `scale` decimals (`"-12"`, `"72.35"`), or null when
 * it is not one number with at most `scale` significant decimals.
 * @param options.currency accept a trailing ₫ / đ / VND (money columns)
 */
export function parseDecimal(
  input: string,
  scale: number,
  options: { currency?: boolean } = {},
): string | null {
  let s = input.trim();
  if (options.currency) s = s.replace(CURRENCY, "");
  let sign = "";
  if (/^[-−+]/.test(s)) {
    sign = s[0] === "+" ? "" : "-";
    s = s.slice(1);
  }
  if (!/^\d[\d.,\s\u00a0\u202f\u2009]*$/.test(s) || /[.,\s\u00a0\u202f\u2009]$/.test(s)) return null;
  const spaced = SPACES.test(s);
  SPACES.lastIndex = 0;
  const marks = s.replace(/[^.,]/g, "");
  let intPart: string;
  let fraction = "";
  let group: string | null = null;
  if (marks.length === 0) {
    intPart = s;
  } else {
    const last = marks[marks.length - 1] as "." | ",";
    const other = last === "." ? "," : ".";
    const lastCount = marks.split(last).length - 1;
    if (marks.includes(other)) {
      // Both marks: the last is the decimal mark, once, after every grouping mark.
      if (lastCount !== 1) return null;
      const at = s.lastIndexOf(last);
      intPart = s.slice(0, at);
      fraction = s.slice(at + 1);
      group = other;
    } else if (lastCount > 1) {
      intPart = s;
      group = last;
    } else {
      const at = s.indexOf(last);
      const after = s.slice(at + 1);
      const before = s.slice(0, at);
      if (scale === 0 && /^\d{3}$/.test(after) && /^\d{1,3}$/.test(before.replace(SPACES, ""))) {
        intPart = s;
        group = last;
      } else {
        intPart = before;
        fraction = after;
      }
    }
  }
  if (!/^\d*$/.test(fraction)) return null;
  if (group && spaced) return null;
  const grouping = group ?? (spaced ? " " : null);
  const normalised = intPart.replace(SPACES, " ");
  if (grouping) {
    const g = grouping === "." ? "\\." : grouping;
    if (!new RegExp(`^\\d{1,3}(${g}\\d{3})+$`).test(normalised)) return null;
  } else if (!/^\d+$/.test(normalised)) {
    return null;
  }
  const digits = normalised.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) return null;
  const decimals = fraction.slice(0, scale).padEnd(scale, "0");
  const zero = /^0*$/.test(digits + decimals);
  return `${zero ? "" : sign}${digits}${scale > 0 ? `.${decimals}` : ""}`;
}

/**
 * A number a spreadsheet cell holds as a number: accepted when it has at most `scale` decimals (a float
 * like 72.35 is compared to the nearest hundredth), as the same canonical text as `parseDecimal`.
 */
export function decimalOfNumber(n: number, scale: number): string | null {
  if (!Number.isFinite(n)) return null;
  const factor = 10 ** scale;
  const scaled = Math.round(n * factor);
  // Only the float's own rounding error is forgiven (72.35 × 100 = 7234.999…), never a real fraction.
  if (Math.abs(scaled - n * factor) > 8 * Number.EPSILON * Math.max(1, Math.abs(scaled))) return null;
  if (!Number.isSafeInteger(scaled)) return null;
  const abs = Math.abs(scaled);
  const whole = String(Math.floor(abs / factor));
  const sign = scaled < 0 ? "-" : "";
  return scale === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(abs % factor).padStart(scale, "0")}`;
}
