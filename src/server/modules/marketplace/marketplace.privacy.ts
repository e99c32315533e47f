import { and, count, desc, eq, inArray, isNotNull, max } from "drizzle-orm";
import { message } from "../../platform/i18n/messages.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { partnersById } from "../partners/index.js";
import { orders } from "./marketplace.table.js";

/** How long the accounting law keeps a sale's records (Luật Kế toán, art. 41). */
const ACCOUNTING_YEARS = 10;

/**
 * A marketplace order is the household's purchase and the company's sale: the order, its lines and amounts
 * stay for accounting after an erasure. What is the person's: the name the receipt carries (kept while the
 * accounting hold lasts for orders that were paid), the delivery note and the comment of their rating (erased).
 */
export const marketplacePersonalData = definePersonalData({
  fields: [
    {
      key: "order.buyerName",
      label: { vi: "Tên người mua trên đơn hàng", en: "Buyer's name on orders" },
      purposes: ["deliveries"],
      retention: RETENTION.accounting,
      records: ["order"],
      columns: ["orders.buyer_name"],
    },
    {
      key: "order.note",
      label: { vi: "Ghi chú giao hàng và nhận xét đơn hàng", en: "Delivery notes and order reviews" },
      purposes: ["deliveries"],
      retention: RETENTION.whileResident,
      records: ["order"],
      alsoCalled: ["ratingComment"],
      columns: ["orders.note", "orders.rating_comment"],
    },
  ],
  collect: async (ctx, owner) => {
    const rows = await ctx.tx
      .select()
      .from(orders)
      .where(and(eq(orders.companyId, ctx.companyId), eq(orders.placedBy, owner.accountId)))
      .orderBy(desc(orders.placedAt))
      .limit(500);
    const partners = await partnersById(
      ctx,
      rows.map((o) => o.partnerId),
    );
    return {
      orders: rows.map((o) => ({
        code: o.code,
        partner: partners.get(o.partnerId)?.displayName ?? "",
        unitCode: o.unitCode,
        placedAt: o.placedAt.toISOString(),
        status: o.status,
        total: o.total,
        note: o.note,
        rating: o.rating,
        ratingComment: o.ratingComment,
      })),
    };
  },
  holds: async (ctx, person) => {
    if (!person.accountId) return [];
    const [paid] = await ctx.tx
      .select({ n: count(), last: max(orders.paidAt) })
      .from(orders)
      .where(
        and(
          eq(orders.companyId, ctx.companyId),
          eq(orders.placedBy, person.accountId),
          inArray(orders.paymentStatus, ["paid", "refunded"]),
          isNotNull(orders.paidAt),
        ),
      );
    if (!paid?.n || !paid.last) return [];
    const until = new Date(paid.last);
    until.setUTCFullYear(until.getUTCFullYear() + ACCOUNTING_YEARS);
    return [
      {
        what: message(person.lang, "ERASURE_KEPT_ORDERS", { count: paid.n }),
        reason: message(person.lang, "ERASURE_REASON_ACCOUNTING", { years: ACCOUNTING_YEARS }),
        until: until.toISOString().slice(0, 10),
        keeps: ["order.buyerName"],
      },
    ];
  },
  erase: async (ctx, person, keep) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const mine = and(eq(orders.companyId, ctx.companyId), eq(orders.placedBy, person.accountId));
    const keepName = keep.has("order.buyerName");
    // Unpaid orders carry no accounting duty: their name goes whatever the hold on paid ones.
    if (keepName)
      await ctx.tx
        .update(orders)
        .set({ buyerName: null })
        .where(and(mine, eq(orders.paymentStatus, "unpaid")));
    const rows = await ctx.tx
      .update(orders)
      .set({
        placedBy: null,
        residentId: null,
        note: null,
        ratingComment: null,
        ...(keepName ? {} : { buyerName: null }),
      })
      .where(mine)
      .returning({ id: orders.id });
    return {
      erased: rows.length ? ["order.note", ...(keepName ? [] : ["order.buyerName"])] : [],
      tables: ["orders"],
      counts: { orders: rows.length },
    };
  },
});
