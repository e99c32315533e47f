import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { guestPasses, parcels, visits } from "./reception.table.js";

/** The guests the person registered, and their households' parcels, for "my data". */
async function collect(ctx: Ctx, accountId: string, unitIds: readonly string[]) {
  const passes = await ctx.tx
    .select()
    .from(guestPasses)
    .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.createdBy, accountId)))
    .orderBy(asc(guestPasses.validFrom));
  const received = unitIds.length
    ? await ctx.tx
        .select()
        .from(parcels)
        .where(and(eq(parcels.companyId, ctx.companyId), inArray(parcels.unitId, [...unitIds])))
        .orderBy(desc(parcels.receivedAt))
        .limit(200)
    : [];
  return {
    guestPasses: passes.map((p) => ({
      guestName: p.guestName,
      guests: p.guests,
      plate: p.plate,
      unitCode: p.unitCode,
      validFrom: p.validFrom.toISOString(),
      validUntil: p.validUntil.toISOString(),
      usedAt: p.usedAt?.toISOString() ?? null,
    })),
    parcels: received.map((p) => ({
      unitCode: p.unitCode,
      carrier: p.carrier,
      receivedAt: p.receivedAt.toISOString(),
      pickedUpAt: p.pickedUpAt?.toISOString() ?? null,
    })),
  };
}

const SECURITY = { records: ["visit", "guest_pass"] };

/**
 * Guests' names and plates are the guests' personal data, collected for the building's security: kept in the
 * visitor log for the company's period (90 days by default), shown to the resident who registered them. A
 * resident's erasure takes the passes they made; the visits already in the log stay there until their period
 * ends (the building's security record), no longer linked to the pass.
 */
export const receptionPersonalData = definePersonalData({
  fields: [
    {
      key: "visitor.name",
      label: { vi: "Tên khách đến thăm", en: "Visitor's name" },
      purposes: ["building_operations"],
      retention: RETENTION.visitorLog,
      ...SECURITY,
      alsoCalled: ["guestName"],
      columns: ["visits.guest_name", "guest_passes.guest_name"],
    },
    {
      key: "visitor.plate",
      label: { vi: "Biển số xe của khách", en: "Visitor's plate" },
      purposes: ["building_operations"],
      retention: RETENTION.visitorLog,
      ...SECURITY,
      columns: ["visits.plate", "guest_passes.plate"],
    },
    {
      key: "parcel.collectedBy",
      label: { vi: "Người nhận bưu phẩm thay", en: "Who collected a parcel" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["parcel"],
      columns: ["parcels.collected_by"],
    },
  ],
  collect: async (ctx, owner) =>
    collect(ctx, owner.accountId, [...new Set(owner.stays.map((s) => s.unitId))]),
  erase: async (ctx, person) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const mine = await ctx.tx
      .delete(guestPasses)
      .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.createdBy, person.accountId)))
      .returning({ id: guestPasses.id });
    if (mine.length)
      await ctx.tx
        .update(visits)
        .set({ passId: null })
        .where(
          and(
            eq(visits.companyId, ctx.companyId),
            inArray(
              visits.passId,
              mine.map((p) => p.id),
            ),
          ),
        );
    return { erased: [], tables: ["guest_passes", "visits"], counts: { guestPasses: mine.length } };
  },
});
