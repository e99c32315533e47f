import { and, desc, eq, gt, or } from "drizzle-orm";
import type { z } from "zod";
import { RequestsCard } from "../../../../contracts/home.js";
import { defineHomeCard } from "../../../platform/module.js";
import { changeRequests } from "../residents/residents.table.js";
import { vehicles } from "../vehicles/vehicles.table.js";

/** Decided requests stay on the home this long, so the household sees the answer. */
const DECIDED_SHOWN_DAYS = 14;
const MAX_SHOWN = 5;

type Item = z.infer<typeof RequestsCard>["items"][number];

/**
 * The household's requests to management: vehicles waiting for approval, and changes of area or owner still
 * pending or decided in the last two weeks, newest first.
 */
export const openRequestsCard = defineHomeCard({
  key: "registry.requests",
  order: 30,
  data: RequestsCard,
  summary: async (ctx, unit) => {
    const since = new Date(Date.now() - DECIDED_SHOWN_DAYS * 86_400_000);
    const [cars, changes] = [
      await ctx.tx
        .select({ id: vehicles.id, type: vehicles.type, createdAt: vehicles.createdAt })
        .from(vehicles)
        .where(
          and(
            eq(vehicles.companyId, ctx.companyId),
            eq(vehicles.unitId, unit.id),
            eq(vehicles.status, "pending"),
          ),
        ),
      await ctx.tx
        .select({
          id: changeRequests.id,
          kind: changeRequests.kind,
          status: changeRequests.status,
          createdAt: changeRequests.createdAt,
        })
        .from(changeRequests)
        .where(
          and(
            eq(changeRequests.companyId, ctx.companyId),
            eq(changeRequests.unitId, unit.id),
            or(eq(changeRequests.status, "pending"), gt(changeRequests.decidedAt, since)),
          ),
        )
        .orderBy(desc(changeRequests.createdAt)),
    ];
    const items: Item[] = [
      ...cars.map((v) => ({
        id: v.id,
        kind: "vehicle" as const,
        vehicleType: v.type as Item["vehicleType"],
        status: "pending" as const,
        createdAt: v.createdAt.toISOString(),
      })),
      ...changes.map((c) => ({
        id: c.id,
        kind: c.kind as "area" | "ownership",
        vehicleType: null,
        status: c.status as Item["status"],
        createdAt: c.createdAt.toISOString(),
      })),
    ];
    if (items.length === 0) return null;
    items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { items: items.slice(0, MAX_SHOWN) };
  },
});
