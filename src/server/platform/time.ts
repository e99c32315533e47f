/**
 * Business time is Asia/Ho_Chi_Minh (DESIGN §2), which is UTC+7 all year (no daylight saving), so the local
 * calendar is read off the UTC fields of the instant moved forward by seven hours.
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
