import { and, count, eq, lte, min, sql } from "drizzle-orm";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { bookingPolicy } from "./amenities.policy.js";
import { bookings } from "./amenities.table.js";

/** Deposits still held for bookings that are over: refund or keep, per building, the oldest first. */
export const depositsToSettle = defineWorkQueue({
  key: "amenities.deposits",
  label: { vi: "Tiền cọc tiện ích chờ xử lý", en: "Amenity deposits to settle" },
  sees: (actor) => can(actor, "settleDeposit", bookingPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: bookings.buildingId, count: count(), due: min(bookings.endsAt) })
      .from(bookings)
      .where(
        and(
          eq(bookings.companyId, ctx.companyId),
          eq(bookings.depositStatus, "held"),
          lte(bookings.endsAt, sql`now()`),
          buildingScope(bookings.buildingId)(ctx.actor),
        ),
      )
      .groupBy(bookings.buildingId),
  due: "age",
  link: () => "/console/amenities?tab=bookings&depositHeld=true",
});
