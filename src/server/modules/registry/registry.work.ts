import { and, count, eq, isNull, min, type SQL } from "drizzle-orm";
import { can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { householdPolicy } from "./residents/residents.policy.js";
import { changeRequests, householdFlags } from "./residents/residents.table.js";
import { units } from "./units/units.table.js";
import { vehiclePolicy } from "./vehicles/vehicles.policy.js";
import { vehicles } from "./vehicles/vehicles.table.js";

const all = (...conditions: (SQL | undefined)[]) => and(...conditions.filter(Boolean));

/** Vehicles residents registered in the app, waiting for approval (listed on the residents page). */
const pendingVehicles = defineWorkQueue({
  key: "registry.vehicles",
  label: { vi: "Xe chờ duyệt", en: "Vehicles to approve" },
  sees: (actor) => can(actor, "approve_vehicle", householdPolicy),
  count: async (ctx: Ctx) => {
    const [row] = await ctx.tx
      .select({ n: count(), oldest: min(vehicles.createdAt) })
      .from(vehicles)
      .where(
        all(
          eq(vehicles.companyId, ctx.companyId),
          eq(vehicles.status, "pending"),
          vehiclePolicy.scope(ctx.actor),
        ),
      );
    return [{ buildingId: null, count: row?.n ?? 0, due: row?.oldest ?? null }];
  },
  due: "age",
  link: () => "/console/residents?queue=vehicles",
});

/** Owners' requests to change a unit's area or owner, waiting for a decision. */
const pendingChanges = defineWorkQueue({
  key: "registry.changes",
  label: { vi: "Yêu cầu thay đổi chờ duyệt", en: "Change requests to decide" },
  sees: (actor) => can(actor, "decide_change", householdPolicy),
  count: async (ctx: Ctx) => {
    const [row] = await ctx.tx
      .select({ n: count(), oldest: min(changeRequests.createdAt) })
      .from(changeRequests)
      .innerJoin(
        units,
        and(eq(units.companyId, changeRequests.companyId), eq(units.id, changeRequests.unitId)),
      )
      .where(
        all(
          eq(changeRequests.companyId, ctx.companyId),
          eq(changeRequests.status, "pending"),
          householdPolicy.scope(ctx.actor),
        ),
      );
    return [{ buildingId: null, count: row?.n ?? 0, due: row?.oldest ?? null }];
  },
  due: "age",
  link: () => "/console/residents?queue=changes",
});

/** Households the management asked the owner to check, not resolved yet: by building, each opens its flagged units. */
const openFlags = defineWorkQueue({
  key: "registry.flags",
  label: { vi: "Hộ cần theo dõi", en: "Household flags to follow up" },
  sees: (actor) => can(actor, "flag", householdPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: units.buildingId, count: count(), due: min(householdFlags.raisedAt) })
      .from(householdFlags)
      .innerJoin(
        units,
        and(eq(units.companyId, householdFlags.companyId), eq(units.id, householdFlags.unitId)),
      )
      .where(
        all(
          eq(householdFlags.companyId, ctx.companyId),
          isNull(householdFlags.resolvedAt),
          householdPolicy.scope(ctx.actor),
        ),
      )
      .groupBy(units.buildingId),
  due: "age",
  link: (part) => `/console/buildings/${part.buildingId}?tab=list&flagged=true`,
});

/** The registry's queues on the console's inbox. */
export const registryWorkQueues = [pendingVehicles, pendingChanges, openFlags];
