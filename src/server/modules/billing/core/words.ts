/**
 * Amounts in Vietnamese words, as invoices print them ("Số tiền viết bằng chữ").
 * One style throughout: "nghìn" (not "ngàn"), "linh" (not "lẻ"), "bốn" (never "tư").
 */

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
const GROUP_SCALES = ["", "nghìn", "triệu"] as const;
const BILLION = 1_000_000_000;

const digit = (d: number): string => DIGITS[d] as string;

/**
 * Reads 0–999. `full` reads all three places, as every group after the first must be ("không trăm linh năm"); a
 * leading group reads only from its first non-zero digit ("năm", "mười lăm").
 */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const saysHundreds = full || hundreds > 0;
  if (saysHundreds) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0) words.push(...(saysHundreds ? ["linh", digit(units)] : [digit(units)]));
  } else if (tens === 1) {
    words.push("mười");
    if (units > 0) words.push(units === 5 ? "lăm" : digit(units));
  } else {
    words.push(digit(tens), "mươi");
    if (units > 0) words.push(units === 1 ? "mốt" : units === 5 ? "lăm" : digit(units));
  }
  return words;
}

/** Reads n > 0: blocks of nine digits joined by "tỷ", each block as up to three groups (triệu, nghìn, units). */
function readPositive(n: number, leading: boolean): string[] {
  if (n >= BILLION) {
    const high = Math.floor(n / BILLION);
    const low = n % BILLION;
    return [...readPositive(high, leading), "tỷ", ...(low > 0 ? readPositive(low, false) : [])];
  }
  const words: string[] = [];
  let first = leading;
  for (let scale = 2; scale >= 0; scale--) {
    const group = Math.floor(n / 1000 ** scale) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, !first));
    if (scale > 0) words.push(GROUP_SCALES[scale] as string);
    first = false;
  }
  return words;
}

/**
 * An amount in Vietnamese words, capitalised, ending in "đồng".
 * 1_234_567 → "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"; 0 → "Không đồng";
 * negative amounts start with "Âm".
 * @param n the amount in VND, a safe integer
 */
export function vndInWords(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount must be a whole number of đồng, got ${n}`);
  const words = n === 0 ? ["không"] : [...(n < 0 ? ["âm"] : []), ...readPositive(Math.abs(n), true)];
  const text = `${words.join(" ")} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
