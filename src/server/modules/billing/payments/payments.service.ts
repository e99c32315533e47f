import type { z } from "zod";
import type { AssignedTransfer, BankTransferQuery, CashPaymentBody } from "../../../../contracts/billing.js";
import { audit, nothingToAudit } from "../../../platform/audit/audit.service.js";
import { authorize, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { pageOf } from "../../../platform/db/paging.js";
import { enterCompany } from "../../../platform/db/scope.js";
import { AppError, errors } from "../../../platform/errors.js";
import { yearInVietnam } from "../../../platform/time.js";
import { tellPaymentReceived } from "../billing.notify.js";
import { billingPolicy } from "../billing.policy.js";
import { exactVnd } from "../core/sums.js";
import type { BankTransfer } from "./bank-feed/sepay.js";
import { findInvoiceCodes } from "./memo.js";
import {
  allocateTo,
  findInvoiceById,
  insertPayment,
  insertTransfer,
  invoiceWithCode,
  lockOpenInvoices,
  lockTransfer,
  owedByUnit,
  type PaymentRow,
  type TransferRow,
  takeNumbers,
  transferPage,
  unallocatedPayments,
  updateTransfer,
} from "./payments.repo.js";
import { bankAccountHolder, keepDelivery, takeUnrouted } from "./unrouted.service.js";

type Method = "bank_transfer" | "cash" | "card" | "auto_debit" | "credit_note";

export type PaymentInput = {
  buildingId: string;
  unitId: string;
  method: Method;
  amount: number;
  /** The outside id (bank transaction, gateway transaction): the same reference is recorded once. */
  reference: string | null;
  /** The notice the payer meant; paid first, then the unit's oldest open notices. */
  invoiceId?: string;
  receivedAt?: Date;
  note?: string;
  receiptNumber?: string;
};

/** The next gap-free number of a series for this company and year (in the caller's transaction). */
export async function nextNumber(ctx: Ctx, series: "notice" | "receipt", year: number, n = 1) {
  const last = await takeNumbers(ctx.tx, { companyId: ctx.companyId, series, year, n });
  return last - n + 1;
}

/**
 * Spreads `amount` of a payment over the unit's open notices (the one meant first, then oldest first),
 * updating what each has been paid and its status. Returns what was allocated; the rest is the unit's credit.
 */
async function allocate(ctx: Ctx, paymentId: string, unitId: string, amount: number, first?: string) {
  const open = await lockOpenInvoices(ctx.tx, { companyId: ctx.companyId, unitId, first });
  let left = amount;
  for (const invoice of open) {
    if (left === 0) break;
    const part = Math.min(left, invoice.balance);
    left -= part;
    await allocateTo(ctx.tx, { companyId: ctx.companyId, paymentId, invoiceId: invoice.id, amount: part });
  }
  return amount - left;
}

/**
 * Records money received for a unit and settles its notices with it; over-payment stays as credit for the
 * next notice. Idempotent by (method, reference): a repeated bank or gateway notification changes nothing.
 */
export async function recordPayment(ctx: Ctx, input: PaymentInput) {
  const row = await insertPayment(ctx.tx, {
    companyId: ctx.companyId,
    buildingId: input.buildingId,
    unitId: input.unitId,
    method: input.method,
    amount: input.amount,
    reference: input.reference,
    receiptNumber: input.receiptNumber ?? null,
    note: input.note ?? null,
    receivedAt: input.receivedAt ?? new Date(),
    recordedBy: ctx.actor.accountId,
  });
  if (!row) return { payment: null, allocated: 0, credit: 0, duplicate: true };
  const allocated = await allocate(ctx, row.id, input.unitId, input.amount, input.invoiceId);
  await tellPaymentReceived(ctx, {
    ...input,
    id: row.id,
    reference: input.receiptNumber ?? input.reference ?? row.id.slice(0, 8),
  });
  await audit(ctx, {
    action: "payment.record",
    entity: "payment",
    entityId: row.id,
    changes: {
      method: [null, input.method],
      amount: [null, input.amount],
      allocated: [null, allocated],
      unitId: [null, input.unitId],
    },
  });
  return { payment: row, allocated, credit: input.amount - allocated, duplicate: false };
}

/** Pays newly issued notices from what their units have paid beyond earlier notices. */
export async function applyCredit(ctx: Ctx, buildingId: string, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return 0;
  const credits = await unallocatedPayments(ctx.tx, { companyId: ctx.companyId, buildingId, invoiceIds });
  let total = 0;
  for (const c of credits) total += await allocate(ctx, c.id, c.unit_id, Number(c.remainder));
  return total;
}

/** Cash at the office: recorded by an accountant against a notice, with a numbered receipt (phiếu thu). */
export async function recordCash(ctx: Ctx, body: z.infer<typeof CashPaymentBody>) {
  const invoice = await findInvoiceById(ctx.tx, { companyId: ctx.companyId, id: body.invoiceId });
  if (!invoice) throw errors.notFound("invoice");
  authorizeVisible(ctx.actor, "take_payment", subject(billingPolicy, { buildingId: invoice.buildingId }));
  if (invoice.status === "draft" || invoice.status === "void") throw errors.rule("INVOICE_NOT_ISSUED");
  if (!body.confirmOverpayment) {
    const owed = await unitOwes(ctx, invoice.unitId);
    const margin = ctx.platform.config.overpaymentMarginVnd;
    if (body.amount - owed > margin) {
      const n = (v: number) => new Intl.NumberFormat(ctx.lang === "vi" ? "vi-VN" : "en-US").format(v);
      throw new AppError(
        422,
        "OVERPAYMENT_UNCONFIRMED",
        { amount: n(body.amount), owed: n(owed), margin: n(margin) },
        { amount: body.amount, owed, margin },
      );
    }
  }
  const year = yearInVietnam();
  const receipt = `PT${year}/${String(await nextNumber(ctx, "receipt", year)).padStart(6, "0")}`;
  const result = await recordPayment(ctx, {
    buildingId: invoice.buildingId,
    unitId: invoice.unitId,
    method: "cash",
    amount: body.amount,
    reference: receipt,
    receiptNumber: receipt,
    invoiceId: invoice.id,
    note: body.note,
  });
  if (!result.payment) throw new Error("cash payment not recorded");
  return paymentDto(result.payment, result.allocated);
}

/** What a unit owes on its issued notices now (its credit is not deducted: it is applied at the next issue). */
async function unitOwes(ctx: Ctx, unitId: string): Promise<number> {
  return exactVnd(await owedByUnit(ctx.tx, { companyId: ctx.companyId, unitId }), "owed");
}

const paymentDto = (p: PaymentRow, allocated: number) => ({
  id: p.id,
  unitId: p.unitId,
  method: p.method as Method,
  amount: p.amount,
  receiptNumber: p.receiptNumber,
  receivedAt: p.receivedAt.toISOString(),
  allocated,
  credit: p.amount - allocated,
});

/** The notice a transfer's memo names, in this company (codes are unique across the installation). */
async function invoiceForMemo(ctx: Ctx, memo: string) {
  const codes = findInvoiceCodes(memo);
  if (codes.length === 0) return null;
  return invoiceWithCode(ctx.tx, { companyId: ctx.companyId, codes });
}

/**
 * A transfer reported by the bank feed: kept once per feed transaction id, matched to a notice by the code in
 * its memo and recorded as a payment; otherwise it waits for an accountant. Money going out is kept, ignored.
 */
export async function receiveTransfer(ctx: Ctx, t: BankTransfer) {
  const row = await insertTransfer(ctx.tx, {
    companyId: ctx.companyId,
    provider: t.provider,
    externalId: t.externalId,
    gateway: t.gateway,
    accountNumber: t.accountNumber,
    amount: t.amount,
    memo: t.memo,
    bankReference: t.bankReference,
    occurredAt: t.occurredAt,
    status: t.direction === "in" ? "unmatched" : "ignored",
  });
  if (!row) {
    nothingToAudit(ctx);
    return { status: "duplicate" as const };
  }
  if (row.status === "ignored" || t.amount <= 0) return { status: row.status };
  const invoice = await invoiceForMemo(ctx, t.memo);
  if (!invoice) {
    const claimedBy = await claimedByModule(ctx, row);
    if (claimedBy) {
      await updateTransfer(
        ctx.tx,
        { companyId: ctx.companyId, id: row.id },
        { status: "matched", claimedBy },
      );
      await audit(ctx, {
        action: "bank_transfer.claimed",
        entity: "bank_transfer",
        entityId: row.id,
        changes: { claimedBy },
      });
      return { status: "matched" as const };
    }
    await audit(ctx, { action: "bank_transfer.unmatched", entity: "bank_transfer", entityId: row.id });
    return { status: "unmatched" as const };
  }
  await settleTransfer(ctx, row, invoice);
  return { status: "matched" as const };
}

/** The first module that recognises what the transfer pays (an order by its code in the memo). */
async function claimedByModule(ctx: Ctx, row: TransferRow): Promise<string | null> {
  const transfer = {
    id: row.id,
    amount: row.amount,
    memo: row.memo,
    occurredAt: row.occurredAt,
    reference: `${row.provider}:${row.externalId}`,
  };
  for (const m of ctx.platform.modules) {
    const claimed = await m.claimTransfer?.(ctx, transfer);
    if (claimed) return claimed;
  }
  return null;
}

async function settleTransfer(
  ctx: Ctx,
  transfer: TransferRow,
  invoice: { id: string; unitId: string; buildingId: string },
) {
  const result = await recordPayment(ctx, {
    buildingId: invoice.buildingId,
    unitId: invoice.unitId,
    method: "bank_transfer",
    amount: transfer.amount,
    reference: `${transfer.provider}:${transfer.externalId}`,
    invoiceId: invoice.id,
    receivedAt: transfer.occurredAt,
  });
  await updateTransfer(
    ctx.tx,
    { companyId: ctx.companyId, id: transfer.id },
    { status: "matched", invoiceId: invoice.id, paymentId: result.payment?.id ?? null },
  );
}

export async function listTransfers(ctx: Ctx, q: z.infer<typeof BankTransferQuery>) {
  authorize(ctx.actor, "take_payment", billingPolicy);
  return pageOf(q, transferPage(ctx.tx, { companyId: ctx.companyId, status: q.status }), (t) => ({
    id: t.id,
    provider: t.provider,
    externalId: t.externalId,
    gateway: t.gateway,
    accountNumber: t.accountNumber,
    amount: t.amount,
    memo: t.memo,
    occurredAt: t.occurredAt.toISOString(),
    status: t.status as "matched" | "unmatched" | "ignored",
    invoiceId: t.invoiceId,
  }));
}

/**
 * A transfer as the bank feed reports it, outside any company (platform scope): kept once in the
 * installation-wide inbox before anything else, then stored and matched in the company that holds the receiving
 * account (through a SECURITY DEFINER lookup), or left in the platform admin's unrouted queue when none does.
 * Nothing the feed delivers is dropped.
 */
export async function routeTransfer(ctx: Ctx, t: BankTransfer) {
  const holder = await bankAccountHolder(ctx, t.accountNumber);
  const kept = await keepDelivery(ctx, t, holder);
  if (!kept) {
    nothingToAudit(ctx);
    return { status: "duplicate" as const };
  }
  if (!holder) return { status: kept.status === "ignored" ? ("ignored" as const) : ("unrouted" as const) };
  return receiveTransfer(await enterCompany(ctx, holder), t);
}

/**
 * The platform admin assigns a transfer of the unrouted queue to a company, which receives it like any
 * transfer: matched to a notice by the code in its memo, or left for its accountant.
 */
export async function assignUnrouted(
  ctx: Ctx,
  id: string,
  companyId: string,
): Promise<z.infer<typeof AssignedTransfer>> {
  const transfer = await takeUnrouted(ctx, id, companyId);
  const received = await receiveTransfer(await enterCompany(ctx, companyId), transfer);
  return {
    id,
    status: "assigned",
    companyId,
    transfer:
      received.status === "matched" || received.status === "duplicate" ? received.status : "unmatched",
  };
}

/** An accountant matches a waiting transfer to the notice it pays. */
export async function matchTransfer(ctx: Ctx, transferId: string, invoiceId: string) {
  const transfer = await lockTransfer(ctx.tx, { companyId: ctx.companyId, id: transferId });
  if (!transfer) throw errors.notFound("bank_transfer");
  const invoice = await findInvoiceById(ctx.tx, { companyId: ctx.companyId, id: invoiceId });
  if (!invoice) throw errors.notFound("invoice");
  authorizeVisible(ctx.actor, "take_payment", subject(billingPolicy, { buildingId: invoice.buildingId }));
  if (transfer.status !== "unmatched") throw errors.rule("TRANSFER_ALREADY_MATCHED");
  if (invoice.status === "draft" || invoice.status === "void") throw errors.rule("INVOICE_NOT_ISSUED");
  await settleTransfer(ctx, transfer, invoice);
  await updateTransfer(
    ctx.tx,
    { companyId: ctx.companyId, id: transferId },
    { resolvedBy: ctx.actor.accountId },
  );
  return { id: transferId, status: "matched" as const, invoiceId };
}
