/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MIN = 7 * 60;
const DAY_MIN = 24 * 60;

const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the quiet hours `from`–`to` (Vietnam's time, "21:00"–"07:00" may span midnight) around `now` end, or
 * null when `now` is outside them. Equal ends mean no quiet hours.
 */
export function quietUntil(now: Date, from: string, to: string): Date | null {
  const start = minuteOfDay(from);
  const end = minuteOfDay(to);
  if (start === end) return null;
  const local = Math.floor(now.getTime() / 60_000) + VIETNAM_OFFSET_MIN;
  const t = ((local % DAY_MIN) + DAY_MIN) % DAY_MIN;
  const inside = start < end ? t >= start && t < end : t >= start || t < end;
  if (!inside) return null;
  const endLocal = local - t + end + (t >= end ? DAY_MIN : 0);
  return new Date((endLocal - VIETNAM_OFFSET_MIN) * 60_000);
}
