import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { IconBall, IconCalendar, IconDoor, IconDumbbell, IconFlame, IconWaves } from "../components/icons.js";
import { StatusBadge } from "../components/StatusBadge.js";
import type { Amenity, Booking } from "./amenities.js";

const KIND_ICONS: Record<Amenity["kind"], ComponentType<{ size?: number }>> = {
  bbq: IconFlame,
  hall: IconDoor,
  pool: IconWaves,
  gym: IconDumbbell,
  tennis: IconBall,
  other: IconCalendar,
};

/** The icon of an amenity's kind (decorative: the kind is also written out). */
export function KindIcon({ kind, size = 24 }: { kind: Amenity["kind"]; size?: number }) {
  const Icon = KIND_ICONS[kind];
  return <Icon size={size} />;
}

const TONES = {
  booked: "positive",
  waiting: "waiting",
  checked_in: "inactive",
  cancelled: "inactive",
} as const satisfies Record<Booking["status"], "positive" | "waiting" | "inactive">;

export function BookingStatusBadge({ status }: { status: Booking["status"] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`bookings.statuses.${status}`)}</StatusBadge>;
}
