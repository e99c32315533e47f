import { and, count, eq, inArray, min } from "drizzle-orm";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { renovationPolicy, serviceRequestPolicy } from "./services.policy.js";
import { renovations, serviceRequests } from "./services.table.js";

/** Service requests waiting for a decision or a date, per building, the oldest first. */
export const openServiceRequests = defineWorkQueue({
  key: "services.requests",
  label: { vi: "Yêu cầu dịch vụ chờ xử lý", en: "Service requests to handle" },
  sees: (actor) => can(actor, "schedule", serviceRequestPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: serviceRequests.buildingId, count: count(), due: min(serviceRequests.createdAt) })
      .from(serviceRequests)
      .where(
        and(
          eq(serviceRequests.companyId, ctx.companyId),
          inArray(serviceRequests.status, ["requested", "approved"]),
          buildingScope(serviceRequests.buildingId)(ctx.actor),
        ),
      )
      .groupBy(serviceRequests.buildingId),
  due: "age",
  link: () => "/console/services?tab=requests&open=true",
});

/** Renovations waiting for a manager's decision. */
export const renovationsToDecide = defineWorkQueue({
  key: "services.renovations",
  label: { vi: "Đăng ký thi công chờ duyệt", en: "Renovations to approve" },
  sees: (actor) => can(actor, "decide", renovationPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: renovations.buildingId, count: count(), due: min(renovations.createdAt) })
      .from(renovations)
      .where(
        and(
          eq(renovations.companyId, ctx.companyId),
          eq(renovations.status, "requested"),
          buildingScope(renovations.buildingId)(ctx.actor),
        ),
      )
      .groupBy(renovations.buildingId),
  due: "age",
  link: () => "/console/services?tab=renovations&status=requested",
});
