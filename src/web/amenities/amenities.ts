import type { TFunction } from "i18next";
import type { ApiData } from "../api.js";
import { formatDate, formatTime, formatVnd } from "../format.js";

/** The amenities of the buildings one sees (a resident: the active ones of their units' buildings). */
export const AMENITIES_PATH = "/amenities";
/** A day's slots of an amenity (under the amenities path, so changing an amenity refreshes them). */
export const SLOTS_PATH = "/amenities/{id}/slots";
/** The household's bookings, with their check-in codes. */
export const MY_BOOKINGS_PATH = "/me/bookings";
/** The desk's bookings of the buildings it covers. */
export const BOOKINGS_PATH = "/bookings";

export type Amenity = ApiData<"get", "/amenities/{id}">;
export type Booking = ApiData<"get", "/me/bookings">["items"][number];
export type Slot = ApiData<"get", "/amenities/{id}/slots">["items"][number];

export const KINDS = ["bbq", "hall", "pool", "gym", "tennis", "other"] as const satisfies Amenity["kind"][];
export const BOOKERS = ["household", "owners_tenants", "owners"] as const satisfies Amenity["bookers"][];
export const BOOKING_STATUSES = [
  "booked",
  "waiting",
  "checked_in",
  "cancelled",
] as const satisfies Booking["status"][];

const DAY_MS = 24 * 3600_000;
const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar day (YYYY-MM-DD) `days` after another. */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day of the week (0 Sunday … 6 Saturday) of a calendar day. */
export function weekdayOf(isoDay: string): number {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The calendar day in Vietnam an instant falls on. */
export const vnDay = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 10);

/** "09:00 – 12:00". */
export const timeRange = (startsAt: string, endsAt: string) =>
  `${formatTime(startsAt)} – ${formatTime(endsAt)}`;

/** "T7 14/06/2026": the day a slot starts on. */
export function slotDay(t: TFunction, startsAt: string): string {
  return `${t(`amenities.weekday.${weekdayOf(vnDay(startsAt))}` as "amenities.weekday.0")} ${formatDate(startsAt)}`;
}

/** "T7 14/06/2026 · 09:00 – 12:00": a slot as the household reads it. */
export function slotText(t: TFunction, startsAt: string, endsAt: string): string {
  return `${slotDay(t, startsAt)} · ${timeRange(startsAt, endsAt)}`;
}

/** The kind's name, left out where the amenity's own name already says it ("Bể bơi", "Phòng gym"). */
export function kindText(t: TFunction, a: Pick<Amenity, "kind" | "name">): string | null {
  const kind = t(`amenities.kinds.${a.kind}`);
  return a.name.toLocaleLowerCase().includes(kind.toLocaleLowerCase()) ? null : kind;
}

/** "3 giờ", "90 phút", "1 giờ 30 phút". */
export function durationText(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("amenities.minutes", { count: rest });
  if (rest === 0) return t("amenities.hours", { count: hours });
  return `${t("amenities.hours", { count: hours })} ${t("amenities.minutes", { count: rest })}`;
}

/** What booking costs: "Miễn phí", or the fee and the deposit. */
export function priceText(t: TFunction, lang: string, a: { fee: number; deposit: number }): string {
  const fee = a.fee ? t("amenities.fee", { amount: formatVnd(a.fee, lang) }) : t("amenities.free");
  return a.deposit ? `${fee} · ${t("amenities.deposit", { amount: formatVnd(a.deposit, lang) })}` : fee;
}

/** The opening hours and the slot length: "09:00–21:00 · mỗi lượt 3 giờ". */
export function hoursText(t: TFunction, a: Pick<Amenity, "opensAt" | "closesAt" | "slotMinutes">): string {
  return `${a.opensAt}–${a.closesAt} · ${t("amenities.perSlot", { duration: durationText(t, a.slotMinutes) })}`;
}

/** What an amenity is and when it opens: "Khu BBQ · 09:00–21:00 · mỗi lượt 3 giờ" (the kind when the name lacks it). */
export function summaryText(
  t: TFunction,
  a: Pick<Amenity, "kind" | "name" | "opensAt" | "closesAt" | "slotMinutes">,
) {
  const kind = kindText(t, a);
  return kind ? `${kind} · ${hoursText(t, a)}` : hoursText(t, a);
}

/** What happened to a booking's deposit, or null when it has none. */
export function depositStatusText(t: TFunction, lang: string, b: Booking): string | null {
  if (!b.deposit || !b.depositStatus) return null;
  const amount = formatVnd(b.deposit, lang);
  if (b.depositStatus === "kept")
    return t("bookings.depositKept", { amount, reason: b.depositNote ?? "" }).replace(/: $/, "");
  return t(`bookings.depositStatus.${b.depositStatus}`, { amount });
}
