import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { z } from "zod";
import { bankByBin } from "../../../contracts/banks.js";
import type { PayoutBody, Statement, StatementDetail } from "../../../contracts/marketplace.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { errors, pgCause } from "../../platform/errors.js";
import { csvFile } from "../../platform/spreadsheet/csv.js";
import { periodFrom } from "../../platform/time.js";
import { normaliseMemo } from "../billing/index.js";
import { partnerOfActor, partnersById } from "../partners/index.js";
import type { Partner } from "./acting-partner.js";
import { commissionOf } from "./amounts.js";
import { settlementPolicy } from "./marketplace.policy.js";
import { orders, partnerPayouts } from "./marketplace.table.js";

/** The instants a month of Vietnam's calendar starts and ends (UTC+7, no daylight saving). */
function monthBounds(period: string): [Date, Date] {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1, 1) - 7 * 3600_000);
  const end = new Date(Date.UTC(year, month, 1) - 7 * 3600_000);
  return [start, end];
}

/**
 * A partner's month: orders delivered in it, each with the commission it bears (none once refunded); the net the
 * company owes is what it collected by transfer and kept, less the commission and the cash refunded for the
 * partner: gross − refunds − cash collected − commission.
 */
async function statementOf(
  ctx: Ctx,
  partner: Partner,
  period: string,
): Promise<z.infer<typeof StatementDetail>> {
  const [start, end] = monthBounds(period);
  const rows = await ctx.tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.companyId, ctx.companyId),
        eq(orders.partnerId, partner.id),
        inArray(orders.status, ["delivered", "refunded"]),
        gte(orders.deliveredAt, start),
        lt(orders.deliveredAt, end),
      ),
    )
    .orderBy(orders.deliveredAt);
  const lines = rows.map((o) => {
    const refunded = o.status === "refunded";
    return {
      code: o.code,
      deliveredAt: o.deliveredAt?.toISOString() ?? "",
      payment: o.payment as "transfer" | "cash",
      total: o.total,
      refunded,
      commission: refunded ? 0 : commissionOf(partner, o.total),
    };
  });
  const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0);
  const gross = sum((l) => l.total);
  const refunds = sum((l) => (l.refunded ? l.total : 0));
  const cashCollected = sum((l) => (l.payment === "cash" ? l.total : 0));
  const commission = sum((l) => l.commission);
  const [paid] = await ctx.tx
    .select()
    .from(partnerPayouts)
    .where(
      and(
        eq(partnerPayouts.companyId, ctx.companyId),
        eq(partnerPayouts.partnerId, partner.id),
        eq(partnerPayouts.period, period),
      ),
    );
  const figures = paid
    ? {
        orders: paid.orders,
        gross: paid.gross,
        refunds: paid.refunds,
        cashCollected: paid.cashCollected,
        commission: paid.commission,
        net: paid.net,
      }
    : {
        orders: lines.length,
        gross,
        refunds,
        cashCollected,
        commission,
        net: gross - refunds - cashCollected - commission,
      };
  return {
    partnerId: partner.id,
    partnerName: partner.displayName,
    period,
    ...figures,
    bankName: bankByBin(partner.bankBin)?.shortName ?? null,
    accountNumber: partner.accountNumber,
    accountName: partner.accountName,
    status: paid ? "paid" : "open",
    paidAt: paid?.paidAt.toISOString() ?? null,
    reference: paid?.reference ?? null,
    lines,
  };
}

async function loadPartner(ctx: Ctx, partnerId: string): Promise<Partner> {
  const partner = (await partnersById(ctx, [partnerId])).get(partnerId);
  if (!partner) throw errors.notFound("resource");
  return partner;
}

/** Every partner's statement of a month (those with orders or a payout), for the accountant. */
export async function statements(ctx: Ctx, period: string) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", settlementPolicy);
  const [start, end] = monthBounds(period);
  const active = await ctx.tx
    .selectDistinct({ partnerId: orders.partnerId })
    .from(orders)
    .where(
      and(eq(orders.companyId, ctx.companyId), gte(orders.deliveredAt, start), lt(orders.deliveredAt, end)),
    );
  const paid = await ctx.tx
    .select({ partnerId: partnerPayouts.partnerId })
    .from(partnerPayouts)
    .where(and(eq(partnerPayouts.companyId, ctx.companyId), eq(partnerPayouts.period, period)));
  const partners = await partnersById(
    ctx,
    [...active, ...paid].map((r) => r.partnerId),
  );
  const items: z.infer<typeof Statement>[] = [];
  for (const partner of [...partners.values()].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, "vi"),
  )) {
    const { lines: _lines, ...statement } = await statementOf(ctx, partner, period);
    items.push(statement);
  }
  return { period, items };
}

/** One partner's statement with its orders: the accountant's, or the partner's own in the partner portal. */
export async function statement(ctx: Ctx, partnerId: string | null, period: string) {
  nothingToAudit(ctx);
  if (partnerId === null) {
    const own = await partnerOfActor(ctx);
    if (!own) throw errors.notFound("resource");
    return statementOf(ctx, own, period);
  }
  authorize(ctx.actor, "read", settlementPolicy);
  return statementOf(ctx, await loadPartner(ctx, partnerId), period);
}

/** Records that a month was paid out to the partner, with the bank's reference: its figures are kept as paid. */
export async function recordPayout(ctx: Ctx, partnerId: string, body: z.infer<typeof PayoutBody>) {
  authorize(ctx.actor, "pay", settlementPolicy);
  const partner = await loadPartner(ctx, partnerId);
  if (body.period >= periodFrom(0)) throw errors.rule("PERIOD_NOT_ENDED");
  const { lines: _lines, ...figures } = await statementOf(ctx, partner, body.period);
  if (figures.status === "paid") throw errors.rule("PAYOUT_ALREADY_RECORDED");
  try {
    await ctx.tx.insert(partnerPayouts).values({
      companyId: ctx.companyId,
      partnerId,
      period: body.period,
      orders: figures.orders,
      gross: figures.gross,
      refunds: figures.refunds,
      cashCollected: figures.cashCollected,
      commission: figures.commission,
      net: figures.net,
      reference: body.reference,
      paidBy: ctx.actor.accountId,
    });
  } catch (err) {
    if (pgCause(err)?.code === "23505") throw errors.rule("PAYOUT_ALREADY_RECORDED");
    throw err;
  }
  await audit(ctx, {
    action: "partner.payout",
    entity: "partner",
    entityId: partnerId,
    changes: { period: body.period, net: figures.net, reference: body.reference },
  });
  return statementOf(ctx, partner, body.period);
}

/**
 * The month's payouts as a batch-transfer file (CSV, UTF-8): one row per partner still to be paid a positive
 * net, in the columns Vietnamese banks' batch templates ask for — sequence, beneficiary account, beneficiary
 * name, the bank's NAPAS BIN and name, amount, memo (without diacritics, which banks strip).
 */
export async function payoutFile(ctx: Ctx, period: string) {
  authorize(ctx.actor, "pay", settlementPolicy);
  const { items } = await statements(ctx, period);
  const due = items.filter((s) => s.status === "open" && s.net > 0);
  await audit(ctx, {
    action: "partner.payout_export",
    entity: "partner",
    entityId: null,
    changes: { period, partners: due.length, total: due.reduce((s, p) => s + p.net, 0) },
  });
  const partners = await partnersById(
    ctx,
    due.map((s) => s.partnerId),
  );
  return {
    filename: `chi-tra-doi-tac-${period}.csv`,
    csv: csvFile([
      [
        "STT",
        "So tai khoan",
        "Ten nguoi thu huong",
        "Ma ngan hang (BIN)",
        "Ngan hang",
        "So tien",
        "Noi dung",
      ],
      ...due.map((s, i) => [
        i + 1,
        s.accountNumber,
        normaliseMemo(s.accountName),
        partners.get(s.partnerId)?.bankBin ?? "",
        s.bankName ?? "",
        s.net,
        normaliseMemo(`Thanh toan doi tac ${s.partnerName} thang ${period.slice(5)}/${period.slice(0, 4)}`),
      ]),
    ]),
  };
}
