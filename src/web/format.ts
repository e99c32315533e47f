/*
 * Vietnam has kept UTC+7 without daylight saving since 1975, so the business time zone is a fixed offset.
 * Arithmetic instead of an Intl.DateTimeFormat with a time zone: building one loads the zone data, which on a
 * phone held the first screen's script evaluation for tens of milliseconds (format.unit.test.ts checks it
 * against Intl).
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, "0");

function parts(iso: string): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS);
  return {
    year: String(local.getUTCFullYear()),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
  };
}

const dayMonthYear = (p: Record<string, string>) => `${p.day}/${p.month}/${p.year}`;

/** dd/MM/yyyy in the business time zone, whatever the UI language. */
export function formatDate(iso: string): string {
  return dayMonthYear(parts(iso));
}

/** dd/MM/yyyy HH:mm (24-hour) in the business time zone. */
export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return `${dayMonthYear(p)} ${p.hour}:${p.minute}`;
}

/** HH:mm (24-hour) in the business time zone. */
export function formatTime(iso: string): string {
  const p = parts(iso);
  return `${p.hour}:${p.minute}`;
}

/** dd/MM/yyyy for a calendar day sent as YYYY-MM-DD (no time zone involved). */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return `${day}/${month}/${year}`;
}

/** A day typed as dd/MM/yyyy (or with - or .) as YYYY-MM-DD; "" when empty; null when it is no date. */
export function parseDay(text: string): string | null {
  const value = text.trim();
  if (!value) return "";
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today as YYYY-MM-DD in the business time zone. */
export function today(): string {
  const p = parts(new Date().toISOString());
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * `digits` (a plain decimal numeral, no sign) rounded to at most `fractionDigits` decimals, half away from zero
 * as Intl.NumberFormat does, on the shortest decimal that prints as the number (1.005 → 1.01).
 */
function roundDecimal(digits: string, fractionDigits: number): { whole: string; fraction: string } {
  const [whole = "0", fraction = ""] = digits.split(".");
  if (fraction.length <= fractionDigits) return { whole, fraction: fraction.replace(/0+$/, "") };
  const kept = `${whole}${fraction.slice(0, fractionDigits)}`;
  const roundedUp = Number(fraction[fractionDigits]) >= 5;
  const all = roundedUp ? incrementDigits(kept) : kept;
  const wholeLength = all.length - fractionDigits;
  return { whole: all.slice(0, wholeLength), fraction: all.slice(wholeLength).replace(/0+$/, "") };
}

/** "1299" → "1300", "999" → "1000": adds one to a numeral of any length. */
function incrementDigits(numeral: string): string {
  const out = numeral.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/**
 * A number in the UI language's separators: 1.234.567,5 in Vietnamese, 1,234,567.5 in English. Written out rather
 * than with Intl.NumberFormat, whose first construction for a locale cost the phone's first screen tens of
 * milliseconds (format.unit.test.ts checks both agree).
 */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 2): string {
  const plain = Math.abs(value).toString();
  if (!Number.isFinite(value) || plain.includes("e")) {
    return new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits }).format(value);
  }
  const [group, decimal] = lang === "en" ? [",", "."] : [".", ","];
  const { whole, fraction } = roundDecimal(plain, maximumFractionDigits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 || Object.is(value, -0) ? "-" : ""}${grouped}${fraction ? `${decimal}${fraction}` : ""}`;
}

/** An area typed with a comma or a dot, more than 0, at most two decimals; null when it is not one. */
export function parseArea(text: string): number | null {
  const value = text.trim().replace(",", ".");
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(value)) return null;
  const area = Number(value);
  return area > 0 && area <= 100_000 ? area : null;
}

/** Area in m²: "72,3 m²". */
export function formatArea(m2: number, lang: string): string {
  return `${formatNumber(m2, lang)} m²`;
}

/**
 * Props of a NumberInput for a whole-đồng amount, grouped the way the reader's language writes numbers
 * (1.234.567 ₫ in Vietnamese, 1,234,567 ₫ in English).
 */
export function vndInputProps(lang: string) {
  const vi = lang !== "en";
  return {
    min: 0,
    allowDecimal: false,
    allowNegative: false,
    thousandSeparator: vi ? "." : ",",
    decimalSeparator: vi ? "," : ".",
    suffix: " ₫",
  };
}

/** Whole đồng: "1.234.567 ₫". */
export function formatVnd(vnd: number, lang: string): string {
  return `${formatNumber(vnd, lang, 0)} ₫`;
}
