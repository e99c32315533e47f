import type { z } from "zod";
import { bankByBin } from "../../../../contracts/banks.js";
import type { Invoice, InvoiceLine, InvoiceQuery, InvoiceSummary } from "../../../../contracts/billing.js";
import type { Page } from "../../../../contracts/common.js";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { pageOf } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { todayInVietnam } from "../../../platform/time.js";
import { loadBuilding } from "../../buildings/index.js";
import { companyLetterhead } from "../../companies/index.js";
import { tellNoticesIssued } from "../billing.notify.js";
import { encodeVietQr } from "../core/vietqr.js";
import { vndInWords } from "../core/words.js";
import { queueAutopay } from "../payments/online.service.js";
import { applyCredit, nextNumber, recordPayment } from "../payments/payments.service.js";
import { decideIssue, type IssueDecisions } from "../review/review.service.js";
import { billingBuilding } from "../rules/rules.service.js";
import { invoicePolicy } from "./invoices.policy.js";
import {
  allocationsTo,
  defaultBankAccount,
  dueDaysOf,
  findInvoice,
  type InvoiceFilter,
  type InvoiceRow,
  invoicePage,
  issueDrafts,
  linesOf,
  lockDrafts,
  negativeAmong,
  readingsOf,
} from "./invoices.repo.js";
import type { FeeNoticeDoc } from "./notice.pdf.js";

const summary = (r: InvoiceRow, unitCode: string): z.infer<typeof InvoiceSummary> => ({
  id: r.id,
  kind: r.kind as "monthly" | "adjustment",
  code: r.code,
  number: r.number,
  buildingId: r.buildingId,
  unitId: r.unitId,
  unitCode,
  period: r.period,
  status: r.status as Invoice["status"],
  billTo: r.billTo,
  total: r.total,
  paid: r.paid,
  balance: r.total - r.paid,
  dueOn: r.dueOn,
  issuedAt: r.issuedAt?.toISOString() ?? null,
});

/**
 * Notices: staff see their buildings' (filtered by building, unit, period, status, code or unit code);
 * residents see the issued notices of their own units.
 */
export async function listInvoices(ctx: Ctx, q: z.infer<typeof InvoiceQuery>): Promise<Page<InvoiceSummary>> {
  const filter: InvoiceFilter = { companyId: ctx.companyId, period: q.period, status: q.status, search: q.q };
  if (ctx.actor.role === "resident") {
    if (q.unitId && !ctx.actor.unitIds.includes(q.unitId)) throw errors.notFound("unit");
    const own = q.unitId ? [q.unitId] : [...ctx.actor.unitIds];
    if (own.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    filter.unitIds = own;
    filter.issuedOnly = true;
  } else {
    if (!q.buildingId) throw errors.validation({ buildingId: "FIELD_REQUIRED" });
    await billingBuilding(ctx, q.buildingId, "read");
    filter.buildingId = q.buildingId;
    if (q.unitId) filter.unitIds = [q.unitId];
  }
  return pageOf(q, invoicePage(ctx.tx, filter), (row) => summary(row.i, row.code));
}

/** The notice, if the actor may see it (a resident: their unit's, once issued); 404 otherwise. */
export async function loadInvoice(ctx: Ctx, id: string, action: ActionOf<typeof invoicePolicy> = "read") {
  const row = await findInvoice(ctx.tx, { companyId: ctx.companyId, id });
  if (!row) throw errors.notFound("invoice");
  authorizeVisible(
    ctx.actor,
    action,
    subject(invoicePolicy, { buildingId: row.i.buildingId, unitId: row.i.unitId, status: row.i.status }),
  );
  return row;
}

/** The building's account residents pay into. */
const receivingAccount = (ctx: Ctx, buildingId: string) =>
  defaultBankAccount(ctx.tx, { companyId: ctx.companyId, buildingId });

type ReceivingAccount = NonNullable<Awaited<ReturnType<typeof receivingAccount>>>;

/** How to pay an amount into an account by transfer: the account, the memo and the VietQR payload. */
const transferTo = (account: ReceivingAccount, amount: number, memo: string) => ({
  bankBin: account.bankBin,
  bankName: bankByBin(account.bankBin)?.shortName ?? null,
  accountNumber: account.accountNumber,
  accountName: account.accountName,
  amount,
  memo,
  qrPayload: encodeVietQr({
    bankBin: account.bankBin,
    account: account.accountNumber,
    amount,
    purpose: memo,
  }),
});

/**
 * How residents pay something else of a building by transfer (a marketplace order): into the account residents
 * pay into, looked up once, with the amount and the memo that identifies each; null when it has no account.
 */
export async function transferInstructions(ctx: Ctx, buildingId: string) {
  const account = await receivingAccount(ctx, buildingId);
  return account ? (amount: number, memo: string) => transferTo(account, amount, memo) : null;
}

type MeterOfNotice = Invoice["meters"][number];

/**
 * The readings behind a notice's metered lines: those it was issued with, or (a draft, or a notice issued before
 * notices kept them) the period's readings now, for the meters its lines charge.
 */
async function metersOf(
  ctx: Ctx,
  i: InvoiceRow,
  lines: readonly { kind: string }[],
): Promise<MeterOfNotice[]> {
  const charged = new Set(lines.map((l) => l.kind));
  const kept =
    i.meterReadings ??
    (await readingsOf(ctx.tx, { companyId: ctx.companyId, unitId: i.unitId, period: i.period }));
  return kept
    .filter((m) => charged.has(m.kind) && (m.kind === "electricity" || m.kind === "water"))
    .map((m) => ({
      kind: m.kind as MeterOfNotice["kind"],
      previous: Number(m.previous),
      current: Number(m.reading),
      consumption: Number(m.reading) - Number(m.previous),
      unitLabel: m.kind === "electricity" ? "kWh" : "m³",
      readOn: m.readOn ?? null,
    }));
}

export async function getInvoice(ctx: Ctx, id: string): Promise<Invoice> {
  const { i, code } = await loadInvoice(ctx, id);
  const lines = await linesOf(ctx.tx, { companyId: ctx.companyId, invoiceId: id });
  const paid = await allocationsTo(ctx.tx, { companyId: ctx.companyId, invoiceId: id });
  const meters = await metersOf(ctx, i, lines);
  const balance = i.total - i.paid;
  const account = await receivingAccount(ctx, i.buildingId);
  return {
    ...summary(i, code),
    areaM2: i.areaM2,
    subtotal: i.subtotal,
    vatTotal: i.vatTotal,
    amountInWords: vndInWords(i.total),
    lines: lines.map(
      (l): z.infer<typeof InvoiceLine> => ({
        lineNo: l.lineNo,
        kind: l.kind,
        description: l.description,
        quantity: l.quantity,
        unitLabel: l.unitLabel,
        unitPrice: l.unitPrice,
        days: l.days,
        periodDays: l.periodDays,
        amount: l.amount,
        vatRate: Number(l.vatRate),
        vat: l.vat,
        onBehalf: l.onBehalf,
      }),
    ),
    meters,
    payments: paid.map((p) => ({
      id: p.id,
      method: p.method,
      amount: p.amount,
      receivedAt: p.at.toISOString(),
    })),
    transfer:
      account && balance > 0 && i.status !== "draft" && i.status !== "void"
        ? transferTo(account, balance, i.code)
        : null,
  };
}

/** What the PDF prints for a notice (the caller has loaded it with the actor's rights). */
export async function noticeDocument(ctx: Ctx, id: string): Promise<FeeNoticeDoc> {
  const invoice = await getInvoice(ctx, id);
  const building = await loadBuilding(ctx, invoice.buildingId);
  const company = await companyLetterhead(ctx, { withLogo: true });
  const account = await receivingAccount(ctx, invoice.buildingId);
  return {
    company: {
      name: company.name,
      address: company.address,
      phone: company.hotline,
      taxCode: company.taxCode,
      logo: company.logo?.data ?? null,
    },
    building: { name: building.name, address: building.address },
    unit: { code: invoice.unitCode, areaM2: invoice.areaM2 },
    billTo: invoice.billTo,
    number: invoice.number,
    code: invoice.code,
    period: invoice.period,
    issuedOn: invoice.issuedAt ? invoice.issuedAt.slice(0, 10) : null,
    dueOn: invoice.dueOn ?? invoice.period.concat("-28"),
    meters: invoice.meters.map((m) => ({
      label: m.kind === "electricity" ? "Điện" : "Nước",
      previous: m.previous,
      current: m.current,
      consumption: m.consumption,
      unit: m.unitLabel,
    })),
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unitLabel,
      unitPrice: l.unitPrice,
      amount: l.amount,
      vatRate: l.vatRate,
      vat: l.vat,
      onBehalf: l.onBehalf,
    })),
    subtotal: invoice.subtotal,
    vatTotal: invoice.vatTotal,
    total: invoice.total,
    paid: invoice.paid,
    amountDue: invoice.balance,
    amountInWords: invoice.amountInWords,
    bank: account
      ? {
          bankName: bankByBin(account.bankBin)?.name ?? account.bankBin,
          accountNumber: account.accountNumber,
          accountName: account.accountName,
        }
      : null,
    qrPayload: invoice.transfer?.qrPayload ?? null,
  };
}

/** An issued adjustment that lowers what was charged is a credit note: its amount settles open notices. */
async function creditNotes(ctx: Ctx, ids: string[]) {
  const notes = await negativeAmong(ctx.tx, { companyId: ctx.companyId, ids });
  for (const note of notes) {
    await recordPayment(ctx, {
      buildingId: note.buildingId,
      unitId: note.unitId,
      method: "credit_note",
      amount: -note.total,
      reference: note.code,
    });
  }
}

/**
 * Issues a building's drafts for a period: each gets its gap-free number (per company and year, reserved
 * at once and given in unit order), the issue date and the due date, and keeps the meter readings it was
 * computed from; a unit's credit pays what it can. Flagged drafts need a decision first (`review/`): those
 * excluded stay drafts. One audit entry for the batch, one for the decisions.
 */
export async function issueInvoices(
  ctx: Ctx,
  input: { buildingId: string; period: string },
  decide: IssueDecisions,
) {
  const { buildingId, period } = input;
  await billingBuilding(ctx, buildingId, "issue");
  const scope = { companyId: ctx.companyId, buildingId, period };
  const locked = await lockDrafts(ctx.tx, scope);
  const { exclude } = await decideIssue(ctx, input, decide);
  const left = new Set(exclude);
  const drafts = locked.filter((d) => !left.has(d.id));
  if (drafts.length === 0) return { issued: 0, firstNumber: null, excluded: exclude.length };
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const first = await nextNumber(ctx, "notice", year, drafts.length);
  const dueDays = (await dueDaysOf(ctx.tx, scope)) ?? 15;
  await issueDrafts(ctx.tx, { ...scope, year, first, today, dueDays, exclude });
  const ids = drafts.map((d) => d.id);
  await creditNotes(ctx, ids);
  const credited = await applyCredit(ctx, buildingId, ids);
  const autopay = await queueAutopay(ctx, ids);
  await tellNoticesIssued(ctx, buildingId, ids);
  await audit(ctx, {
    action: "invoice.issue",
    entity: "building",
    entityId: buildingId,
    changes: bulkChanges(ids, {
      year,
      firstNumber: first,
      lastNumber: first + ids.length - 1,
      credited,
      autopay,
      excluded: exclude.length,
    }),
  });
  return {
    issued: ids.length,
    firstNumber: `${year}/${String(first).padStart(6, "0")}`,
    excluded: exclude.length,
  };
}
