/** Dates and amounts as the privacy documents print them: Asia/Ho_Chi_Minh, dd/MM/yyyy HH:mm, `1.234.567 ₫`. */
import { VN_TIME_ZONE } from "../../../../contracts/time.js";

const zoned = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
const count = new Intl.NumberFormat("vi-VN");

type Parts = { day: string; month: string; year: string; hour: string; minute: string };

function parts(at: Date): Parts {
  const out: Record<string, string> = {};
  for (const p of zoned.formatToParts(at)) out[p.type] = p.value;
  return out as Parts;
}

function toDate(at: Date | string): Date | null {
  const d = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "25/11/2026 20:02"; text that is not a time is shown as it is. */
export function dateTime(at: Date | string): string {
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "2026-12-10" → "10/12/2026" (a calendar date stays that date); a timestamp → its day in Vietnam. */
export function dateOnly(at: Date | string): string {
  if (typeof at === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The date line of a Vietnamese administrative document: "ngày 25 tháng 11 năm 2026". */
export function vietnameseDateLine(at: Date): string {
  const p = parts(at);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

export function money(n: number): string {
  return vnd.format(n);
}

export function number(n: number): string {
  return count.format(n);
}
