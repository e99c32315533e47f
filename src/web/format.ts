import { VN_TIME_ZONE } from "../contracts/time.js";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(
    dateTimeFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
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

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number in the UI language's separators: 72,35 in Vietnamese, 72.35 in English. */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 2): string {
  return numberFormat(lang, maximumFractionDigits).format(value);
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

/** Whole đồng: "1.234.567 ₫". */
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

export function formatVnd(vnd: number, lang: string): string {
  return `${formatNumber(vnd, lang, 0)} ₫`;
}
