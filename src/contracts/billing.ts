import { z } from "zod";
import { PageQuery, page, Uuid } from "./common.js";
import { IsoDate, UnitType, VehicleType } from "./registry.js";

/**
 * The largest amount of money a person may enter, per price and per payment: 10^12 đ (one trillion, a thousand
 * times a large building's monthly collection). Computed lines are held to the same bound, so that sums of
 * many of them stay exact in a JS `number` (below 2^53 ≈ 9 × 10^15).
 */
export const MAX_VND = 1_000_000_000_000;
/** Money entered by a person: whole đồng from 0 to 10^12. */
export const Vnd = z.number().int().min(0).max(MAX_VND);
/** A sum of money in an answer (totals, balances, credits): whole đồng, negative for credit, exact in JS. */
export const VndTotal = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** A billing period: a calendar month in Asia/Ho_Chi_Minh. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
/** A percentage with at most two decimals (VAT, surcharges). */
const Percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: "at most two decimal places" });

export const FeeRuleKind = z.enum(["area", "vehicle", "fixed", "electricity", "water"]);

const FeeRuleFields = z.object({
  buildingId: Uuid,
  kind: FeeRuleKind,
  name: z.string().trim().min(1).max(120),
  /** Area and fixed fees: only units of this type (all types when absent). */
  unitType: UnitType.nullable().optional(),
  /** Vehicle fees: the vehicle type charged. */
  vehicleType: VehicleType.nullable().optional(),
  /** VND per m² per month (area), per vehicle per month, or per unit per month (fixed). */
  price: Vnd.nullable().optional(),
  /** Vehicle fees: the price of the second and later vehicles of the type in one unit. */
  priceNext: Vnd.nullable().optional(),
  /** Metered fees: the tariff's code (e.g. evn-household). */
  tariffCode: z.string().trim().min(1).max(60).nullable().optional(),
  surchargePercent: Percent.nullable().optional(),
  surchargeName: z.string().trim().min(1).max(120).nullable().optional(),
  vatRate: Percent.default(0),
  /** Collected on behalf of the utility (thu hộ). */
  onBehalf: z.boolean().default(false),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
});

const metered = (kind: string) => kind === "electricity" || kind === "water";

/** A fee rule as sent by the console; which fields it needs depends on its kind. */
export const FeeRuleBody = FeeRuleFields.superRefine((r, ctx) => {
  const need = (path: string, ok: boolean) => {
    if (!ok) ctx.addIssue({ code: "custom", path: [path], message: "required for this kind of fee" });
  };
  if (metered(r.kind)) {
    need("tariffCode", Boolean(r.tariffCode));
    if (r.price != null)
      ctx.addIssue({ code: "custom", path: ["price"], message: "metered fees use the tariff" });
  } else need("price", r.price != null);
  if (r.kind === "vehicle") need("vehicleType", Boolean(r.vehicleType));
  if (r.surchargePercent != null) need("surchargeName", Boolean(r.surchargeName));
  if (r.validTo && r.validTo < r.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "before validFrom" });
  }
});
export type FeeRuleBody = z.infer<typeof FeeRuleBody>;

export const Warning = z.object({ code: z.string(), message: z.string() });
export const FeeRule = FeeRuleFields.extend({
  id: Uuid,
  unitType: UnitType.nullable(),
  vehicleType: VehicleType.nullable(),
  // Answers show what is stored, including prices saved before the range existed.
  price: VndTotal.nullable(),
  priceNext: VndTotal.nullable(),
  tariffCode: z.string().nullable(),
  surchargePercent: z.number().nullable(),
  surchargeName: z.string().nullable(),
  validTo: IsoDate.nullable(),
  /** Things to look at (a management fee outside the province's price frame). */
  warnings: z.array(Warning),
});
export type FeeRule = z.infer<typeof FeeRule>;
export const FeeRuleList = z.object({ items: z.array(FeeRule) });
export const BuildingQuery = z.object({ buildingId: Uuid });

/** What a rule change would do to next month's notices, computed without saving it. */
export const FeeRulePreview = z.object({
  period: Period,
  units: z.number().int(),
  changedUnits: z.number().int(),
  totalBefore: VndTotal,
  totalAfter: VndTotal,
  sample: z.array(z.object({ unitCode: z.string(), before: VndTotal, after: VndTotal })),
  warnings: z.array(Warning),
});
export const FeeRulePreviewBody = z.object({ rule: FeeRuleBody, replaces: Uuid.optional() });

/** One band of a tariff: its cumulative upper limit (kWh or m³; null for the last, unlimited band) and price. */
export const TariffBand = z.object({
  upTo: z.number().int().min(1).max(1_000_000).nullable(),
  /** VND per unit before VAT. */
  price: Vnd,
});
export type TariffBand = z.infer<typeof TariffBand>;

/** A tariff version as entered: bands, prices, VAT, the date it applies from (until the next version). */
export const TariffBody = z
  .object({
    /** The tariff's code, shared by its versions and named by fee rules (e.g. evn-household). */
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, "lowercase letters, digits and hyphens"),
    kind: z.enum(["electricity", "water"]),
    name: z.string().trim().min(1).max(120),
    /** Band limits per household, or per registered person (a water utility's norm per person). */
    basis: z.enum(["household", "person"]).default("household"),
    bands: z.array(TariffBand).min(1).max(12),
    /** The VAT of the metered lines under this version; null: the fee rule's rate. */
    vatRate: Percent.nullable().default(null),
    validFrom: IsoDate,
  })
  .superRefine((t, ctx) => {
    t.bands.forEach((band, i) => {
      const last = i === t.bands.length - 1;
      if (last !== (band.upTo === null)) {
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "upTo"],
          message: "only the last band is unlimited",
        });
      }
      const previous = i > 0 ? t.bands[i - 1]?.upTo : 0;
      if (band.upTo !== null && previous != null && band.upTo <= previous) {
        ctx.addIssue({ code: "custom", path: ["bands", i, "upTo"], message: "limits must increase" });
      }
    });
  });
export type TariffBody = z.infer<typeof TariffBody>;

export const Tariff = z.object({
  id: Uuid,
  code: z.string(),
  kind: z.enum(["electricity", "water"]),
  name: z.string(),
  basis: z.enum(["household", "person"]),
  bands: z.array(TariffBand),
  vatRate: z.number().nullable(),
  validFrom: IsoDate,
  /** The next version's first day, when there is one. */
  validUntil: IsoDate.nullable(),
  /** national: EVN's, kept by the platform admin; company: the company's own (its water utility). */
  scope: z.enum(["national", "company"]),
  /** Used by an issued notice: kept as it is; a change is a new version. */
  locked: z.boolean(),
});
export const TariffQuery = z.object({ scope: z.enum(["national", "company"]).optional() });
/** What a tariff version would do to the month it first applies to, for typical consumptions. */
export const TariffPreviewBody = z.object({ tariff: TariffBody, replaces: Uuid.optional() });
const Charge = z.object({ amount: Vnd, vat: Vnd, total: Vnd });
export const TariffPreview = z.object({
  period: Period,
  rows: z.array(
    z.object({ consumption: z.number().int(), persons: z.number().int(), before: Charge, after: Charge }),
  ),
});
export const TariffList = z.object({ items: z.array(Tariff) });

export const BillingSettingsBody = z.object({
  feeFrameMin: Vnd.nullable(),
  feeFrameMax: Vnd.nullable(),
  dueDays: z.number().int().min(0).max(90),
  /** Late fee: percent of what was overdue when a month starts, charged on that month's notice. */
  lateFeePercent: Percent.nullable().default(null),
  /** Days between reminders of an overdue notice; none when null. */
  reminderDays: z.number().int().min(1).max(60).nullable().default(7),
});
export const BillingSettings = BillingSettingsBody.extend({ buildingId: Uuid });

export const BankAccountBody = z.object({
  buildingId: Uuid,
  bankBin: z.string().regex(/^\d{6}$/),
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,19}$/),
  accountName: z.string().trim().min(1).max(120),
});
export const BankAccount = BankAccountBody.extend({ id: Uuid, bankName: z.string().nullable() });
export const BankAccountList = z.object({ items: z.array(BankAccount) });

export const MeterKind = z.enum(["electricity", "water"]);
export const ReadingBody = z.object({
  unitId: Uuid,
  kind: MeterKind,
  period: Period,
  reading: z.number().int().min(0).max(1e12),
  /** The previous reading; taken from last period's when absent. */
  previous: z.number().int().min(0).max(1e12).optional(),
  readOn: IsoDate,
  /** Accept a consumption far above the unit's usual (after checking the meter). */
  confirmUnusual: z.boolean().default(false),
});
export const Reading = z.object({
  id: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  kind: MeterKind,
  period: Period,
  previous: z.number().int(),
  reading: z.number().int(),
  consumption: z.number().int(),
  readOn: IsoDate,
});
export const ReadingQuery = PageQuery.extend({
  buildingId: Uuid,
  period: Period,
  kind: MeterKind.optional(),
});
export const ReadingPage = page(Reading);
const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");
export const ReadingsImportQuery = z.object({
  period: Period,
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  dryRun: flag,
  /** Accept consumptions far above the units' usual (after checking them in the dry run). */
  confirmUnusual: flag,
});
export const ReadingsImportResult = z.object({
  dryRun: z.boolean(),
  readings: z.number().int(),
  /** Readings created or changed (an unchanged re-import changes none). */
  changed: z.number().int().optional(),
});
/** Units with a metered fee but no reading yet for the period, listed before a run. */
export const MissingReadings = z.object({
  period: Period,
  items: z.array(z.object({ unitId: Uuid, unitCode: z.string(), kind: MeterKind })),
});

export const RunBody = z.object({ buildingId: Uuid, period: Period });
export const BillingRun = z.object({
  id: Uuid,
  buildingId: Uuid,
  period: Period,
  status: z.enum(["running", "done", "failed"]),
  units: z.number().int(),
  done: z.number().int(),
  created: z.number().int(),
  redrafted: z.number().int(),
  changedAfterIssue: z.number().int(),
  invoices: z.number().int(),
  total: VndTotal,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const IssueResult = z.object({
  issued: z.number().int(),
  firstNumber: z.string().nullable(),
  /** Drafts left as drafts because the accountant excluded them from this issue. */
  excluded: z.number().int(),
});

/** What the accountant decided for a flagged draft: issue it as it is, or leave it out (it stays a draft). */
export const ReviewChoice = z.enum(["issue", "exclude"]);
export const ReviewDecision = z.object({
  invoiceId: Uuid,
  choice: ReviewChoice,
  /** Why (optional), kept in the audit log. */
  reason: z.string().trim().max(500).optional(),
});
export const IssueBody = RunBody.extend({
  /** The review (preview) the decisions were taken on; drafts that changed since are refused as stale. */
  reviewId: Uuid.optional(),
  /** A decision for every flagged draft (others may be excluded too). */
  decisions: z.array(ReviewDecision).max(20_000).default([]),
});
const ReviewNotice = z.object({
  invoiceId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  /** The notice's code (HD…). */
  code: z.string(),
  total: VndTotal,
});
export const ReviewMetric = z.enum(["electricity", "water", "total"]);
/**
 * The issue confirmation: what needs a look before a building's drafts of a period are issued. Every notice in
 * `missingReadings` (with a draft), `outliers`, `firstTime` and `changed` needs a decision to issue.
 */
export const BillingReview = z.object({
  id: Uuid,
  buildingId: Uuid,
  period: Period,
  createdAt: z.string(),
  drafts: z.number().int(),
  draftTotal: VndTotal,
  /** Notices that need a decision (each counted once). */
  flagged: z.number().int(),
  /** Units billed by a meter with no reading for the period; their notice (if drafted) lacks that charge. */
  missingReadings: z.array(
    z.object({
      unitId: Uuid,
      unitCode: z.string(),
      kinds: z.array(MeterKind),
      invoiceId: Uuid.nullable(),
      code: z.string().nullable(),
      total: VndTotal.nullable(),
    }),
  ),
  /** Notices whose consumption or total is far above the unit's own history or the building's median. */
  outliers: z.array(
    ReviewNotice.extend({
      reasons: z.array(
        z.object({
          metric: ReviewMetric,
          /** kWh, m³ or đồng. */
          value: z.number(),
          median: z.number(),
          threshold: z.number(),
          /** Measured against the unit's own last months, or the building's median for the period. */
          basis: z.enum(["unit", "building"]),
        }),
      ),
    }),
  ),
  /** Units billed for the first time. */
  firstTime: z.array(ReviewNotice),
  /** Drafts that changed since the previous preview (before: null when the draft is new). */
  changed: z.array(ReviewNotice.extend({ before: VndTotal.nullable() })),
  /** The thresholds the outliers were found with. */
  rule: z.object({
    ownFactor: z.number(),
    buildingFactor: z.number(),
    historyMonths: z.number().int(),
    minHistory: z.number().int(),
  }),
});

export const InvoiceStatus = z.enum(["draft", "issued", "partially_paid", "paid", "void"]);
export const InvoiceLine = z.object({
  lineNo: z.number().int(),
  kind: z.string(),
  description: z.string(),
  quantity: z.string(),
  unitLabel: z.string(),
  unitPrice: z.number().int(),
  days: z.number().int(),
  periodDays: z.number().int(),
  amount: z.number().int(),
  vatRate: z.number(),
  vat: z.number().int(),
  onBehalf: z.boolean(),
});
export const InvoiceSummary = z.object({
  id: Uuid,
  /** A month's notice, or an adjustment of an issued one (negative: a credit note). */
  kind: z.enum(["monthly", "adjustment"]),
  code: z.string(),
  number: z.string().nullable(),
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  period: Period,
  status: InvoiceStatus,
  billTo: z.string().nullable(),
  total: z.number().int(),
  paid: z.number().int(),
  balance: z.number().int(),
  dueOn: IsoDate.nullable(),
  issuedAt: z.string().nullable(),
});
export const InvoiceQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  unitId: Uuid.optional(),
  period: Period.optional(),
  status: InvoiceStatus.optional(),
  q: z.string().trim().max(40).optional(),
});
export const InvoicePage = page(InvoiceSummary);
/** How to pay an amount into the building's account by transfer: the account, the memo, the VietQR payload. */
export const TransferInstructions = z.object({
  bankBin: z.string(),
  bankName: z.string().nullable(),
  accountNumber: z.string(),
  accountName: z.string(),
  amount: z.number().int(),
  memo: z.string(),
  qrPayload: z.string(),
});

export const Invoice = InvoiceSummary.extend({
  areaM2: z.string(),
  subtotal: z.number().int(),
  vatTotal: z.number().int(),
  amountInWords: z.string(),
  lines: z.array(InvoiceLine),
  /**
   * Each meter's reading behind the metered lines (bands are those lines: quantity × price): kept on the
   * notice when it is issued; a draft shows the readings as they are now.
   */
  meters: z.array(
    z.object({
      kind: MeterKind,
      previous: z.number().int(),
      current: z.number().int(),
      consumption: z.number().int(),
      unitLabel: z.string(),
      readOn: IsoDate.nullable(),
    }),
  ),
  payments: z.array(
    z.object({ id: Uuid, method: z.string(), amount: z.number().int(), receivedAt: z.string() }),
  ),
  /** How to pay by bank transfer: the building's account and the VietQR payload for the balance. */
  transfer: TransferInstructions.nullable(),
});

export const PaymentMethod = z.enum(["bank_transfer", "cash", "card", "auto_debit", "credit_note"]);
export const CashPaymentBody = z.object({
  invoiceId: Uuid,
  amount: Vnd.min(1),
  note: z.string().trim().max(200).optional(),
  /**
   * Take it although it is more than the unit owes by more than the configured margin (the rest becomes the
   * unit's credit); without it such a payment is answered 422 OVERPAYMENT_UNCONFIRMED.
   */
  confirmOverpayment: z.boolean().default(false),
});
export const Payment = z.object({
  id: Uuid,
  unitId: Uuid,
  method: PaymentMethod,
  amount: z.number().int(),
  receiptNumber: z.string().nullable(),
  receivedAt: z.string(),
  allocated: z.number().int(),
  credit: z.number().int(),
});

export const BankTransferStatus = z.enum(["matched", "unmatched", "ignored"]);
export const BankTransfer = z.object({
  id: Uuid,
  provider: z.string(),
  externalId: z.string(),
  gateway: z.string(),
  accountNumber: z.string(),
  amount: z.number().int(),
  memo: z.string(),
  occurredAt: z.string(),
  status: BankTransferStatus,
  invoiceId: Uuid.nullable(),
});
export const BankTransferQuery = PageQuery.extend({ status: BankTransferStatus.optional() });
export const BankTransferPage = page(BankTransfer);
export const MatchTransferBody = z.object({ invoiceId: Uuid });

/** A transfer the bank feed delivered to an account no company holds: the platform admin's unrouted queue. */
export const UnroutedTransferStatus = z.enum(["unrouted", "assigned", "ignored"]);
export const UnroutedTransfer = z.object({
  id: Uuid,
  provider: z.string(),
  externalId: z.string(),
  gateway: z.string().nullable(),
  accountNumber: z.string(),
  amount: z.number().int(),
  direction: z.enum(["in", "out"]),
  memo: z.string().nullable(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  status: UnroutedTransferStatus,
  /** The company it was assigned to. */
  companyId: Uuid.nullable(),
  assignedAt: z.string().nullable(),
});
export const UnroutedTransferQuery = PageQuery.extend({ status: UnroutedTransferStatus.optional() });
export const UnroutedTransferPage = page(UnroutedTransfer);
export const AssignTransferBody = z.object({ companyId: Uuid });
export const AssignedTransfer = z.object({
  id: Uuid,
  status: z.literal("assigned"),
  companyId: Uuid,
  /** What the company made of it, as with any transfer: matched to a notice by its memo, or waiting. */
  transfer: z.enum(["matched", "unmatched", "duplicate"]),
});
/** The platform admin moves an account number to the company that now holds it. */
export const BankAccountOwnerParams = z.object({
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,19}$/),
});
export const BankAccountOwnerBody = z.object({ companyId: Uuid });
export const BankAccountOwner = z.object({ accountNumber: z.string(), companyId: Uuid, since: z.string() });

export type Invoice = z.infer<typeof Invoice>;
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;
export type Reading = z.infer<typeof Reading>;
export type Tariff = z.infer<typeof Tariff>;
export type BankAccount = z.infer<typeof BankAccount>;

const Buckets = {
  notDue: z.number().int(),
  d0to30: z.number().int(),
  d31to60: z.number().int(),
  d61to90: z.number().int(),
  over90: z.number().int(),
  balance: z.number().int(),
};
export const DebtQuery = PageQuery.extend({ buildingId: Uuid });
/** Debt ageing: what is owed by how long it is overdue, in total and per unit (largest first). */
export const Ageing = z.object({
  asOf: IsoDate,
  totals: z.object(Buckets),
  units: page(
    z.object({
      ...Buckets,
      unitId: Uuid,
      unitCode: z.string(),
      billTo: z.string().nullable(),
      oldestDueOn: IsoDate,
      notices: z.number().int(),
    }),
  ),
});
export const Statement = z.object({
  unitId: Uuid,
  unitCode: z.string(),
  lines: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(["notice", "payment"]),
      reference: z.string(),
      debit: z.number().int(),
      credit: z.number().int(),
      balance: z.number().int(),
    }),
  ),
  /** What the unit owes now; negative when it has credit. */
  balance: z.number().int(),
});
/** The units of one building whose balances a list shows (the ids of its page, comma-separated). */
export const UnitBalanceQuery = z.object({
  buildingId: Uuid,
  unitIds: z
    .string()
    .max(200 * 37)
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(Uuid).max(200)),
});
/** What each unit owes on its issued notices now, and the part past its due date (units owing nothing: 0). */
export const UnitBalances = z.object({
  items: z.array(z.object({ unitId: Uuid, balance: z.number().int(), overdue: z.number().int() })),
});
export const DashboardQuery = z.object({
  buildingId: Uuid,
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export const BillingDashboard = z.object({
  months: z.array(
    z.object({
      period: Period,
      billed: z.number().int(),
      collected: z.number().int(),
      notices: z.number().int(),
    }),
  ),
  /** Collected ÷ billed over the months shown (null when nothing was billed). */
  collectionRate: z.number().nullable(),
  outstanding: z.number().int(),
  overdue: z.number().int(),
  topDebtors: z.array(
    z.object({
      unitId: Uuid,
      unitCode: z.string(),
      billTo: z.string().nullable(),
      balance: z.number().int(),
    }),
  ),
});
