import { and, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Ctx, DataOwner, ErasureHold, ErasureSubject } from "../../platform/context.js";
import { message } from "../../platform/i18n/messages.js";
import { definePersonalData, fieldLabel, personalFields } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { invoices } from "./invoices/invoices.table.js";
import { autopayMandates } from "./payments/online.table.js";
import { payments } from "./payments/payments.table.js";

/** Years issued invoices and payments are kept (Law on Accounting 88/2015/QH13, art. 41: 10 years). */
const ACCOUNTING_YEARS = 10;

/** A stay in a unit: the billing history a person is shown is their units' while they lived there. */
type Tenure = DataOwner["stays"][number];

const periodIn = (t: Tenure) =>
  and(
    eq(invoices.unitId, t.unitId),
    t.from ? gte(invoices.period, t.from.slice(0, 7)) : undefined,
    t.to ? lte(invoices.period, t.to.slice(0, 7)) : undefined,
  );

/** Fee notices (issued, not drafts) and payments of the person's units during their stays. */
async function billingHistory(ctx: Ctx, tenures: readonly Tenure[]) {
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
type UnpaidHold = { notice: string; unitId: string; basis: "billed" | "owner" };

/**
 * Notices still owed that concern this person: those billed to them (their name on the notice), and those of
 * units they own (the owner answers for the unit's fees). A notice billed to someone else in a unit the person
 * does not own does not concern them: it holds nothing of theirs.
 */
async function unpaidNoticesOf(
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
async function accountingRecords(ctx: Ctx, unitIds: readonly string[], name: string, years: number) {
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
async function forgetPayer(
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

/** What a notice still owed keeps of its payer: what it takes to collect it. */
const COLLECTION_FIELDS = [
  "resident.fullName",
  "resident.phone",
  "resident.email",
  "resident.contactAddress",
  "household.membership",
];

/**
 * What keeps billing's part from erasure, one entry per reason: notices still owed billed to the person, and
 * those of a unit they own (the owner answers for its fees), each naming its notices; then the issued notices
 * the accounting law keeps with the person's name.
 */
async function billingHolds(ctx: Ctx, person: ErasureSubject): Promise<ErasureHold[]> {
  const { lang } = person;
  const unpaid = await unpaidNoticesOf(ctx, {
    unitIds: person.unitIds,
    ownedUnitIds: person.owned.map((o) => o.unitId),
    name: person.fullName,
  });
  const fields = personalFields(ctx.platform);
  const what = COLLECTION_FIELDS.map((f) => fieldLabel(fields, f, lang)).join(", ");
  const billed = unpaid.filter((u) => u.basis === "billed");
  const owned = unpaid.filter((u) => u.basis === "owner");
  const holds: ErasureHold[] = [];
  if (billed.length > 0) {
    holds.push({
      what,
      reason: message(lang, "ERASURE_REASON_UNPAID_BILLED", {
        count: billed.length,
        notices: billed.map((u) => u.notice).join(", "),
      }),
      until: null,
      keeps: COLLECTION_FIELDS,
    });
  }
  if (owned.length > 0) {
    const codes = person.owned.filter((o) => owned.some((u) => u.unitId === o.unitId)).map((o) => o.code);
    holds.push({
      what,
      reason: message(lang, "ERASURE_REASON_UNPAID_OWNER", {
        count: owned.length,
        notices: owned.map((u) => u.notice).join(", "),
        units: codes.join(", "),
      }),
      until: null,
      keeps: COLLECTION_FIELDS,
    });
  }
  const accounting = await accountingRecords(ctx, person.unitIds, person.fullName, ACCOUNTING_YEARS);
  if (accounting.notices > 0) {
    // Billing keeps its issued notices whatever the erasure: the hold tells the person, it keeps no field.
    holds.push({
      what: message(lang, "ERASURE_KEPT_ACCOUNTING", { count: accounting.notices }),
      reason: message(lang, "ERASURE_REASON_ACCOUNTING", { years: ACCOUNTING_YEARS }),
      until: accounting.keepUntil,
      keeps: [],
    });
  }
  return holds;
}

export const billingPersonalData = definePersonalData({
  fields: [
    {
      key: "billing.invoices",
      label: { vi: "Thông báo phí", en: "Fee notices" },
      purposes: ["billing"],
      retention: RETENTION.accounting,
      sensitive: true,
      records: ["payment", "autopay_mandate", "invoice"],
      columns: ["invoices.bill_to", "invoices.unit_id", "invoices.total", "invoices.paid"],
    },
    {
      key: "billing.payments",
      label: { vi: "Lịch sử thanh toán", en: "Payment history" },
      purposes: ["billing"],
      retention: RETENTION.accounting,
      sensitive: true,
      records: ["payment", "autopay_mandate", "invoice"],
      columns: ["payments.amount", "payments.reference", "payments.note", "payments.received_at"],
    },
    {
      key: "billing.cardToken",
      label: { vi: "Thẻ lưu để tự động thanh toán (mã thay thế)", en: "Saved card for auto-debit (token)" },
      alsoCalled: ["card"],
      purposes: ["billing"],
      retention: RETENTION.whileAccount,
      sensitive: true,
      records: ["payment", "autopay_mandate", "invoice"],
      columns: ["autopay_mandates.token_enc", "autopay_mandates.card_masked"],
    },
  ],
  collect: async (ctx, owner) => ({
    records: await Promise.all(
      owner.residentIds.map(async (residentId) => ({
        residentId,
        ...(await billingHistory(
          ctx,
          owner.stays.filter((s) => s.residentId === residentId),
        )),
      })),
    ),
  }),
  holds: billingHolds,
  erase: async (ctx, person, keep) => {
    const { drafts, cards } = await forgetPayer(ctx, {
      unitIds: COLLECTION_FIELDS.some((f) => keep.has(f)) ? [] : person.unitIds,
      name: person.fullName,
      accountId: person.accountId,
    });
    return {
      erased: cards > 0 ? ["billing.cardToken"] : [],
      tables: ["autopay_mandates"],
      counts: { drafts, cards },
    };
  },
});
