import { and, asc, count, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/client.js";
import { billableUnits } from "../../registry/index.js";
import { paymentAllocations, payments } from "../payments/payments.table.js";
import { meterReadings } from "../readings/readings.table.js";
import { bankAccounts, buildingBilling } from "../rules/rules.table.js";
import { invoiceLines, invoices } from "./invoices.table.js";

export type InvoiceRow = typeof invoices.$inferSelect;

const unitJoin = and(eq(billableUnits.companyId, invoices.companyId), eq(billableUnits.id, invoices.unitId));

/** Which notices a list shows; the service decides them from who asks. */
export type InvoiceFilter = {
  companyId: string;
  /** A staff member's building. */
  buildingId?: string;
  /** The units whose notices are listed (a resident's own, or the one a staff member picked). */
  unitIds?: readonly string[];
  /** Drafts are left out (what residents see). */
  issuedOnly?: boolean;
  period?: string;
  status?: string;
  /** Part of the notice's code, its number or its unit's code. */
  search?: string;
};

function whereOf(f: InvoiceFilter) {
  const filters: (SQL | undefined)[] = [eq(invoices.companyId, f.companyId)];
  if (f.buildingId) filters.push(eq(invoices.buildingId, f.buildingId));
  if (f.unitIds) filters.push(inArray(invoices.unitId, [...f.unitIds]));
  if (f.issuedOnly) filters.push(sql`${invoices.status} <> 'draft'`);
  if (f.period) filters.push(eq(invoices.period, f.period));
  if (f.status) filters.push(eq(invoices.status, f.status));
  if (f.search) {
    const term = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(
      sql`(${ilike(invoices.code, term)} or ${ilike(billableUnits.code, term)} or ${ilike(invoices.number, term)})`,
    );
  }
  return and(...filters);
}

/** A page of notices with their unit's code, newest period first, then by unit; and how many match. */
export function invoicePage(tx: Tx, filter: InvoiceFilter) {
  const where = whereOf(filter);
  return {
    rows: (limit: number, offset: number) =>
      tx
        .select({ i: invoices, code: billableUnits.code })
        .from(invoices)
        .innerJoin(billableUnits, unitJoin)
        .where(where)
        .orderBy(desc(invoices.period), asc(billableUnits.code))
        .limit(limit)
        .offset(offset),
    total: tx.select({ n: count() }).from(invoices).innerJoin(billableUnits, unitJoin).where(where),
  };
}

/** The notice with its unit's code. */
export async function findInvoice(tx: Tx, { companyId, id }: { companyId: string; id: string }) {
  const [row] = await tx
    .select({ i: invoices, code: billableUnits.code })
    .from(invoices)
    .innerJoin(billableUnits, unitJoin)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.id, id)));
  return row ?? null;
}

/** The building's default account residents pay into. */
export async function defaultBankAccount(
  tx: Tx,
  { companyId, buildingId }: { companyId: string; buildingId: string },
) {
  const [account] = await tx
    .select()
    .from(bankAccounts)
    .where(
      and(
        eq(bankAccounts.companyId, companyId),
        eq(bankAccounts.buildingId, buildingId),
        eq(bankAccounts.isDefault, true),
      ),
    )
    .limit(1);
  return account ?? null;
}

/** The notice's lines, in order. */
export function linesOf(tx: Tx, { companyId, invoiceId }: { companyId: string; invoiceId: string }) {
  return tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.companyId, companyId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.lineNo));
}

/** The payments that settled part of the notice: each with the part allocated to it, oldest first. */
export function allocationsTo(tx: Tx, { companyId, invoiceId }: { companyId: string; invoiceId: string }) {
  return tx
    .select({
      id: payments.id,
      method: payments.method,
      amount: paymentAllocations.amount,
      at: payments.receivedAt,
    })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(
        eq(payments.companyId, paymentAllocations.companyId),
        eq(payments.id, paymentAllocations.paymentId),
      ),
    )
    .where(and(eq(paymentAllocations.companyId, companyId), eq(paymentAllocations.invoiceId, invoiceId)))
    .orderBy(asc(payments.receivedAt));
}

/** Those of the notices whose total is negative (adjustments that lower what was charged). */
export function negativeAmong(tx: Tx, { companyId, ids }: { companyId: string; ids: string[] }) {
  return tx
    .select({
      id: invoices.id,
      code: invoices.code,
      unitId: invoices.unitId,
      buildingId: invoices.buildingId,
      total: invoices.total,
    })
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), inArray(invoices.id, ids), sql`${invoices.total} < 0`));
}

type Drafts = { companyId: string; buildingId: string; period: string };

/** The building's drafts of the period, locked until the transaction ends. */
export function lockDrafts(tx: Tx, { companyId, buildingId, period }: Drafts) {
  return tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, companyId),
        eq(invoices.buildingId, buildingId),
        eq(invoices.period, period),
        eq(invoices.status, "draft"),
      ),
    )
    .for("update");
}

/** Days from issue to due date the building set, if it set them. */
export async function dueDaysOf(
  tx: Tx,
  { companyId, buildingId }: { companyId: string; buildingId: string },
) {
  const [settings] = await tx
    .select({ dueDays: buildingBilling.dueDays })
    .from(buildingBilling)
    .where(and(eq(buildingBilling.companyId, companyId), eq(buildingBilling.buildingId, buildingId)));
  return settings?.dueDays ?? null;
}

/**
 * Numbers the drafts `first`, `first + 1`… in unit order (block, floor, code) as `year/000123`, issues them
 * today with the due date `dueDays` later; one that owes nothing is paid at once. Those in `exclude` stay
 * drafts. Each keeps the period's readings of the meters it charges (the printed notice shows them).
 */
export async function issueDrafts(
  tx: Tx,
  p: Drafts & { year: number; first: number; today: string; dueDays: number; exclude: string[] },
) {
  const left = p.exclude.length > 0 ? sql`and i2.id not in ${p.exclude}` : sql``;
  await tx.execute(
    sql`update invoices i
           set number = ${`${p.year}/`} || lpad((${p.first} + n.rn - 1)::text, 6, '0'),
               status = case when i.total <= 0 then 'paid' else 'issued' end,
               issued_at = now(), due_on = ${p.today}::date + ${p.dueDays}::int,
               meter_readings = (
                 select jsonb_agg(jsonb_build_object('kind', m.kind, 'previous', m.previous, 'reading', m.reading,
                                                     'readOn', m.read_on) order by m.kind)
                   from meter_readings m
                  where m.company_id = i.company_id and m.unit_id = i.unit_id and m.period = i.period
                    and exists (select 1 from invoice_lines l
                                 where l.company_id = i.company_id and l.invoice_id = i.id and l.kind = m.kind))
          from (select i2.id, row_number() over (order by u.block, u.floor, u.code) as rn
                  from invoices i2 join ${billableUnits} u on u.company_id = i2.company_id and u.id = i2.unit_id
                 where i2.company_id = ${p.companyId} and i2.building_id = ${p.buildingId}
                   and i2.period = ${p.period} and i2.status = 'draft' ${left}) n
         where i.company_id = ${p.companyId} and i.id = n.id`,
  );
}

/** The period's readings of a unit's meters (a draft shows them as they are now). */
export function readingsOf(
  tx: Tx,
  { companyId, unitId, period }: { companyId: string; unitId: string; period: string },
) {
  return tx
    .select({
      kind: meterReadings.kind,
      previous: meterReadings.previous,
      reading: meterReadings.reading,
      readOn: meterReadings.readOn,
    })
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.companyId, companyId),
        eq(meterReadings.unitId, unitId),
        eq(meterReadings.period, period),
      ),
    )
    .orderBy(asc(meterReadings.kind));
}
