import { z } from "zod";
import { bankByBin } from "./banks.js";
import { abilities, PageQuery, page, Uuid } from "./common.js";
import { isVietnamesePhone, TAX_CODE } from "./settings.js";

/** What a partner offers residents: goods delivered to the door, or a service done in the flat. */
export const PartnerCategory = z.enum([
  "water",
  "gas",
  "groceries",
  "laundry",
  "cleaning",
  "aircon",
  "repair",
  "other",
]);
export const PartnerStatus = z.enum(["active", "suspended"]);

/**
 * A partner organisation as a company admin onboards it: who it is (legal name, tax code), how the management
 * reaches it (the organisation's hotline and address, not a person's), what it offers and where, the commission
 * the management takes, and the account its payouts go to.
 */
export const PartnerBody = z
  .object({
    legalName: z.string().trim().min(2).max(200),
    /** The name residents see ("Nước Lavie Thủ Đức"). */
    displayName: z.string().trim().min(2).max(80),
    taxCode: z.string().trim().regex(TAX_CODE, { error: "TAX_CODE_INVALID" }),
    hotline: z.string().trim().max(20).refine(isVietnamesePhone, { error: "PHONE_FORMAT_INVALID" }),
    orgEmail: z.email({ error: "EMAIL_INVALID" }).max(254).nullable().default(null),
    categories: z.array(PartnerCategory).min(1).max(8),
    /** The buildings it serves. */
    buildingIds: z.array(Uuid).min(1).max(200),
    /** Percent (0–100, in hundredths: 850 = 8.5 %) of each order, or a fixed amount per order in VND. */
    commissionKind: z.enum(["percent", "fixed"]),
    commissionValue: z.number().int().min(0).max(100_000_000),
    bankBin: z
      .string()
      .regex(/^\d{6}$/)
      .refine((bin) => bankByBin(bin) !== null, { error: "BANK_UNKNOWN" }),
    accountNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{4,19}$/),
    accountName: z.string().trim().min(2).max(120),
  })
  .refine((p) => p.commissionKind !== "percent" || p.commissionValue <= 10_000, {
    path: ["commissionValue"],
    error: "COMMISSION_PERCENT",
  });
export const PartnerPatch = z
  .object({
    legalName: z.string().trim().min(2).max(200),
    displayName: z.string().trim().min(2).max(80),
    hotline: z.string().trim().max(20).refine(isVietnamesePhone, { error: "PHONE_FORMAT_INVALID" }),
    orgEmail: z.email({ error: "EMAIL_INVALID" }).max(254).nullable(),
    categories: z.array(PartnerCategory).min(1).max(8),
    buildingIds: z.array(Uuid).min(1).max(200),
    commissionKind: z.enum(["percent", "fixed"]),
    commissionValue: z.number().int().min(0).max(100_000_000),
    status: PartnerStatus,
    /** Why it is suspended (shown to the partner), when it is. */
    statusReason: z.string().trim().max(500).nullable(),
  })
  .partial();

export const Partner = z.object({
  id: Uuid,
  legalName: z.string(),
  displayName: z.string(),
  taxCode: z.string(),
  hotline: z.string(),
  orgEmail: z.string().nullable(),
  categories: z.array(PartnerCategory),
  buildingIds: z.array(Uuid),
  commissionKind: z.enum(["percent", "fixed"]),
  commissionValue: z.number().int(),
  bankBin: z.string(),
  bankName: z.string().nullable(),
  accountNumber: z.string(),
  accountName: z.string(),
  status: PartnerStatus,
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  can: abilities("update"),
});
export const PartnerList = page(Partner);
export const PartnerListQuery = PageQuery.extend({
  status: PartnerStatus.optional(),
  category: PartnerCategory.optional(),
  buildingId: Uuid.optional(),
});

/** The account payouts go to; changing it asks for the password again. */
export const PayoutAccountBody = z.object({
  bankBin: z
    .string()
    .regex(/^\d{6}$/)
    .refine((bin) => bankByBin(bin) !== null, { error: "BANK_UNKNOWN" }),
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,19}$/),
  accountName: z.string().trim().min(2).max(120),
});
