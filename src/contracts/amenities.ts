import { z } from "zod";
import { Vnd } from "./billing.js";
import { abilities, PageQuery, page, Uuid } from "./common.js";

const IsoDateTime = z.iso.datetime({ offset: true });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");
const IsoDate = z.iso.date();

export const AmenityKind = z.enum(["pool", "gym", "bbq", "hall", "tennis", "other"]);
/** Who of a household may book: everyone in it, owners and tenants, or owners only. */
export const Bookers = z.enum(["household", "owners_tenants", "owners"]);

/** An amenity as a manager sets it up. Opening hours in Vietnam's time; the day is cut into slots. */
export const AmenityBody = z.object({
  buildingId: Uuid,
  name: z.string().trim().min(2).max(80),
  kind: AmenityKind,
  rules: z.string().trim().max(4000).optional(),
  opensAt: ClockTime,
  closesAt: ClockTime,
  slotMinutes: z.number().int().min(15).max(1440),
  /** Bookings a slot takes at once (1: one household at a time). */
  slotCapacity: z.number().int().min(1).max(500).default(1),
  fee: Vnd.default(0),
  deposit: Vnd.default(0),
  monthlyLimit: z.number().int().min(1).max(100).nullable().default(null),
  bookers: Bookers.default("household"),
  advanceDays: z.number().int().min(1).max(180).default(14),
  cancelHours: z.number().int().min(0).max(720).default(24),
  active: z.boolean().default(true),
});
export const AmenityPatch = AmenityBody.omit({ buildingId: true }).partial();

export const Amenity = z.object({
  id: Uuid,
  buildingId: Uuid,
  name: z.string(),
  kind: AmenityKind,
  rules: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  slotMinutes: z.number().int(),
  slotCapacity: z.number().int(),
  fee: z.number().int(),
  deposit: z.number().int(),
  monthlyLimit: z.number().int().nullable(),
  bookers: Bookers,
  advanceDays: z.number().int(),
  cancelHours: z.number().int(),
  active: z.boolean(),
  can: abilities("update"),
});
export const AmenityList = page(Amenity);
export const AmenityListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  /** The building of this unit (a resident's chosen unit). */
  unitId: Uuid.optional(),
});

export const ClosureBody = z.object({
  from: IsoDateTime,
  until: IsoDateTime,
  reason: z.string().trim().min(3).max(300),
});
export const Closure = z.object({
  id: Uuid,
  amenityId: Uuid,
  from: z.string(),
  until: z.string(),
  reason: z.string(),
});
export const ClosureList = z.object({ items: z.array(Closure) });

/** A day's slots of an amenity, with what is left of each for the person asking. */
export const SlotsQuery = z.object({ date: IsoDate });
export const Slot = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  /** Bookings it still takes; 0: full (the waitlist is open while it is in the future). */
  free: z.number().int(),
  waiting: z.number().int(),
  state: z.enum(["open", "full", "closed", "past", "too_far"]),
  /** The asking household's own booking of it. */
  mine: z.enum(["booked", "waiting"]).nullable(),
});
export const SlotList = z.object({ date: z.string(), items: z.array(Slot) });

export const BookingBody = z.object({
  amenityId: Uuid,
  unitId: Uuid,
  startsAt: IsoDateTime,
  guests: z.number().int().min(1).max(200).default(1),
  note: z.string().trim().max(300).optional(),
  /** When the slot is full: wait for a cancellation instead of being refused. */
  waitlist: z.boolean().default(false),
});
export const CancelBookingBody = z.object({ reason: z.string().trim().max(300).optional() });
/** Once the slot is over: give the deposit back, or keep it (or part of the way: a reason either way). */
export const DepositBody = z.union([
  z.object({ outcome: z.literal("refund") }),
  z.object({ outcome: z.literal("keep"), reason: z.string().trim().min(3).max(300) }),
]);

export const BookingStatus = z.enum(["booked", "waiting", "checked_in", "cancelled"]);
export const Booking = z.object({
  id: Uuid,
  buildingId: Uuid,
  amenityId: Uuid,
  amenityName: z.string(),
  unitId: Uuid,
  unitCode: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: BookingStatus,
  guests: z.number().int(),
  note: z.string().nullable(),
  fee: z.number().int(),
  deposit: z.number().int(),
  depositStatus: z.enum(["held", "refunded", "kept"]).nullable(),
  depositNote: z.string().nullable(),
  /** The household's check-in code (its QR holds the same); staff see it too. */
  code: z.string(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Until when a cancellation gives the fee back. */
  freeCancelUntil: z.string(),
  can: abilities("cancel", "checkIn", "settleDeposit"),
});
export const BookingList = page(Booking);
export const BookingListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  amenityId: Uuid.optional(),
  /** The day (Vietnam's calendar) the slots start on. */
  date: IsoDate.optional(),
  status: BookingStatus.optional(),
  /** Bookings over whose deposit is still held. */
  depositHeld: z.coerce.boolean().optional(),
});
