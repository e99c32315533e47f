import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { PageQuery } from "../../../../contracts/common.js";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx, Platform } from "../../../platform/context.js";
import { type Database, queryRows } from "../../../platform/db/client.js";
import { asSystem } from "../../../platform/jobs/system.js";
import { todayInVietnam } from "../../../platform/time.js";
import { notifyEach } from "../../notifications/index.js";
import { billableUnits, unitOwners, unitRef } from "../../registry/index.js";
import { reminderTemplate } from "../billing.templates.js";
import { addVnd, exactVnd } from "../core/sums.js";
import { invoicePolicy } from "../invoices/invoices.policy.js";
import { billingBuilding } from "../rules/rules.service.js";

const OPEN = sql.raw(`i.status in ('issued', 'partially_paid') and i.total > i.paid`);

type Buckets = { notDue: number; d0to30: number; d31to60: number; d61to90: number; over90: number };
const bucketSql = sql.raw(`
  coalesce(sum(i.total - i.paid) filter (where d.days <= 0), 0)::text as "notDue",
  coalesce(sum(i.total - i.paid) filter (where d.days between 1 and 30), 0)::text as "d0to30",
  coalesce(sum(i.total - i.paid) filter (where d.days between 31 and 60), 0)::text as "d31to60",
  coalesce(sum(i.total - i.paid) filter (where d.days between 61 and 90), 0)::text as "d61to90",
  coalesce(sum(i.total - i.paid) filter (where d.days > 90), 0)::text as "over90",
  coalesce(sum(i.total - i.paid), 0)::text as balance`);
const BUCKETS = ["notDue", "d0to30", "d31to60", "d61to90", "over90", "balance"] as const;

/** The buckets' sums (numeric in SQL, sent as text) as exact numbers, checked. */
const numbers = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      (BUCKETS as readonly string[]).includes(k) ? exactVnd(v as string | number, k) : v,
    ]),
  ) as T;

/**
 * Debt ageing of a building: what is owed by how long it is overdue (not yet due, 0–30, 31–60, 61–90 and
 * more than 90 days), in total and per unit, the largest debts first.
 */
export async function ageing(ctx: Ctx, buildingId: string, q: PageQuery) {
  await billingBuilding(ctx, buildingId, "read");
  const today = todayInVietnam();
  const from = sql`from invoices i cross join lateral (select (${today}::date - i.due_on) as days) d
                   where i.company_id = ${ctx.companyId} and i.building_id = ${buildingId} and ${OPEN}`;
  const [totals] = await queryRows<Buckets & { balance: number }>(ctx.tx, sql`select ${bucketSql} ${from}`);
  const units = await queryRows<
    Buckets & {
      unitId: string;
      unitCode: string;
      billTo: string | null;
      balance: number;
      oldestDueOn: string;
      notices: number;
    }
  >(
    ctx.tx,
    sql`select i.unit_id as "unitId", u.code as "unitCode", max(i.bill_to) as "billTo", ${bucketSql},
               min(i.due_on)::text as "oldestDueOn", count(*)::int as notices
          from invoices i join ${billableUnits} u on u.company_id = i.company_id and u.id = i.unit_id
          cross join lateral (select (${today}::date - i.due_on) as days) d
         where i.company_id = ${ctx.companyId} and i.building_id = ${buildingId} and ${OPEN}
         group by i.unit_id, u.code
         order by sum(i.total - i.paid) desc, u.code
         limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`select count(distinct i.unit_id)::int as n ${from}`,
  );
  return {
    asOf: today,
    totals: numbers(totals ?? { notDue: 0, d0to30: 0, d31to60: 0, d61to90: 0, over90: 0, balance: 0 }),
    units: { items: units.map(numbers), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize },
  };
}

/** What each of the building's given units owes on its open notices, and the part past due: one query. */
export async function unitBalances(ctx: Ctx, buildingId: string, unitIds: string[]) {
  await billingBuilding(ctx, buildingId, "read");
  if (unitIds.length === 0) return { items: [] };
  const owed = await queryRows<{ unitId: string; balance: string; overdue: string }>(
    ctx.tx,
    sql`select i.unit_id as "unitId", sum(i.total - i.paid)::text as balance,
               coalesce(sum(i.total - i.paid) filter (where i.due_on < ${todayInVietnam()}::date), 0)::text as overdue
          from invoices i
         where i.company_id = ${ctx.companyId} and i.building_id = ${buildingId} and ${OPEN}
           and i.unit_id in (${sql.join(
             unitIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
         group by i.unit_id`,
  );
  const byUnit = new Map(owed.map((r) => [r.unitId, r]));
  return {
    items: [...new Set(unitIds)].map((unitId) => {
      const row = byUnit.get(unitId);
      return {
        unitId,
        balance: row ? exactVnd(row.balance, "balance") : 0,
        overdue: row ? exactVnd(row.overdue, "overdue") : 0,
      };
    }),
  };
}

/**
 * A unit's statement of account: its notices (debit) and payments (credit) in date order with the running
 * balance; a negative balance is the unit's credit.
 */
export async function statement(ctx: Ctx, unitId: string) {
  const unit = await unitRef(ctx, unitId);
  authorizeVisible(ctx.actor, "read", subject(invoicePolicy, { buildingId: unit.buildingId, unitId }));
  const entries = await queryRows<{
    at: string;
    kind: "notice" | "payment";
    reference: string;
    debit: string;
    credit: string;
  }>(
    ctx.tx,
    sql`select * from (
          select i.issued_at as at, 'notice' as kind, coalesce(i.number, i.code) || ' (' || i.period || ')' as reference,
                 i.total as debit, 0::bigint as credit
            from invoices i
           where i.company_id = ${ctx.companyId} and i.unit_id = ${unitId} and i.status not in ('draft', 'void')
          union all
          select p.received_at, 'payment', coalesce(p.receipt_number, p.method), 0::bigint, p.amount
            from payments p where p.company_id = ${ctx.companyId} and p.unit_id = ${unitId}
             and p.method <> 'credit_note' -- already on the statement as the adjustment notice itself
        ) e order by at, kind desc`,
  );
  // The running balance is added exactly (bigint) and checked, however many notices and payments there are.
  let balance = 0n;
  const lines = entries.map((e) => {
    balance += BigInt(e.debit) - BigInt(e.credit);
    return {
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      reference: e.reference,
      debit: exactVnd(e.debit, "debit"),
      credit: exactVnd(e.credit, "credit"),
      balance: exactVnd(balance, "balance"),
    };
  });
  return { unitId, unitCode: unit.code, lines, balance: exactVnd(balance, "balance") };
}

/**
 * The building's collection over the last months: billed and collected per period (collected = what the
 * period's notices have been paid so far), the collection rate, what is outstanding, and the top debtors.
 */
export async function dashboard(ctx: Ctx, buildingId: string, months = 12) {
  await billingBuilding(ctx, buildingId, "read");
  const periods = await queryRows<{ period: string; billed: string; collected: string; notices: number }>(
    ctx.tx,
    sql`select i.period, sum(i.total)::text as billed, sum(i.paid)::text as collected, count(*)::int as notices
          from invoices i
         where i.company_id = ${ctx.companyId} and i.building_id = ${buildingId} and i.status not in ('draft', 'void')
         group by i.period order by i.period desc limit ${months}`,
  );
  const byPeriod = periods.reverse().map((p) => ({
    period: p.period,
    billed: exactVnd(p.billed, "billed"),
    collected: exactVnd(p.collected, "collected"),
    notices: p.notices,
  }));
  const billed = addVnd(
    byPeriod.map((p) => p.billed),
    "billed",
  );
  const collected = addVnd(
    byPeriod.map((p) => p.collected),
    "collected",
  );
  const debts = await ageing(ctx, buildingId, { page: 1, pageSize: 10 });
  return {
    months: byPeriod,
    collectionRate: billed === 0 ? null : Math.round((collected / billed) * 1000) / 1000,
    outstanding: debts.totals.balance,
    overdue: debts.totals.balance - debts.totals.notDue,
    topDebtors: debts.units.items.map((u) => ({
      unitId: u.unitId,
      unitCode: u.unitCode,
      billTo: u.billTo,
      balance: u.balance,
    })),
  };
}

type Overdue = {
  id: string;
  code: string;
  period: string;
  unit_code: string;
  balance: string;
  due_on: string;
  resident_id: string;
};

/** One company's overdue notices not reminded within the building's pace, reminded now (to the owners). */
async function remindCompany(ctx: Ctx, today: string) {
  const due = await queryRows<Overdue>(
    ctx.tx,
    sql`select i.id, i.code, i.period, u.code as unit_code, (i.total - i.paid)::text as balance,
               i.due_on::text, r.resident_id
          from invoices i
          join ${billableUnits} u on u.company_id = i.company_id and u.id = i.unit_id
          join building_billing bb on bb.company_id = i.company_id and bb.building_id = i.building_id
          join ${unitOwners} r on r.company_id = i.company_id and r.unit_id = i.unit_id
         where i.company_id = ${ctx.companyId} and ${OPEN} and i.due_on < ${today}::date
           and bb.reminder_days is not null
           and not exists (select 1 from debt_reminders d where d.company_id = i.company_id and d.invoice_id = i.id
                             and d.sent_at > now() - make_interval(days => bb.reminder_days))
         order by i.id, r.resident_id`,
  );
  const byInvoice = new Map<string, Overdue[]>();
  for (const row of due) byInvoice.set(row.id, [...(byInvoice.get(row.id) ?? []), row]);
  if (byInvoice.size === 0) return 0;
  const sent = await notifyEach(
    ctx,
    reminderTemplate,
    [...byInvoice.values()].map((owners) => {
      const row = owners[0] as Overdue;
      return {
        recipients: owners.map((o) => ({ residentId: o.resident_id, unitCode: o.unit_code })),
        data: {
          unit: row.unit_code,
          period: row.period,
          code: row.code,
          balance: exactVnd(row.balance, "balance"),
          dueOn: row.due_on,
        },
        link: `/app/invoices/${row.id}`,
        sourceId: row.id,
      };
    }),
    { inbox: "reminder" },
  );
  await ctx.tx.execute(sql`
    insert into debt_reminders (company_id, invoice_id, channel)
    select ${ctx.companyId}::uuid, id::uuid, 'notification'
      from json_array_elements_text(${JSON.stringify([...byInvoice.keys()])}::json) as id`);
  await audit(ctx, {
    action: "debt.remind",
    entity: "invoice",
    changes: bulkChanges([...byInvoice.keys()], sent),
  });
  return byInvoice.size;
}

/**
 * The daily reminder job: for each company with overdue notices, reminds the owners through the notification
 * service (in the app, and on the channels they chose or their contacts) at the pace the building sets, and
 * records each reminder.
 */
export async function sendDebtReminders(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const today = todayInVietnam(now);
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select distinct company_id from invoices where status in ('issued', 'partially_paid') and total > paid and due_on < $1::date",
    [today],
  );
  let total = 0;
  for (const { company_id: companyId } of rows)
    total += await asSystem(
      db,
      platform,
      companyId,
      "job:debt-reminders",
      (ctx) => remindCompany(ctx, today),
      log,
    );
  return { companies: rows.length, reminded: total };
}
