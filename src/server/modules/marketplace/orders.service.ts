import { randomInt } from "node:crypto";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  CancelOrderBody,
  ComplaintBody,
  Order,
  OrderBody,
  OrderQuery,
  RateOrderBody,
  RefundOrderBody,
  RepeatOrderBody,
} from "../../../contracts/marketplace.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { unitIdsOrNone } from "../../platform/authz/actor.js";
import {
  abilitiesOf,
  authorize,
  authorizeVisible,
  buildingScope,
  subject,
} from "../../platform/authz/can.js";
import type { Ctx, ReceivedTransfer } from "../../platform/context.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { todayInVietnam, vnClock } from "../../platform/time.js";
import { findOrderCodes, formatVnd, transferInstructions } from "../billing/index.js";
import { notify } from "../notifications/index.js";
import { partnerStaffAccounts, partnersById } from "../partners/index.js";
import { disclose } from "../privacy/index.js";
import { residentOfAccount, unitRef } from "../registry/index.js";
import { openComplaint } from "../tickets/index.js";
import { vatIncluded } from "./amounts.js";
import { itemsForOrder } from "./catalog.service.js";
import { orderPolicy } from "./marketplace.policy.js";
import { catalogItems, orderLines, orders } from "./marketplace.table.js";
import { newJobTemplate, type OrderUpdate, orderUpdateTemplate } from "./marketplace.templates.js";

export type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

/** How far ahead a delivery window may be chosen. */
const MAX_DAYS_AHEAD = 14;

export const orderById = (ctx: Ctx, id: string) =>
  and(eq(orders.companyId, ctx.companyId), eq(orders.id, id));

const orderRecord = (o: OrderRow) => ({
  buildingId: o.buildingId,
  unitId: o.unitId,
  status: o.status,
  paymentStatus: o.paymentStatus,
  rated: o.rating !== null,
  complained: o.ticketId !== null,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A line's item name in the reader's language, as it was when sold. */
export const lineName = (ctx: Ctx, l: { name: string; nameEn: string }) =>
  ctx.lang === "en" ? l.nameEn : l.name;

async function linesOf(ctx: Ctx, orderIds: readonly string[]) {
  if (orderIds.length === 0) return new Map<string, LineRow[]>();
  const rows = await ctx.tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.companyId, ctx.companyId), inArray(orderLines.orderId, [...orderIds])))
    .orderBy(asc(orderLines.name));
  const byOrder = new Map<string, LineRow[]>();
  for (const l of rows) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  return byOrder;
}

type Known = { lines: Map<string, LineRow[]>; partners: Awaited<ReturnType<typeof partnersById>> };

/** Orders as their readers see them; `known`: their lines and partners when the caller has them at hand. */
async function views(ctx: Ctx, rows: readonly OrderRow[], known?: Known): Promise<Order[]> {
  const [lines, partners] = known
    ? [known.lines, known.partners]
    : await Promise.all([
        linesOf(
          ctx,
          rows.map((o) => o.id),
        ),
        partnersById(
          ctx,
          rows.map((o) => o.partnerId),
        ),
      ]);
  const household = ctx.actor.role === "resident";
  const payable = (o: OrderRow) =>
    o.payment === "transfer" && o.paymentStatus === "unpaid" && o.status !== "cancelled";
  // The building's receiving account, once per building of the page's unpaid orders.
  const payInto = new Map(
    await Promise.all(
      [...new Set(rows.filter(payable).map((o) => o.buildingId))].map(
        async (b) => [b, await transferInstructions(ctx, b)] as const,
      ),
    ),
  );
  return rows.map((o) => {
    const partner = partners.get(o.partnerId);
    const pay = payable(o) ? payInto.get(o.buildingId) : null;
    return {
      id: o.id,
      code: o.code,
      partnerId: o.partnerId,
      partnerName: partner?.displayName ?? "",
      partnerHotline: partner?.hotline ?? "",
      unitId: o.unitId,
      unitCode: o.unitCode,
      buildingId: o.buildingId,
      lines: (lines.get(o.id) ?? []).map((l) => ({
        itemId: l.itemId,
        name: lineName(ctx, l),
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        vatRate: l.vatRate as 0 | 5 | 8 | 10,
        amount: l.amount,
      })),
      total: o.total,
      vat: o.vat,
      slotDate: o.slotDate,
      slot: o.slot as Order["slot"],
      delivery: o.delivery as Order["delivery"],
      note: o.note ?? "",
      payment: o.payment as Order["payment"],
      paymentStatus: o.paymentStatus as Order["paymentStatus"],
      status: o.status as Order["status"],
      times: {
        placedAt: o.placedAt.toISOString(),
        confirmedAt: iso(o.confirmedAt),
        preparingAt: iso(o.preparingAt),
        onTheWayAt: iso(o.onTheWayAt),
        deliveredAt: iso(o.deliveredAt),
        cancelledAt: iso(o.cancelledAt),
        refundedAt: iso(o.refundedAt),
        paidAt: iso(o.paidAt),
      },
      cancelReason: o.cancelReason,
      deliveryCode: household && OPEN_STATUSES.includes(o.status) ? o.deliveryCode : null,
      rating: o.rating,
      ratingComment: o.ratingComment,
      ticketId: o.ticketId,
      transfer: pay ? pay(o.total, o.code) : null,
      can: abilitiesOf(ctx.actor, orderPolicy, orderRecord(o)),
    };
  });
}

export const OPEN_STATUSES: readonly string[] = ["placed", "confirmed", "preparing", "on_the_way"];

async function viewOne(ctx: Ctx, row: OrderRow, known?: Known): Promise<Order> {
  const [v] = await views(ctx, [row], known);
  if (!v) throw new Error("order view missing");
  return v;
}

/** A delivery window must be ahead: from today (a window not yet begun) up to two weeks. */
function assertSlot(slotDate: string, slot: string) {
  const today = todayInVietnam();
  const last = new Date(`${today}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + MAX_DAYS_AHEAD);
  if (slotDate < today) throw errors.validation({ slotDate: "DATE_PAST" });
  if (slotDate > last.toISOString().slice(0, 10)) throw errors.validation({ slotDate: "ORDER_TOO_FAR" });
  if (slotDate === today && Number(slot.slice(0, 2)) <= vnClock(new Date()).hour)
    throw errors.validation({ slot: "SLOT_PAST" });
}

/**
 * A new order code, `DH` + 8 random digits, not yet used in the company: the memo of a transfer that pays it.
 * Codes are drawn until one is free (the unique index decides between orders placed at once).
 */
async function insertWithCode(ctx: Ctx, values: Omit<typeof orders.$inferInsert, "code">): Promise<OrderRow> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = `DH${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
    const [row] = await ctx.tx
      .insert(orders)
      .values({ ...values, code })
      .onConflictDoNothing({ target: [orders.companyId, orders.code] })
      .returning();
    if (row) return row;
  }
  throw new Error("no free order code after 8 attempts");
}

/**
 * Takes the items off the stock they are counted in, each in one statement that checks what is left: of two
 * orders for the last bottle, the second finds none and the whole order is refused. Items are taken in id
 * order so concurrent orders lock them in the same order.
 */
async function takeStock(ctx: Ctx, lines: readonly { itemId: string; quantity: number; name: string }[]) {
  for (const l of [...lines].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
    const [taken] = await ctx.tx
      .update(catalogItems)
      .set({ stock: sql`${catalogItems.stock} - ${l.quantity}` })
      .where(
        and(
          eq(catalogItems.companyId, ctx.companyId),
          eq(catalogItems.id, l.itemId),
          sql`(${catalogItems.stock} is null or ${catalogItems.stock} >= ${l.quantity})`,
        ),
      )
      .returning({ id: catalogItems.id });
    if (!taken) throw errors.rule("OUT_OF_STOCK", { item: l.name });
  }
}

/** Puts back what a cancelled order took from the stock. */
async function returnStock(ctx: Ctx, orderId: string) {
  const lines = (await linesOf(ctx, [orderId])).get(orderId) ?? [];
  for (const l of lines)
    await ctx.tx
      .update(catalogItems)
      .set({ stock: sql`${catalogItems.stock} + ${l.quantity}` })
      .where(
        and(
          eq(catalogItems.companyId, ctx.companyId),
          eq(catalogItems.id, l.itemId),
          sql`${catalogItems.stock} is not null`,
        ),
      );
}

/** Where a release to the order's partner is logged: a delivery of goods, or a service job in the flat. */
export const disclosurePath = (o: OrderRow) =>
  o.kind === "service" ? ("marketplace.service_job" as const) : ("marketplace.partner_delivery" as const);

/**
 * A household orders one partner's items for one of its units: the items must be approved and offered in the
 * unit's building by an active partner serving it; the stock is taken in the same transaction; the partner is
 * given the recipient's first name for the job, recorded as a disclosure; the partner's staff are told.
 */
export async function placeOrder(ctx: Ctx, body: z.infer<typeof OrderBody>): Promise<Order> {
  authorize(ctx.actor, "place", orderPolicy);
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  assertSlot(body.slotDate, body.slot);
  const unit = await unitRef(ctx, body.unitId);
  const quantities = new Map<string, number>();
  for (const l of body.lines) quantities.set(l.itemId, (quantities.get(l.itemId) ?? 0) + l.quantity);
  const items = await itemsForOrder(ctx, [...quantities.keys()]);
  const offered = items.filter((i) => i.status === "approved" && i.buildingIds.includes(unit.buildingId));
  if (offered.length !== quantities.size) throw errors.validation({ lines: "ITEM_NOT_OFFERED" });
  const partnerIds = new Set(offered.map((i) => i.partnerId));
  if (partnerIds.size !== 1) throw errors.validation({ lines: "ORDER_ONE_PARTNER" });
  const partnerId = offered[0]?.partnerId ?? "";
  const partner = (await partnersById(ctx, [partnerId])).get(partnerId);
  if (partner?.status !== "active" || !partner.buildingIds.includes(unit.buildingId))
    throw errors.rule("PARTNER_NOT_SERVING");
  const lines = offered.map((i) => {
    const quantity = quantities.get(i.id) ?? 0;
    return {
      itemId: i.id,
      name: i.nameVi,
      nameEn: i.nameEn,
      quantity,
      unitPrice: i.price,
      vatRate: i.vatRate,
      amount: i.price * quantity,
    };
  });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const vat = lines.reduce((s, l) => s + vatIncluded(l.amount, l.vatRate), 0);
  if (!Number.isSafeInteger(total)) throw errors.validation({ lines: "ORDER_TOO_LARGE" });
  const accountId = ctx.actor.accountId ?? "";
  const buyer = await residentOfAccount(ctx, accountId);
  const residentId = buyer?.id;
  const buyerName = buyer?.fullName ?? null;
  const kind = offered.some((i) => i.kind === "service") ? "service" : "goods";
  const row = await insertWithCode(ctx, {
    companyId: ctx.companyId,
    partnerId,
    kind,
    buildingId: unit.buildingId,
    unitId: unit.id,
    unitCode: unit.code,
    placedBy: accountId,
    residentId: residentId ?? null,
    buyerName,
    slotDate: body.slotDate,
    slot: body.slot,
    delivery: body.delivery,
    note: body.note || null,
    payment: body.payment,
    total,
    vat,
    deliveryCode: String(randomInt(0, 10_000)).padStart(4, "0"),
  });
  const lineRows = await ctx.tx
    .insert(orderLines)
    .values(lines.map((l) => ({ ...l, companyId: ctx.companyId, orderId: row.id })))
    .returning();
  if (residentId)
    await disclose(ctx, {
      path: disclosurePath(row),
      residentIds: [residentId],
      recipient: partner.displayName,
      fields: ["resident.fullName"],
      purpose: `Giao đơn ${row.code} (tên gọi, căn ${unit.code})`,
      legalBasis: "contract",
      reference: row.code,
    });
  const staff = await partnerStaffAccounts(ctx, partnerId);
  await notify(
    ctx,
    staff.map((a) => ({ accountId: a })),
    newJobTemplate,
    { code: row.code, unit: unit.code, slot: body.slot, date: body.slotDate.split("-").reverse().join("/") },
    { inbox: "order", link: `/partner?job=${row.id}`, sourceId: row.id },
  );
  const view = await viewOne(ctx, row, {
    lines: new Map([[row.id, lineRows]]),
    partners: new Map([[partnerId, partner]]),
  });
  // The two locks every order shares — the item's stock row and the company's audit chain — are taken last,
  // so each is held only from here to the commit.
  await takeStock(ctx, lines);
  await audit(ctx, {
    action: "order.place",
    entity: "order",
    entityId: row.id,
    changes: { code: row.code, partner: partner.displayName, unit: unit.code, total, payment: body.payment },
  });
  return view;
}

/** The same items again, for a new window: what the household's "order again" does. */
export async function repeatOrder(ctx: Ctx, id: string, body: z.infer<typeof RepeatOrderBody>) {
  const before = await loadOrder(ctx, id);
  const lines = (await linesOf(ctx, [id])).get(id) ?? [];
  return placeOrder(ctx, {
    unitId: before.unitId,
    lines: lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
    slotDate: body.slotDate,
    slot: body.slot as Order["slot"],
    delivery: before.delivery as Order["delivery"],
    note: before.note ?? "",
    payment: before.payment as Order["payment"],
  });
}

async function loadOrder(ctx: Ctx, id: string, lock = false): Promise<OrderRow> {
  const query = ctx.tx.select().from(orders).where(orderById(ctx, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(orderPolicy, orderRecord(row)));
  return row;
}

export async function getOrder(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return viewOne(ctx, await loadOrder(ctx, id));
}

/** A household's orders (its units'), or the orders of the desk's buildings, newest first. */
export async function listOrders(ctx: Ctx, q: z.infer<typeof OrderQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", orderPolicy);
  const household = ctx.actor.role === "resident";
  const where: SQL | undefined = and(
    eq(orders.companyId, ctx.companyId),
    household
      ? inArray(orders.unitId, unitIdsOrNone(ctx.actor))
      : buildingScope(orders.buildingId)(ctx.actor),
    q.status ? eq(orders.status, q.status) : undefined,
    q.buildingId ? eq(orders.buildingId, q.buildingId) : undefined,
    q.partnerId ? eq(orders.partnerId, q.partnerId) : undefined,
    q.unitId ? eq(orders.unitId, q.unitId) : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(orders)
          .where(where)
          .orderBy(desc(orders.placedAt), desc(orders.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(orders).where(where),
    },
    (o) => o,
  );
  return { ...page, items: await views(ctx, page.items) };
}

/** Tells the household what became of its order, in the app and on its channels. */
export async function tellHousehold(ctx: Ctx, o: OrderRow, status: OrderUpdate["status"], reason = "") {
  if (!o.placedBy) return;
  const partner = (await partnersById(ctx, [o.partnerId])).get(o.partnerId);
  await notify(
    ctx,
    [{ accountId: o.placedBy, unitCode: o.unitCode }],
    orderUpdateTemplate,
    { code: o.code, partner: partner?.displayName ?? "", status, amount: formatVnd(o.total), reason },
    { inbox: "order", link: `/app/orders/${o.id}`, sourceId: o.id },
  );
}

/**
 * The household cancels before the partner has set off, or the desk cancels an open order; the stock comes
 * back. What was paid stays paid until the company refunds it.
 */
export async function cancelOrder(ctx: Ctx, id: string, body: z.infer<typeof CancelOrderBody>) {
  const before = await loadOrder(ctx, id, true);
  authorizeVisible(ctx.actor, "cancel", subject(orderPolicy, orderRecord(before)));
  const [row] = await ctx.tx
    .update(orders)
    .set({ status: "cancelled", cancelReason: body.reason, cancelledAt: new Date() })
    .where(orderById(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await returnStock(ctx, id);
  await audit(ctx, {
    action: "order.cancel",
    entity: "order",
    entityId: id,
    changes: { status: [before.status, "cancelled"], reason: body.reason },
  });
  if (ctx.actor.role !== "resident") await tellHousehold(ctx, row, "cancelled", body.reason);
  return viewOne(ctx, row);
}

/** The company gives back what was paid for a cancelled (or a delivered but disputed) order, with the reference. */
export async function refundOrder(ctx: Ctx, id: string, body: z.infer<typeof RefundOrderBody>) {
  const before = await loadOrder(ctx, id, true);
  authorizeVisible(ctx.actor, "refund", subject(orderPolicy, orderRecord(before)));
  const [row] = await ctx.tx
    .update(orders)
    .set({
      status: "refunded",
      paymentStatus: "refunded",
      refundedAt: new Date(),
      refundReference: body.reference,
      cancelReason: before.cancelReason ?? body.reason,
    })
    .where(orderById(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "order.refund",
    entity: "order",
    entityId: id,
    changes: {
      status: [before.status, "refunded"],
      amount: before.total,
      reason: body.reason,
      reference: body.reference,
    },
  });
  await tellHousehold(ctx, row, "refunded");
  return viewOne(ctx, row);
}

/** The household rates a delivered order once (1–5, with a comment). */
export async function rateOrder(ctx: Ctx, id: string, body: z.infer<typeof RateOrderBody>) {
  const before = await loadOrder(ctx, id, true);
  authorizeVisible(ctx.actor, "rate", subject(orderPolicy, orderRecord(before)));
  const [row] = await ctx.tx
    .update(orders)
    .set({ rating: body.rating, ratingComment: body.comment || null })
    .where(orderById(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, { action: "order.rate", entity: "order", entityId: id, changes: { rating: body.rating } });
  return viewOne(ctx, row);
}

/**
 * The household complains about an order once it is under way or over (late, damaged, not as ordered): a ticket
 * opens for the management, linked to the order, with its code and partner in the description.
 */
export async function complainAbout(ctx: Ctx, id: string, body: z.infer<typeof ComplaintBody>) {
  const before = await loadOrder(ctx, id, true);
  authorizeVisible(ctx.actor, "complain", subject(orderPolicy, orderRecord(before)));
  const partner = (await partnersById(ctx, [before.partnerId])).get(before.partnerId);
  const ticket = await openComplaint(ctx, {
    unit: { id: before.unitId, code: before.unitCode, buildingId: before.buildingId },
    requesterId: ctx.actor.accountId ?? "",
    title: `Khiếu nại đơn hàng ${before.code}`,
    description: `Đơn ${before.code} — ${partner?.displayName ?? ""}\n\n${body.description}`,
    photos: body.photos,
  });
  await ctx.tx.update(orders).set({ ticketId: ticket.id }).where(orderById(ctx, id));
  await audit(ctx, {
    action: "order.complain",
    entity: "order",
    entityId: id,
    changes: { ticket: ticket.number },
  });
  return { ticketId: ticket.id, number: ticket.number };
}

/**
 * A transfer whose memo names an unpaid order (by transfer) of the company, for exactly its total: the order is
 * paid. Another amount is left for the accountant, as is a memo naming no order.
 */
export async function claimOrderTransfer(ctx: Ctx, t: ReceivedTransfer): Promise<string | null> {
  const codes = findOrderCodes(t.memo);
  if (codes.length === 0) return null;
  const [row] = await ctx.tx
    .update(orders)
    .set({ paymentStatus: "paid", paidAt: t.occurredAt, paymentReference: t.reference })
    .where(
      and(
        eq(orders.companyId, ctx.companyId),
        inArray(orders.code, codes),
        eq(orders.payment, "transfer"),
        eq(orders.paymentStatus, "unpaid"),
        eq(orders.total, t.amount),
      ),
    )
    .returning();
  if (!row) return null;
  await audit(ctx, {
    action: "order.paid",
    entity: "order",
    entityId: row.id,
    changes: { paymentStatus: ["unpaid", "paid"], amount: t.amount, reference: t.reference },
  });
  await tellHousehold(ctx, row, "paid");
  return `order:${row.code}`;
}
