import { and, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { invoices } from "./invoices/invoices.table.js";
import { autopayMandates } from "./payments/online.table.js";
import { payments } from "./payments/payments.table.js";

/** A stay in a unit: the billing history a person is shown is their units' while they lived there. */
export type Tenure = { unitId: string; unitCode: string; from: string | null; to: string | null };

const periodIn = (t: Tenure) =>
  and(
    eq(invoices.unitId, t.unitId),
    t.from ? gte(invoices.period, t.from.slice(0, 7)) : undefined,
    t.to ? lte(invoices.period, t.to.slice(0, 7)) : undefined,
  );

/** Fee notices (issued, not drafts) and payments of the person's units during their stays. */
export async function billingHistory(ctx: Ctx, tenures: readonly Tenure[]) {
  if (tenures.length === 0) return { invoices: [], payments: [] };
  const codeOf = new Map(tenures.map((t) => [t.unitId, t.unitCode]));
  const [notices, paid] = await Promise.all([
    ctx.tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.companyId, ctx.companyId),
          isNotNull(invoices.issuedAt),
          or(...tenures.map(periodIn)),
        ),
      )
      .orderBy(invoices.period),
    ctx.tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.companyId, ctx.companyId),
          or(
            ...tenures.map((t) =>
              and(
                eq(payments.unitId, t.unitId),
                t.from ? gte(payments.receivedAt, new Date(t.from)) : undefined,
                t.to ? lte(payments.receivedAt, new Date(`${t.to}T23:59:59+07:00`)) : undefined,
              ),
            ),
          ),
        ),
      )
      .orderBy(payments.receivedAt),
  ]);
  return {
    invoices: notices.map((i) => ({
      code: i.code,
      number: i.number,
      unitCode: codeOf.get(i.unitId) ?? "",
      period: i.period,
      billTo: i.billTo,
      total: i.total,
      paid: i.paid,
      status: i.status,
    })),
    payments: paid.map((p) => ({
      unitCode: codeOf.get(p.unitId) ?? "",
      method: p.method,
      amount: p.amount,
      receiptNumber: p.receiptNumber,
      receivedAt: p.receivedAt.toISOString(),
    })),
  };
}

/** A notice still owed that holds a person's data, and why it concerns them. */
export type UnpaidHold = { notice: string; unitId: string; basis: "billed" | "owner" };

/**
 * Notices still owed that concern this person: those billed to them (their name on the notice), and those of
 * units they own (the owner answers for the unit's fees). A notice billed to someone else in a unit the person
 * does not own does not concern them: it holds nothing of theirs.
 */
export async function unpaidNoticesOf(
  ctx: Ctx,
  p: { unitIds: readonly string[]; ownedUnitIds: readonly string[]; name: string },
): Promise<UnpaidHold[]> {
  if (p.unitIds.length === 0) return [];
  const owned = [...p.ownedUnitIds];
  const rows = await ctx.tx
    .select({
      notice: sql<string>`coalesce(${invoices.number}, ${invoices.code})`,
      unitId: invoices.unitId,
      billed: sql<boolean>`${invoices.billTo} is not distinct from ${p.name}`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, ctx.companyId),
        inArray(invoices.unitId, [...p.unitIds]),
        inArray(invoices.status, ["issued", "partially_paid"]),
        sql`${invoices.total} > ${invoices.paid}`,
        or(eq(invoices.billTo, p.name), owned.length > 0 ? inArray(invoices.unitId, owned) : undefined),
      ),
    )
    .orderBy(invoices.period, invoices.code);
  return rows.map((r) => ({ notice: r.notice, unitId: r.unitId, basis: r.billed ? "billed" : "owner" }));
}

/**
 * Issued notices that name the person as the one billed: the accounting law keeps them (and the payments on
 * them) for the retention period, with that name. Answers how many and when the last one may go.
 */
export async function accountingRecords(ctx: Ctx, unitIds: readonly string[], name: string, years: number) {
  if (unitIds.length === 0) return { notices: 0, keepUntil: null };
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${invoices.issuedAt})::text` })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, ctx.companyId),
        inArray(invoices.unitId, [...unitIds]),
        isNotNull(invoices.issuedAt),
        eq(invoices.billTo, name),
      ),
    );
  if (!row?.n || !row.last) return { notices: 0, keepUntil: null };
  const until = new Date(row.last);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return { notices: row.n, keepUntil: until.toISOString().slice(0, 10) };
}

/**
 * What billing forgets of an erased person: their name on notices not yet issued (re-drafted without it) and
 * their saved cards (auto-debit mandates). Issued notices and payments stay, for the accounting hold.
 */
export async function forgetPayer(
  ctx: Ctx,
  p: { unitIds: readonly string[]; name: string; accountId: string | null },
) {
  let drafts = 0;
  if (p.unitIds.length > 0) {
    const rows = await ctx.tx
      .update(invoices)
      .set({ billTo: null })
      .where(
        and(
          eq(invoices.companyId, ctx.companyId),
          inArray(invoices.unitId, [...p.unitIds]),
          eq(invoices.status, "draft"),
          eq(invoices.billTo, p.name),
        ),
      )
      .returning({ id: invoices.id });
    drafts = rows.length;
  }
  let cards = 0;
  if (p.accountId) {
    const rows = await ctx.tx
      .delete(autopayMandates)
      .where(and(eq(autopayMandates.companyId, ctx.companyId), eq(autopayMandates.accountId, p.accountId)))
      .returning({ id: autopayMandates.id });
    cards = rows.length;
  }
  return { drafts, cards };
}
