import type { TFunction } from "i18next";
import type { ApiData } from "../api.js";
import { formatDay, today } from "../format.js";

export const SHOP_PATH = "/shop";
export const ORDERS_PATH = "/orders";
export const JOBS_PATH = "/partner/jobs";
export const ITEMS_PATH = "/catalog/items";
export const PROMOTIONS_PATH = "/promotions";
export const PROFILE_PATH = "/partner/profile";
export const SETTLEMENTS_PATH = "/settlements";
export const PARTNER_STATEMENT_PATH = "/partner/statement";

export type Order = ApiData<"get", "/orders/{id}">;
export type OrderStatus = Order["status"];
export type Slot = Order["slot"];
export type Job = ApiData<"get", "/partner/jobs/{id}">;
export type CatalogItem = ApiData<"get", "/catalog/items">["items"][number];
export type Category = CatalogItem["category"];
export type ShopPartner = ApiData<"get", "/shop">["partners"][number];
export type ShopItem = ShopPartner["items"][number];
export type ShopPromotion = ApiData<"get", "/shop">["promotions"][number];
export type Promotion = ApiData<"get", "/promotions">["items"][number];
export type PartnerProfile = ApiData<"get", "/partner/profile">;
export type Statement = ApiData<"get", "/settlements">["items"][number];
export type StatementDetail = ApiData<"get", "/partner/statement">;

/** The delivery windows of a day, in the order of the day. */
export const SLOTS: readonly Slot[] = ["08-10", "10-12", "14-16", "16-18", "18-20"];
export const CATEGORIES: readonly Category[] = [
  "water",
  "gas",
  "groceries",
  "laundry",
  "cleaning",
  "aircon",
  "repair",
  "other",
];
/** An order's steps while it is open, in their order. */
export const STEPS = ["placed", "confirmed", "preparing", "on_the_way", "delivered"] as const;
export const isOpen = (status: OrderStatus) =>
  status === "placed" || status === "confirmed" || status === "preparing" || status === "on_the_way";

/** A window as a person reads it: "08:00–10:00". */
export function slotText(slot: Slot): string {
  const [from, to] = slot.split("-");
  return `${from}:00–${to}:00`;
}

/** The badge's tone for an order's status: waiting on someone, delivered, or over. */
export function orderTone(status: OrderStatus): "waiting" | "positive" | "inactive" {
  if (isOpen(status)) return "waiting";
  return status === "delivered" ? "positive" : "inactive";
}

export const statusText = (t: TFunction, status: OrderStatus) => t(`market.statuses.${status}`);

/** Where a promotion stands: waiting, refused, approved and running or to come, or over. */
export function promotionState(p: Pick<Promotion, "status" | "endsOn">): Promotion["status"] | "ended" {
  return p.status === "approved" && p.endsOn < today() ? "ended" : p.status;
}
export const PROMOTION_TONE = {
  pending: "waiting",
  approved: "positive",
  rejected: "inactive",
  ended: "inactive",
} as const;

const VN_OFFSET_MS = 7 * 3600_000;

/** YYYY-MM-DD some days after another. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The days a delivery can be booked for: today and the 14 days after it (Vietnam's calendar). */
export function deliveryDays(): string[] {
  const first = today();
  return Array.from({ length: 15 }, (_, i) => addDays(first, i));
}

/** The windows of a day that can still be booked: all of them, but today's that have begun. */
export function openSlots(day: string): Slot[] {
  if (day !== today()) return [...SLOTS];
  const hour = new Date(Date.now() + VN_OFFSET_MS).getUTCHours();
  return SLOTS.filter((slot) => Number(slot.slice(0, 2)) > hour);
}

/** The first day with a window left (today, or tomorrow late in the day). */
export function firstDeliveryDay(): string {
  const first = today();
  return openSlots(first).length > 0 ? first : addDays(first, 1);
}

/** "Hôm nay, 06/12/2026", "Ngày mai, 07/12/2026", "Thứ Ba, 08/12/2026". */
export function dayText(t: TFunction, day: string): string {
  const date = formatDay(day);
  const first = today();
  if (day === first) return t("market.today", { date });
  if (day === addDays(first, 1)) return t("market.tomorrow", { date });
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${t(`market.weekdays.${weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)}, ${date}`;
}

/** An item's photo at display size, as the API serves it to whoever may see the item. */
export const itemPhotoUrl = (itemId: string, fileId: string) =>
  `/api/v1/catalog/items/${itemId}/photos/${fileId}`;
/** An item's photo as a thumbnail (320 px wide). */
export const itemThumbnailUrl = (itemId: string, fileId: string) =>
  `${itemPhotoUrl(itemId, fileId)}?variant=thumbnail`;

/** YYYY-MM of Vietnam's calendar, `months` from this one (negative: before). */
export function periodFrom(months: number): string {
  const [year, month] = today().split("-").map(Number);
  const index = (year ?? 0) * 12 + (month ?? 1) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The months a statement can be read for, newest first: this one and the twelve before it. */
export const statementPeriods = (): string[] => Array.from({ length: 13 }, (_, i) => periodFrom(-i));

/** "Tháng 05/2026". */
export function periodText(t: TFunction, period: string): string {
  const [year, month] = period.split("-");
  return t("billing.periodName", { month, year });
}

/** "07/12/2026 · 08:00–10:00" */
export const whenText = (slotDate: string, slot: Slot) => `${formatDay(slotDate)} · ${slotText(slot)}`;
