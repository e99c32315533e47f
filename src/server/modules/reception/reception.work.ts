import { and, count, eq, min } from "drizzle-orm";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { receptionPolicy } from "./reception.policy.js";
import { parcels } from "./reception.table.js";

/** Parcels waiting at reception, per building, the oldest first. */
export const waitingParcels = defineWorkQueue({
  key: "reception.parcels",
  label: { vi: "Bưu phẩm chờ cư dân nhận", en: "Parcels waiting for residents" },
  sees: (actor) => can(actor, "desk", receptionPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: parcels.buildingId, count: count(), due: min(parcels.receivedAt) })
      .from(parcels)
      .where(
        and(
          eq(parcels.companyId, ctx.companyId),
          eq(parcels.status, "waiting"),
          buildingScope(parcels.buildingId)(ctx.actor),
        ),
      )
      .groupBy(parcels.buildingId),
  due: "age",
  link: () => "/console/reception?tab=parcels",
});
