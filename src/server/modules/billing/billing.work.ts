import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/authz/actor.js";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx, WorkCount } from "../../platform/context.js";
import { queryRows } from "../../platform/db/client.js";
import { defineWorkQueue } from "../../platform/module.js";
import { periodFrom, todayInVietnam } from "../../platform/time.js";
import { billableUnits } from "../registry/index.js";
import { billingPolicy } from "./billing.policy.js";
import { invoices } from "./invoices/invoices.table.js";
import { bankTransfers } from "./payments/payments.table.js";
import { periodBounds } from "./runs/charges.sql.js";

/** The actor's buildings as a filter on `column` (true for company-wide roles). */
const within = (actor: Actor, column: Parameters<typeof buildingScope>[0]) =>
  buildingScope(column)(actor) ?? sql`true`;

const billingPage = (page: string, part: WorkCount, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams({ building: part.buildingId ?? "", ...extra });
  if (part.period) params.set("period", part.period);
  return `/console/billing/${page}?${params}`;
};

/** Meters billed this month (a metered fee in force) with no reading yet, by building. */
const missingReadings = defineWorkQueue({
  key: "billing.readings",
  label: { vi: "Chỉ số công tơ còn thiếu", en: "Meter readings missing" },
  sees: (actor) => can(actor, "record_reading", billingPolicy),
  count: async (ctx: Ctx) => {
    const period = periodFrom(0);
    const bounds = periodBounds(period);
    // Named by the view's own columns (no alias): the actor's building filter names them so too.
    const u = billableUnits;
    return queryRows<WorkCount>(
      ctx.tx,
      sql`select ${u.buildingId} as "buildingId", ${period}::text as period, count(*)::int as count
            from ${billableUnits}
            join (select distinct f.building_id, f.kind from fee_rules f
                   where f.company_id = ${ctx.companyId} and f.kind in ('electricity', 'water')
                     and f.valid_from < ${bounds.end}::date
                     and (f.valid_to is null or f.valid_to >= ${bounds.start}::date)) k
              on k.building_id = ${u.buildingId}
           where ${u.companyId} = ${ctx.companyId} and ${within(ctx.actor, u.buildingId)}
             and (${u.handoverDate} is null or ${u.handoverDate} < ${bounds.end}::date)
             and not exists (select 1 from meter_readings m
                              where m.company_id = ${u.companyId} and m.unit_id = ${u.id} and m.kind = k.kind
                                and m.period = ${period})
           group by ${u.buildingId}`,
    );
  },
  link: (part) => billingPage("readings", part),
});

/** Drafted notices not issued yet, by building and month. */
const drafts = defineWorkQueue({
  key: "billing.drafts",
  label: { vi: "Thông báo phí chờ phát hành", en: "Fee notices to issue" },
  sees: (actor) => can(actor, "issue", billingPolicy),
  count: async (ctx: Ctx) =>
    queryRows<WorkCount>(
      ctx.tx,
      sql`select ${invoices.buildingId} as "buildingId", ${invoices.period} as period, count(*)::int as count,
                 min(${invoices.createdAt}) as due
            from ${invoices}
           where ${invoices.companyId} = ${ctx.companyId} and ${invoices.status} = 'draft'
             and ${within(ctx.actor, invoices.buildingId)}
           group by ${invoices.buildingId}, ${invoices.period}`,
    ),
  due: "age",
  link: (part) => billingPage("notices", part, { status: "draft" }),
});

/** Bank transfers the feed could not match to a notice: the company's, like the page that matches them. */
const unmatched = defineWorkQueue({
  key: "billing.transfers",
  label: { vi: "Chuyển khoản chưa khớp", en: "Unmatched transfers" },
  sees: (actor) => can(actor, "take_payment", billingPolicy),
  count: async (ctx: Ctx) =>
    queryRows<WorkCount>(
      ctx.tx,
      sql`select null as "buildingId", count(*)::int as count, min(${bankTransfers.occurredAt}) as due
            from ${bankTransfers}
           where ${bankTransfers.companyId} = ${ctx.companyId} and ${bankTransfers.status} = 'unmatched'`,
    ),
  due: "age",
  link: () => "/console/billing/transfers",
});

/** Units owing a notice past its due date, by building, with the oldest due date. */
const overdueDebts = defineWorkQueue({
  key: "billing.debts",
  label: { vi: "Căn hộ nợ quá hạn", en: "Units with overdue debts" },
  sees: (actor) => can(actor, "read", billingPolicy),
  count: async (ctx: Ctx) =>
    queryRows<WorkCount>(
      ctx.tx,
      sql`select ${invoices.buildingId} as "buildingId", count(distinct ${invoices.unitId})::int as count,
                 min(${invoices.dueOn})::text as due
            from ${invoices}
           where ${invoices.companyId} = ${ctx.companyId} and ${invoices.status} in ('issued', 'partially_paid')
             and ${invoices.total} > ${invoices.paid} and ${invoices.dueOn} < ${todayInVietnam()}::date
             and ${within(ctx.actor, invoices.buildingId)}
           group by ${invoices.buildingId}`,
    ),
  due: "age",
  link: (part) => billingPage("debts", part),
});

/** Billing's queues on the console's inbox. */
export const billingWorkQueues = [missingReadings, drafts, unmatched, overdueDebts];
