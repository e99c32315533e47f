import { and, count, eq, min } from "drizzle-orm";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { catalogItemPolicy, orderPolicy } from "./marketplace.policy.js";
import { catalogItems, orders, promotions } from "./marketplace.table.js";

/** Partners' items and promotions waiting for the management's approval, company-wide, the oldest first. */
export const itemsToReview = defineWorkQueue({
  key: "marketplace.items",
  label: { vi: "Sản phẩm, khuyến mãi của đối tác chờ duyệt", en: "Partner items and promotions to approve" },
  sees: (actor) => can(actor, "review", catalogItemPolicy),
  count: async (ctx: Ctx) => {
    const [items] = await ctx.tx
      .select({ n: count(), oldest: min(catalogItems.updatedAt) })
      .from(catalogItems)
      .where(and(eq(catalogItems.companyId, ctx.companyId), eq(catalogItems.status, "pending")));
    const [offers] = await ctx.tx
      .select({ n: count(), oldest: min(promotions.updatedAt) })
      .from(promotions)
      .where(and(eq(promotions.companyId, ctx.companyId), eq(promotions.status, "pending")));
    const oldest = [items?.oldest, offers?.oldest]
      .filter((d): d is Date => Boolean(d))
      .sort((a, b) => +a - +b)[0];
    return [{ buildingId: null, count: (items?.n ?? 0) + (offers?.n ?? 0), due: oldest ?? null }];
  },
  due: "age",
  link: () => "/console/marketplace?tab=items&status=pending",
});

/** Cancelled orders that were paid: the money goes back to the household. */
export const ordersToRefund = defineWorkQueue({
  key: "marketplace.refunds",
  label: { vi: "Đơn đã hủy chờ hoàn tiền", en: "Cancelled orders to refund" },
  sees: (actor) => can(actor, "refund", orderPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({ buildingId: orders.buildingId, count: count(), due: min(orders.cancelledAt) })
      .from(orders)
      .where(
        and(
          eq(orders.companyId, ctx.companyId),
          eq(orders.status, "cancelled"),
          eq(orders.paymentStatus, "paid"),
          buildingScope(orders.buildingId)(ctx.actor),
        ),
      )
      .groupBy(orders.buildingId),
  due: "age",
  link: () => "/console/marketplace?tab=orders&status=cancelled",
});
