/**
 * Business time is Asia/Ho_Chi_Minh (DESIGN §2), which is UTC+7 all year (no daylight saving since 1975), so
 * the local calendar is read off the UTC fields of the instant moved forward by seven hours: exact for every
 * date the platform handles, and independent of the process's TZ and of the ICU data Node was built with.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const local = (now: Date) => new Date(now.getTime() + VIETNAM_OFFSET_MS);

/** Today in Vietnam as YYYY-MM-DD: what "overdue" and "due" are measured against. */
export const todayInVietnam = (now = new Date()): string => local(now).toISOString().slice(0, 10);

/** The calendar year in Vietnam (invoice and receipt numbering). */
export const yearInVietnam = (now = new Date()): number => local(now).getUTCFullYear();

/** A billing period (YYYY-MM) counted from this month in Vietnam: 0 this month, -1 the last, 1 the next. */
export function periodFrom(offset: number, now = new Date()): string {
  const today = local(now);
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

// Wall-clock time in Vietnam as banks and gateways write it (VNPAY, SePay).

/** The parts of an instant as a clock in Vietnam shows them. */
export type VnClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/**
 * Reads an instant on a Vietnamese clock.
 * @param at the instant
 */
export function vnClock(at: Date): VnClock {
  const shifted = local(at);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * The instant a Vietnamese clock showed, or null when the parts are not a real time (31 February, 24:00).
 * @param c the clock reading
 */
export function fromVnClock(c: VnClock): Date | null {
  const utc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  const at = new Date(utc - VIETNAM_OFFSET_MS);
  const back = vnClock(at);
  // Date.UTC rolls 31 February over to March; comparing the round trip refuses such readings instead.
  const same =
    back.year === c.year &&
    back.month === c.month &&
    back.day === c.day &&
    back.hour === c.hour &&
    back.minute === c.minute &&
    back.second === c.second;
  return same ? at : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `yyyyMMddHHmmss` in GMT+7, VNPAY's date format.
 * @param at the instant
 */
export function formatVnCompact(at: Date): string {
  const c = vnClock(at);
  return `${pad(c.year, 4)}${pad(c.month)}${pad(c.day)}${pad(c.hour)}${pad(c.minute)}${pad(c.second)}`;
}

/**
 * Reads `yyyyMMddHHmmss` in GMT+7.
 * @param text the date as VNPAY writes it
 * @returns the instant, or null when the text is not such a date
 */
export function parseVnCompact(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return fromVnClock({ year: y, month: mo, day: d, hour: h, minute: mi, second: s });
}

/**
 * `yyyy-MM-dd HH:mm:ss` in GMT+7, the format of SePay's dates.
 * @param at the instant
 */
export function formatVnSql(at: Date): string {
  const c = vnClock(at);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

/**
 * Reads `yyyy-MM-dd HH:mm:ss` in GMT+7.
 * @param text the date as SePay writes it
 * @returns the instant, or null when the text is not such a date
 */
export function parseVnSql(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return fromVnClock({ year: y, month: mo, day: d, hour: h, minute: mi, second: s });
}
