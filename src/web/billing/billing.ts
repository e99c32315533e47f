import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  BankTransfer as BankTransferSchema,
  BillingSettings as BillingSettingsSchema,
  FeeRule,
  FeeRuleKind as FeeRuleKindSchema,
  Invoice,
  InvoiceSummary,
  IssueResult as IssueResultSchema,
  PaymentMethod as PaymentMethodSchema,
  Payment as PaymentSchema,
  Reading,
  Tariff,
} from "../../contracts/index.js";
import { formatNumber, formatVnd, today } from "../format.js";
import { INVOICES_PATH, invoiceQuery } from "./invoiceQuery.js";

/** Fee rules, readings, runs, notices and payments: shared by the console's billing pages and the resident app. */
export type { FeeRule, Invoice, InvoiceSummary, Reading, Tariff };
export type FeeRuleKind = z.infer<typeof FeeRuleKindSchema>;
export type InvoiceStatus = InvoiceSummary["status"];
export type MeterKind = Reading["kind"];
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;
export type IssueResult = z.infer<typeof IssueResultSchema>;
export type Payment = z.infer<typeof PaymentSchema>;
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
export type BankTransfer = z.infer<typeof BankTransferSchema>;

export const FEE_RULES_PATH = "/fee-rules";
export const TARIFFS_PATH = "/tariffs";
export const BANK_ACCOUNTS_PATH = "/bank-accounts";
export const READINGS_PATH = "/meter-readings";
export const RUNS_PATH = "/billing-runs";
export { INVOICES_PATH };
export const TRANSFERS_PATH = "/bank-transfers";
export const settingsPath = (buildingId: string) => `/buildings/${buildingId}/billing-settings`;
export const missingReadingsPath = (buildingId: string) => `/buildings/${buildingId}/missing-readings`;

/** In the order selects show them. */
export const FEE_RULE_KINDS: FeeRuleKind[] = ["area", "vehicle", "fixed", "electricity", "water"];
export const METER_KINDS: MeterKind[] = ["electricity", "water"];
export const INVOICE_STATUSES: InvoiceStatus[] = ["draft", "issued", "partially_paid", "paid", "void"];

/** Tones of StatusBadge per notice status. */
export const INVOICE_TONES = {
  draft: "inactive",
  issued: "waiting",
  partially_paid: "waiting",
  paid: "positive",
  void: "inactive",
} as const;

/** The current billing period (YYYY-MM) in the business time zone. */
export function currentPeriod(): string {
  return today().slice(0, 7);
}

/** The period `months` after (or before, when negative) the given one. */
export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split("-").map(Number);
  const index = (year ?? 0) * 12 + (month ?? 1) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whether a notice still waits for money after its due date. */
export function isOverdue(invoice: Pick<InvoiceSummary, "status" | "balance" | "dueOn">): boolean {
  const open = invoice.status === "issued" || invoice.status === "partially_paid";
  return open && invoice.balance > 0 && invoice.dueOn !== null && invoice.dueOn < today();
}

/** Whether money is still due on a notice (issued, not fully paid). */
export function isOpen(invoice: Pick<InvoiceSummary, "status" | "balance">): boolean {
  return (invoice.status === "issued" || invoice.status === "partially_paid") && invoice.balance > 0;
}

/** One notice with its lines, payments and how to pay it by transfer. */
export function useInvoice(id: string) {
  return useQuery(invoiceQuery(id));
}

/** Words and numbers for billing in the UI language. */
export function useBillingWords() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return {
    vnd: (vnd: number) => formatVnd(vnd, lang),
    number: (value: number, digits = 2) => formatNumber(value, lang, digits),
    /** "Tháng 05/2026". */
    period: (period: string) => {
      const [year, month] = period.split("-");
      return t("billing.periodName", { month, year });
    },
    kind: (kind: FeeRuleKind) => t(`billing.kinds.${kind}`),
    meter: (kind: MeterKind) => t(`billing.meters.${kind}`),
    meterUnit: (kind: MeterKind) => t(`billing.meterUnits.${kind}`),
    status: (status: InvoiceStatus) => t(`billing.statuses.${status}`),
    method: (method: string) =>
      (["bank_transfer", "cash", "card", "auto_debit", "credit_note"] as const).some((m) => m === method)
        ? t(`billing.methods.${method as PaymentMethod}`)
        : method,
    percent: (value: number) => `${formatNumber(value, lang)}%`,
  };
}

/** The last twelve periods and the next one, newest first, for period pickers. */
export function usePeriodOptions(selected: string) {
  const words = useBillingWords();
  const now = currentPeriod();
  const periods = Array.from({ length: 14 }, (_, i) => shiftPeriod(now, 1 - i));
  if (!periods.includes(selected)) periods.push(selected);
  return periods.map((period) => ({ value: period, label: words.period(period) }));
}
