import { z } from "zod";
import { Period, TransferInstructions } from "./billing.js";
import { abilities, PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";
import { PartnerCategory } from "./partners.js";
import { IsoDate } from "./registry.js";

/** Whole VND, from 1 đồng to a billion (DESIGN §2 Money). */
const Price = z.number().int().min(1).max(1_000_000_000);
/** The VAT rates Vietnamese invoices use (percent). */
export const VatRate = z.union([z.literal(0), z.literal(5), z.literal(8), z.literal(10)]);

export const CatalogItemKind = z.enum(["goods", "service"]);
export const CatalogItemStatus = z.enum(["pending", "approved", "rejected", "withdrawn"]);

/**
 * An item a partner offers (a 19-litre bottle of water, two hours of cleaning), in both languages, at a price
 * that includes VAT; `stock` is counted down by orders (null: not counted, as for a service); the buildings
 * are among those the partner serves. The management approves it before residents see it.
 */
const CatalogItemFields = {
  kind: CatalogItemKind,
  category: PartnerCategory,
  nameVi: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  descriptionVi: z.string().trim().max(1000),
  descriptionEn: z.string().trim().max(1000),
  price: Price,
  vatRate: VatRate,
  stock: z.number().int().min(0).max(1_000_000).nullable(),
  /** Among those the partner serves (`GET /partner/profile`); left out: all of them. */
  buildingIds: z.array(Uuid).min(1).max(200),
  /** Up to four photos uploaded for `catalog_item` (the first is the one residents see in the list). */
  photos: z.array(Uuid).max(4),
};
export const CatalogItemBody = z.object({
  ...CatalogItemFields,
  descriptionVi: CatalogItemFields.descriptionVi.default(""),
  descriptionEn: CatalogItemFields.descriptionEn.default(""),
  buildingIds: CatalogItemFields.buildingIds.optional(),
  photos: CatalogItemFields.photos.default([]),
});
/** A change by the partner sends the item back to the management for approval, except a stock count. */
export const CatalogItemPatch = z.object(CatalogItemFields).partial();
export const CatalogItem = z.object({
  id: Uuid,
  partnerId: Uuid,
  partnerName: z.string(),
  kind: CatalogItemKind,
  category: PartnerCategory,
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  price: z.number().int(),
  vatRate: VatRate,
  stock: z.number().int().nullable(),
  buildingIds: z.array(Uuid),
  photos: z.array(FileInfo),
  status: CatalogItemStatus,
  /** Why the management refused it. */
  reviewNote: z.string().nullable(),
  updatedAt: z.string(),
  can: abilities("update", "review"),
});
export const CatalogItemList = page(CatalogItem);
export const CatalogItemQuery = PageQuery.extend({
  status: CatalogItemStatus.optional(),
  partnerId: Uuid.optional(),
});
export const CatalogReviewBody = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({ decision: z.literal("reject"), note: z.string().trim().min(3).max(500) }),
]);

/** A partner's offer with dates, about one of its items or its whole shop; approved by the management. */
export const PromotionBody = z
  .object({
    itemId: Uuid.nullable().default(null),
    titleVi: z.string().trim().min(3).max(120),
    titleEn: z.string().trim().min(3).max(120),
    bodyVi: z.string().trim().max(500).default(""),
    bodyEn: z.string().trim().max(500).default(""),
    startsOn: IsoDate,
    endsOn: IsoDate,
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], error: "PROMOTION_DATES" });
export const PromotionStatus = z.enum(["pending", "approved", "rejected"]);
export const Promotion = z.object({
  id: Uuid,
  partnerId: Uuid,
  partnerName: z.string(),
  itemId: Uuid.nullable(),
  titleVi: z.string(),
  titleEn: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: PromotionStatus,
  reviewNote: z.string().nullable(),
  can: abilities("review"),
});
export const PromotionList = page(Promotion);
export const PromotionQuery = PageQuery.extend({ status: PromotionStatus.optional() });

/** The shop of a unit's building: each active partner serving it with its approved items, in the reader's language. */
export const ShopQuery = z.object({ unitId: Uuid });
export const ShopItem = z.object({
  id: Uuid,
  kind: CatalogItemKind,
  category: PartnerCategory,
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  vatRate: VatRate,
  /** False once the stock is sold out. */
  available: z.boolean(),
  /** Its first photo (`/catalog/items/{id}/photos/{fileId}`), if any. */
  photoId: Uuid.nullable(),
});
export const Shop = z.object({
  /** Whether the reader consents to marketing: promotions are shown only then. */
  marketingConsent: z.boolean(),
  /** The promotions running today for the unit's building (none without marketing consent). */
  promotions: z.array(
    z.object({
      id: Uuid,
      partnerId: Uuid,
      itemId: Uuid.nullable(),
      title: z.string(),
      body: z.string(),
      endsOn: z.string(),
    }),
  ),
  partners: z.array(
    z.object({
      id: Uuid,
      displayName: z.string(),
      hotline: z.string(),
      categories: z.array(PartnerCategory),
      items: z.array(ShopItem),
    }),
  ),
});

/** Delivery windows of a day (Vietnam's time). */
export const DeliverySlot = z.enum(["08-10", "10-12", "14-16", "16-18", "18-20"]);
export const Delivery = z.enum(["door", "reception"]);
export const OrderPayment = z.enum(["transfer", "cash"]);
export const OrderStatus = z.enum([
  "placed",
  "confirmed",
  "preparing",
  "on_the_way",
  "delivered",
  "cancelled",
  "refunded",
]);
export const PaymentStatus = z.enum(["unpaid", "paid", "refunded"]);

/** A resident's order: one partner's items, for a unit of theirs, in a delivery window, paid by transfer or cash. */
export const OrderBody = z.object({
  unitId: Uuid,
  lines: z
    .array(z.object({ itemId: Uuid, quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(20),
  slotDate: IsoDate,
  slot: DeliverySlot,
  delivery: Delivery,
  note: z.string().trim().max(300).default(""),
  payment: OrderPayment,
});
/** The same items again, for another window. */
export const RepeatOrderBody = z.object({ slotDate: IsoDate, slot: DeliverySlot });

const OrderLine = z.object({
  itemId: Uuid,
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  vatRate: VatRate,
  amount: z.number().int(),
});
export const OrderTimes = z.object({
  placedAt: z.string(),
  confirmedAt: z.string().nullable(),
  preparingAt: z.string().nullable(),
  onTheWayAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export const Order = z.object({
  id: Uuid,
  code: z.string(),
  partnerId: Uuid,
  partnerName: z.string(),
  partnerHotline: z.string(),
  unitId: Uuid,
  unitCode: z.string(),
  buildingId: Uuid,
  lines: z.array(OrderLine),
  total: z.number().int(),
  /** The VAT the total includes. */
  vat: z.number().int(),
  slotDate: z.string(),
  slot: DeliverySlot,
  delivery: Delivery,
  note: z.string(),
  payment: OrderPayment,
  paymentStatus: PaymentStatus,
  status: OrderStatus,
  times: OrderTimes,
  cancelReason: z.string().nullable(),
  /** The code the household shows the partner on delivery (the household only, while it is open). */
  deliveryCode: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  /** The ticket the household's complaint about it opened. */
  ticketId: Uuid.nullable(),
  /** How to pay by bank transfer while unpaid: the building's account, the order code as the memo. */
  transfer: TransferInstructions.nullable(),
  can: abilities("cancel", "rate", "refund", "complain"),
});
export const OrderList = page(Order);
export const OrderQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  buildingId: Uuid.optional(),
  partnerId: Uuid.optional(),
  unitId: Uuid.optional(),
});
export const CancelOrderBody = z.object({ reason: z.string().trim().min(3).max(300) });
export const RefundOrderBody = z.object({
  reason: z.string().trim().min(3).max(300),
  /** The bank's reference of the transfer back, or the receipt of cash handed back. */
  reference: z.string().trim().min(2).max(60),
});
/** What went wrong with an order: it opens a ticket the management follows, linked to the order. */
export const ComplaintBody = z.object({
  description: z.string().trim().min(10).max(2000),
  photos: z.array(Uuid).max(4).default([]),
});
export const Complaint = z.object({ ticketId: Uuid, number: z.number().int() });
export const RateOrderBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(""),
});

/**
 * A job as a partner's staff see it: only what the delivery needs — the recipient's first name, the unit and
 * the building's address, a masked phone (revealed once on request, recorded as a disclosure), the window and
 * the items. It is gone from the partner's view once it closes.
 */
export const Job = z.object({
  id: Uuid,
  code: z.string(),
  status: OrderStatus,
  recipientFirstName: z.string(),
  unitCode: z.string(),
  buildingName: z.string(),
  buildingAddress: z.string(),
  maskedPhone: z.string().nullable(),
  slotDate: z.string(),
  slot: DeliverySlot,
  delivery: Delivery,
  note: z.string(),
  lines: z.array(OrderLine.pick({ name: true, quantity: true })),
  /** What to collect at the door (cash on delivery, unpaid), else 0. */
  collect: z.number().int(),
  can: abilities("advance", "deliver", "reveal"),
});
export const JobList = z.object({ items: z.array(Job) });
export const JobQuery = z.object({ date: IsoDate.optional() });
export const JobAdvanceBody = z.object({ status: z.enum(["confirmed", "preparing", "on_the_way"]) });
export const JobDeliverBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4}$/),
});
export const JobDelivered = z.object({ id: Uuid, status: z.literal("delivered") });
export const RevealedPhone = z.object({ phone: z.string() });

/**
 * A partner's statement for a month: the orders delivered in it (Vietnam's calendar), what of them was refunded,
 * the cash the partner collected itself at the door, the management's commission on what was not refunded, and
 * the net the company owes the partner (what it collected by transfer, less the commission; negative when the
 * partner owes commission on cash it kept).
 */
export const Statement = z.object({
  partnerId: Uuid,
  partnerName: z.string(),
  period: Period,
  orders: z.number().int(),
  gross: z.number().int(),
  refunds: z.number().int(),
  cashCollected: z.number().int(),
  commission: z.number().int(),
  net: z.number().int(),
  bankName: z.string().nullable(),
  accountNumber: z.string(),
  accountName: z.string(),
  status: z.enum(["open", "paid"]),
  paidAt: z.string().nullable(),
  reference: z.string().nullable(),
});
export const StatementLine = z.object({
  code: z.string(),
  deliveredAt: z.string(),
  payment: OrderPayment,
  total: z.number().int(),
  refunded: z.boolean(),
  commission: z.number().int(),
});
export const StatementDetail = Statement.extend({ lines: z.array(StatementLine) });
export const PeriodQuery = z.object({ period: Period });
export const StatementList = z.object({ period: Period, items: z.array(Statement) });
export const PayoutBody = z.object({
  period: Period,
  /** The bank's reference of the transfer to the partner. */
  reference: z.string().trim().min(2).max(60),
});

/** The partner the signed-in person works for, as the partner portal shows it. */
export const PartnerProfile = z.object({
  id: Uuid,
  displayName: z.string(),
  hotline: z.string(),
  categories: z.array(PartnerCategory),
  buildings: z.array(z.object({ id: Uuid, name: z.string(), address: z.string() })),
  commissionKind: z.enum(["percent", "fixed"]),
  commissionValue: z.number().int(),
});
export type PartnerProfile = z.infer<typeof PartnerProfile>;

/** A partner's person, invited to the partner portal by email or phone. */
export const PartnerStaffBody = z.object({
  displayName: z.string().trim().min(2).max(80),
  contact: z.string().trim().min(5).max(254),
});
export const PartnerStaff = z.object({
  id: Uuid,
  displayName: z.string(),
  contact: z.string(),
  status: z.enum(["pending", "active", "expired", "revoked"]),
  since: z.string(),
});
export const PartnerStaffList = z.object({ items: z.array(PartnerStaff) });

export type CatalogItem = z.infer<typeof CatalogItem>;
export type Order = z.infer<typeof Order>;
export type Job = z.infer<typeof Job>;
export type Shop = z.infer<typeof Shop>;
