import { and, desc, eq } from "drizzle-orm";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { amenities, bookings } from "./amenities.table.js";

/**
 * A booking is the household's (its unit, its slot, what it was charged, kept with the fee notices it is on);
 * who made it and the note they wrote are the person's: shown in "my data", and taken off by erasure.
 */
export const amenitiesPersonalData = definePersonalData({
  fields: [
    {
      key: "booking.note",
      label: { vi: "Ghi chú khi đặt tiện ích", en: "Note on an amenity booking" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["booking"],
      columns: ["bookings.note"],
    },
  ],
  collect: async (ctx, owner) => {
    const rows = await ctx.tx
      .select({ b: bookings, amenity: amenities.name })
      .from(bookings)
      .innerJoin(
        amenities,
        and(eq(amenities.companyId, bookings.companyId), eq(amenities.id, bookings.amenityId)),
      )
      .where(and(eq(bookings.companyId, ctx.companyId), eq(bookings.bookedBy, owner.accountId)))
      .orderBy(desc(bookings.startsAt))
      .limit(500);
    return {
      bookings: rows.map(({ b, amenity }) => ({
        amenity,
        unitCode: b.unitCode,
        startsAt: b.startsAt.toISOString(),
        status: b.status,
        guests: b.guests,
        note: b.note,
        fee: b.fee,
        deposit: b.deposit,
      })),
    };
  },
  erase: async (ctx, person, keep) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const keepNote = keep.has("booking.note");
    const mine = await ctx.tx
      .update(bookings)
      .set(keepNote ? { bookedBy: null } : { bookedBy: null, note: null })
      .where(and(eq(bookings.companyId, ctx.companyId), eq(bookings.bookedBy, person.accountId)))
      .returning({ id: bookings.id });
    return {
      erased: mine.length && !keepNote ? ["booking.note"] : [],
      tables: ["bookings"],
      counts: { bookings: mine.length },
    };
  },
});
