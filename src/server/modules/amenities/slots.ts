/**
 * An amenity's day cut into slots, in Vietnam's time (UTC+7 all year: a wall-clock time on a date is one instant,
 * see platform/time.ts).
 */
export type SlotRules = { opensAt: string; closesAt: string; slotMinutes: number };
export type SlotTimes = { startsAt: Date; endsAt: Date };

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const MINUTE_MS = 60_000;

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** The instant a date (YYYY-MM-DD) shows a number of minutes after midnight in Vietnam. */
function at(date: string, minutes: number): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d) + minutes * MINUTE_MS - VIETNAM_OFFSET_MS);
}

/** The instant a Vietnamese day begins, `days` days after the date. */
export const dayStart = (date: string, days = 0) => at(date, days * 24 * 60);

/** The Vietnamese calendar month an instant falls in, as [from, until). */
export function monthOf(instant: Date): { from: Date; until: Date } {
  const [y, m] = vnDate(instant).split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { from: at(`${vnDate(instant).slice(0, 7)}-01`, 0), until: at(next, 0) };
}

/** The slots of a day: from the opening, one after another, each wholly before the closing. */
export function slotsOn(rules: SlotRules, date: string): SlotTimes[] {
  const open = minutesOf(rules.opensAt);
  const close = minutesOf(rules.closesAt);
  const out: SlotTimes[] = [];
  for (let start = open; start + rules.slotMinutes <= close; start += rules.slotMinutes)
    out.push({ startsAt: at(date, start), endsAt: at(date, start + rules.slotMinutes) });
  return out;
}

/** The Vietnamese calendar date of an instant (YYYY-MM-DD). */
export const vnDate = (instant: Date) =>
  new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The slot that starts at this instant, or null when none does. */
export function slotAt(rules: SlotRules, startsAt: Date): SlotTimes | null {
  return slotsOn(rules, vnDate(startsAt)).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
}

/** "18:00 20/12/2026", as a Vietnamese reader writes a slot's start. */
export function slotLabel(startsAt: Date): string {
  const local = new Date(startsAt.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}
