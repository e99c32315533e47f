import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../../platform/db/client.js";
import { documentCounters, invoices } from "../invoices/invoices.table.js";
import { bankTransfers, paymentAllocations, payments } from "./payments.table.js";

export type PaymentRow = typeof payments.$inferSelect;
export type TransferRow = typeof bankTransfers.$inferSelect;
type Company = { companyId: string };

/** Takes `n` numbers of the series for the year; returns the last one taken. */
export async function takeNumbers(
  tx: Tx,
  { companyId, series, year, n }: Company & { series: "notice" | "receipt"; year: number; n: number },
) {
  const [row] = await tx
    .insert(documentCounters)
    .values({ companyId, series, year, last: n })
    .onConflictDoUpdate({
      target: [documentCounters.companyId, documentCounters.series, documentCounters.year],
      set: { last: sql`${documentCounters.last} + excluded.last` },
    })
    .returning({ last: documentCounters.last });
  return row?.last ?? n;
}

/** The unit's notices still owing, the one meant first then oldest first, locked until the transaction ends. */
export function lockOpenInvoices(
  tx: Tx,
  { companyId, unitId, first }: Company & { unitId: string; first?: string },
) {
  return tx
    .select({ id: invoices.id, balance: sql`${invoices.total} - ${invoices.paid}`.mapWith(Number) })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, companyId),
        eq(invoices.unitId, unitId),
        inArray(invoices.status, ["issued", "partially_paid"]),
        sql`${invoices.total} > ${invoices.paid}`,
      ),
    )
    .orderBy(
      sql`(${invoices.id} = ${first ?? null}::uuid) desc nulls last`,
      invoices.period,
      invoices.createdAt,
    )
    .for("update");
}

/** Records that `amount` of a payment settles the notice, and raises what the notice has been paid. */
export async function allocateTo(
  tx: Tx,
  {
    companyId,
    paymentId,
    invoiceId,
    amount,
  }: Company & { paymentId: string; invoiceId: string; amount: number },
) {
  await tx.insert(paymentAllocations).values({ companyId, paymentId, invoiceId, amount });
  await tx.execute(
    sql`update invoices set paid = paid + ${amount},
               status = case when paid + ${amount} >= total then 'paid' else 'partially_paid' end
         where company_id = ${companyId} and id = ${invoiceId}`,
  );
}

/** The payment, unless one with the same method and reference exists (then null). */
export async function insertPayment(tx: Tx, values: typeof payments.$inferInsert) {
  const [row] = await tx
    .insert(payments)
    .values(values)
    .onConflictDoNothing({ target: [payments.companyId, payments.method, payments.reference] })
    .returning();
  return row ?? null;
}

/** Payments of the building's units that own one of the notices, with the part not yet allocated, oldest first. */
export function unallocatedPayments(
  tx: Tx,
  { companyId, buildingId, invoiceIds }: Company & { buildingId: string; invoiceIds: string[] },
) {
  return queryRows<{ id: string; unit_id: string; remainder: string }>(
    tx,
    sql`select p.id, p.unit_id, p.amount - coalesce(sum(a.amount), 0) as remainder
          from payments p
          left join payment_allocations a on a.company_id = p.company_id and a.payment_id = p.id
         where p.company_id = ${companyId} and p.building_id = ${buildingId}
           and p.unit_id in (select unit_id from invoices where company_id = ${companyId} and id in ${invoiceIds})
         group by p.company_id, p.id
        having p.amount - coalesce(sum(a.amount), 0) > 0
         order by p.received_at`,
  );
}

export async function findInvoiceById(tx: Tx, { companyId, id }: Company & { id: string }) {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.id, id)));
  return row ?? null;
}

/** What the unit's issued notices still owe, as text (a sum of bigints), null when nothing. */
export async function owedByUnit(tx: Tx, { companyId, unitId }: Company & { unitId: string }) {
  const [row] = await tx
    .select({ owed: sql<string | null>`sum(${invoices.total} - ${invoices.paid})::text` })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, companyId),
        eq(invoices.unitId, unitId),
        inArray(invoices.status, ["issued", "partially_paid"]),
        sql`${invoices.total} > ${invoices.paid}`,
      ),
    );
  return row?.owed ?? null;
}

/** The first of the company's notices with one of these codes. */
export async function invoiceWithCode(tx: Tx, { companyId, codes }: Company & { codes: string[] }) {
  const [row] = await tx
    .select({ id: invoices.id, unitId: invoices.unitId, buildingId: invoices.buildingId })
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), inArray(invoices.code, codes)))
    .limit(1);
  return row ?? null;
}

/** The transfer, unless the feed delivered it before (then null). */
export async function insertTransfer(tx: Tx, values: typeof bankTransfers.$inferInsert) {
  const [row] = await tx
    .insert(bankTransfers)
    .values(values)
    .onConflictDoNothing({
      target: [bankTransfers.companyId, bankTransfers.provider, bankTransfers.externalId],
    })
    .returning();
  return row ?? null;
}

export async function updateTransfer(
  tx: Tx,
  { companyId, id }: Company & { id: string },
  set: Partial<Pick<TransferRow, "status" | "invoiceId" | "paymentId" | "claimedBy" | "resolvedBy">>,
) {
  await tx
    .update(bankTransfers)
    .set(set)
    .where(and(eq(bankTransfers.companyId, companyId), eq(bankTransfers.id, id)));
}

/** A page of the company's transfers, newest first; and how many match. */
export function transferPage(tx: Tx, { companyId, status }: Company & { status?: string }) {
  const where = and(
    eq(bankTransfers.companyId, companyId),
    status ? eq(bankTransfers.status, status) : undefined,
  );
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select()
        .from(bankTransfers)
        .where(where)
        .orderBy(desc(bankTransfers.occurredAt), asc(bankTransfers.id))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(bankTransfers).where(where),
  };
}

/** The transfer, locked until the transaction ends. */
export async function lockTransfer(tx: Tx, { companyId, id }: Company & { id: string }) {
  const [row] = await tx
    .select()
    .from(bankTransfers)
    .where(and(eq(bankTransfers.companyId, companyId), eq(bankTransfers.id, id)))
    .for("update");
  return row ?? null;
}
