import { z } from "zod";
import { Booking } from "./amenities.js";
import { PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";

const IsoDateTime = z.iso.datetime({ offset: true });

export const ParcelStatus = z.enum(["waiting", "picked_up", "returned"]);

/** Reception records a parcel for a unit: who brought it, a note, a photo of its label (uploaded first). */
export const NewParcelBody = z.object({
  unitId: Uuid,
  carrier: z.string().trim().min(1).max(80),
  note: z.string().trim().max(300).optional(),
  /** A photo of the label (`POST /files?purpose=parcel`). */
  photo: Uuid.optional(),
});

/**
 * Hands a parcel over: with the code the household shows (typed or scanned from the app's QR), or — a
 * household member without the app — by a manager who checked who collects it, with their name and why.
 */
export const ParcelPickupBody = z.union([
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  }),
  z.object({
    collectedBy: z.string().trim().min(2).max(120),
    reason: z.string().trim().min(3).max(300),
  }),
]);

export const Parcel = z.object({
  id: Uuid,
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  carrier: z.string(),
  note: z.string().nullable(),
  status: ParcelStatus,
  receivedAt: z.string(),
  pickedUpAt: z.string().nullable(),
  /** Who signed it out at reception, and (without a code) who collected it. */
  handedOverBy: z.string().nullable(),
  collectedBy: z.string().nullable(),
  photo: FileInfo.nullable(),
});
/** The household's view: the pickup code of a waiting parcel (its QR holds the same digits). */
export const MyParcel = Parcel.extend({ code: z.string().nullable() });
export const ParcelList = page(Parcel);
export const MyParcelList = page(MyParcel);
export const ParcelListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  status: ParcelStatus.optional(),
});

/** A resident's guest: who, how many, when, and the car's plate if they drive in. */
export const NewGuestPassBody = z.object({
  unitId: Uuid,
  guestName: z.string().trim().min(2).max(120),
  guests: z.number().int().min(1).max(50).default(1),
  plate: z.string().trim().max(20).optional(),
  /** The window the pass opens the door in: at most 7 days, ending in the future. */
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
});

export const GuestPass = z.object({
  id: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  guestName: z.string(),
  guests: z.number().int(),
  plate: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** What the guest shows at reception (and its QR): 8 characters, valid in the window only. */
  code: z.string(),
  status: z.enum(["active", "used", "cancelled", "expired"]),
  checkedInAt: z.string().nullable(),
});
export const GuestPassList = page(GuestPass);

/** A visit in the building's log: from a guest pass, or a walk-in reception recorded. */
export const Visit = z.object({
  id: Uuid,
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  guestName: z.string(),
  guests: z.number().int(),
  plate: z.string().nullable(),
  /** Came with a resident's pass, or walked in. */
  withPass: z.boolean(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
});
export const VisitList = page(Visit);
export const VisitListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  /** Only guests still in the building. */
  inside: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export const WalkInBody = z.object({
  unitId: Uuid,
  guestName: z.string().trim().min(2).max(120),
  guests: z.number().int().min(1).max(50).default(1),
  plate: z.string().trim().max(20).optional(),
});

/** What reception scanned or typed: a parcel's pickup code, a guest pass's or an amenity booking's code. */
export const ReceptionLookupQuery = z.object({ code: z.string().trim().min(4).max(20) });
export const ReceptionLookup = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("parcel"), parcel: Parcel }),
  z.object({ kind: z.literal("pass"), pass: GuestPass }),
  z.object({ kind: z.literal("booking"), booking: Booking }),
]);
