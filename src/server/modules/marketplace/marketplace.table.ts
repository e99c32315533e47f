import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** Whole VND (DESIGN §2 Money), as billing's columns are. */
const vnd = (name: string) => bigint(name, { mode: "number" });

/**
 * An item of a partner's catalogue, in both languages, at a VAT-inclusive price. Residents see it once the
 * management has approved it; a change to what it is sends it back for approval. `stock` is counted down by
 * orders in the same statement that checks it, so two orders cannot both take the last one.
 */
export const catalogItems = pgTable(
  "catalog_items",
  {
    companyId: companyId(),
    id: id(),
    partnerId: uuid("partner_id").notNull(),
    kind: text("kind").notNull(),
    category: text("category").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionVi: text("description_vi").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    price: vnd("price").notNull(),
    vatRate: integer("vat_rate").notNull(),
    stock: integer("stock"),
    buildingIds: uuid("building_ids").array().notNull(),
    status: text("status").notNull().default("pending"),
    reviewNote: text("review_note"),
    reviewedBy: uuid("reviewed_by"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("catalog_items_partner").on(t.companyId, t.partnerId),
    index("catalog_items_status").on(t.companyId, t.status),
    check("catalog_items_kind", sql`${t.kind} in ('goods', 'service')`),
    check("catalog_items_status", sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`),
    check("catalog_items_price", sql`${t.price} > 0`),
    check("catalog_items_vat", sql`${t.vatRate} in (0, 5, 8, 10)`),
    check("catalog_items_stock", sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

/**
 * A household's order from one partner: its lines, the delivery window, how it is paid, and the time of each
 * step. The order stays for accounting after its buyer's data is erased; `buyer_name` is what the receipt
 * names, kept while the accounting hold lasts.
 */
export const orders = pgTable(
  "orders",
  {
    companyId: companyId(),
    id: id(),
    /** `DH` + 8 digits: the memo of a transfer that pays it. */
    code: text("code").notNull(),
    partnerId: uuid("partner_id").notNull(),
    /** `service` when any of its items is a service done in the flat, else `goods`. */
    kind: text("kind").notNull(),
    buildingId: uuid("building_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitCode: text("unit_code").notNull(),
    placedBy: uuid("placed_by"),
    residentId: uuid("resident_id"),
    buyerName: text("buyer_name"),
    slotDate: date("slot_date").notNull(),
    slot: text("slot").notNull(),
    delivery: text("delivery").notNull(),
    note: text("note"),
    payment: text("payment").notNull(),
    paymentStatus: text("payment_status").notNull().default("unpaid"),
    status: text("status").notNull().default("placed"),
    total: vnd("total").notNull(),
    vat: vnd("vat").notNull(),
    deliveryCode: text("delivery_code").notNull(),
    cancelReason: text("cancel_reason"),
    refundReference: text("refund_reference"),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    /** The ticket a complaint about the order opened. */
    ticketId: uuid("ticket_id"),
    placedAt: tstz("placed_at").notNull().defaultNow(),
    confirmedAt: tstz("confirmed_at"),
    preparingAt: tstz("preparing_at"),
    onTheWayAt: tstz("on_the_way_at"),
    deliveredAt: tstz("delivered_at"),
    cancelledAt: tstz("cancelled_at"),
    refundedAt: tstz("refunded_at"),
    paidAt: tstz("paid_at"),
    paymentReference: text("payment_reference"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("orders_code").on(t.companyId, t.code),
    index("orders_partner").on(t.companyId, t.partnerId, t.status, t.slotDate),
    index("orders_unit").on(t.companyId, t.unitId, t.placedAt),
    index("orders_building").on(t.companyId, t.buildingId, t.placedAt),
    index("orders_placed_by").on(t.companyId, t.placedBy),
    check(
      "orders_status",
      sql`${t.status} in ('placed', 'confirmed', 'preparing', 'on_the_way', 'delivered', 'cancelled', 'refunded')`,
    ),
    check("orders_kind", sql`${t.kind} in ('goods', 'service')`),
    check("orders_payment", sql`${t.payment} in ('transfer', 'cash')`),
    check("orders_payment_status", sql`${t.paymentStatus} in ('unpaid', 'paid', 'refunded')`),
    check("orders_delivery", sql`${t.delivery} in ('door', 'reception')`),
    check("orders_total", sql`${t.total} > 0 and ${t.vat} >= 0`),
    check("orders_rating", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/** An order's line: the item as it was sold (name, price, VAT rate), so later changes to the catalogue leave it. */
export const orderLines = pgTable(
  "order_lines",
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid("order_id").notNull(),
    itemId: uuid("item_id").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: vnd("unit_price").notNull(),
    vatRate: integer("vat_rate").notNull(),
    amount: vnd("amount").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("order_lines_order").on(t.companyId, t.orderId),
    check("order_lines_quantity", sql`${t.quantity} > 0`),
  ],
);

/**
 * A partner's statement for a month once the company has paid it out: the figures as they were paid (orders
 * delivered in the month, refunds, cash the partner collected, commission, net) and the bank's reference.
 */
export const partnerPayouts = pgTable(
  "partner_payouts",
  {
    companyId: companyId(),
    id: id(),
    partnerId: uuid("partner_id").notNull(),
    period: text("period").notNull(),
    orders: integer("orders").notNull(),
    gross: vnd("gross").notNull(),
    refunds: vnd("refunds").notNull(),
    cashCollected: vnd("cash_collected").notNull(),
    commission: vnd("commission").notNull(),
    net: vnd("net").notNull(),
    reference: text("reference").notNull(),
    paidBy: uuid("paid_by"),
    paidAt: tstz("paid_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("partner_payouts_period").on(t.companyId, t.partnerId, t.period),
    check("partner_payouts_period", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * A partner's promotion (an offer with dates, about one of its items or its whole shop), approved by the
 * management; residents see it in the shop only while it runs and only if they consent to marketing.
 */
export const promotions = pgTable(
  "promotions",
  {
    companyId: companyId(),
    id: id(),
    partnerId: uuid("partner_id").notNull(),
    itemId: uuid("item_id"),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en").notNull(),
    bodyVi: text("body_vi").notNull().default(""),
    bodyEn: text("body_en").notNull().default(""),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: text("status").notNull().default("pending"),
    reviewNote: text("review_note"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("promotions_partner").on(t.companyId, t.partnerId),
    index("promotions_running").on(t.companyId, t.status, t.endsOn),
    check("promotions_status", sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check("promotions_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
