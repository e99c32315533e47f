import { sql } from "drizzle-orm";
import { audit, bulkChanges } from "../../platform/audit/audit.service.js";
import { systemActor } from "../../platform/authz/actor.js";
import type { Ctx, DemoSeed } from "../../platform/context.js";
import { DEMO_HOME_UNIT, demoId } from "../../platform/demo.js";
import { runFor } from "../../platform/jobs/tasks.js";
import { createLogger } from "../../platform/log/logger.js";
import { periodFrom } from "../../platform/time.js";
import { issueInvoices } from "./invoices/invoices.service.js";
import { addBankAccount, createRule, saveSettings } from "./rules/rules.service.js";
import { executeRun } from "./runs/runs.service.js";

/**
 * Bank transfers paying a period's notices in full: all of them, or (for the last month) every other one and
 * never the demo resident's. Set-based, as a bank feed's backlog would be, with one audit entry.
 */
async function payInFull(ctx: Ctx, period: string, keepUnpaid: string | null) {
  const paid = await ctx.tx.execute(sql`
    with due as (
      select i.id, i.unit_id, i.building_id, i.total, i.code, row_number() over (order by i.code) as n
        from invoices i
       where i.company_id = ${ctx.companyId} and i.period = ${period} and i.total > i.paid
         and i.status in ('issued', 'partially_paid') and i.unit_id is distinct from ${keepUnpaid}::uuid
    ),
    paying as (select * from due where ${keepUnpaid}::uuid is null or n % 2 = 1),
    pay as (
      insert into payments (company_id, building_id, unit_id, method, amount, reference, received_at)
      select ${ctx.companyId}, building_id, unit_id, 'bank_transfer', total, 'demo:' || code, now() - interval '3 days'
        from paying
      returning id, reference
    ),
    alloc as (
      insert into payment_allocations (company_id, payment_id, invoice_id, amount)
      select ${ctx.companyId}, pay.id, paying.id, paying.total
        from pay join paying on pay.reference = 'demo:' || paying.code
      returning invoice_id
    )
    update invoices set paid = total, status = 'paid'
     where company_id = ${ctx.companyId} and id in (select invoice_id from alloc)
    returning id`);
  const ids = (paid as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  await audit(ctx, {
    action: "demo.seed",
    entity: "payment",
    changes: bulkChanges(ids, { paid: ids.length }),
  });
}

/**
 * The demo building's billing: the accountant's fee rules and bank account, meter readings for the last two
 * months, both months billed and issued; the older month paid by everyone, the last one by about half (the
 * demo resident's notice is still due, so the app shows its QR).
 */
export async function seedDemoBilling(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  const unpaidUnitId = demoId(seed, `unit:${DEMO_HOME_UNIT}`);
  const requester = {
    companyId,
    actor: { ...systemActor, role: "company_admin" as const },
    lang: "vi" as const,
    requestId: "seed-demo",
  };
  const run = runFor(seed.db, seed.platform, createLogger("warn"), requester);
  const [older, last] = [periodFrom(-2), periodFrom(-1)];
  await run(async (ctx: Ctx) => {
    await saveSettings(ctx, buildingId, {
      feeFrameMin: 5000,
      feeFrameMax: 16500,
      dueDays: 15,
      lateFeePercent: null,
      reminderDays: 7,
    });
    await addBankAccount(ctx, {
      buildingId,
      bankBin: "970436",
      accountNumber: "1023456789",
      accountName: "CONG TY QUAN LY DEMO",
    });
    const base = { buildingId, validFrom: "2025-01-01", onBehalf: false };
    await createRule(ctx, {
      ...base,
      kind: "area",
      name: "Phí quản lý",
      unitType: "apartment",
      price: 15000,
      vatRate: 10,
    });
    await createRule(ctx, {
      ...base,
      kind: "vehicle",
      name: "Phí gửi xe máy",
      vehicleType: "motorbike",
      price: 120000,
      priceNext: 150000,
      vatRate: 10,
    });
    await createRule(ctx, {
      ...base,
      kind: "vehicle",
      name: "Phí gửi ô tô",
      vehicleType: "car",
      price: 1200000,
      vatRate: 10,
    });
    await createRule(ctx, {
      ...base,
      kind: "electricity",
      name: "Tiền điện",
      tariffCode: "evn-household",
      vatRate: 8,
      onBehalf: true,
    });
    await createRule(ctx, {
      ...base,
      kind: "water",
      name: "Tiền nước",
      tariffCode: "hcmc-water-household",
      vatRate: 5,
      onBehalf: true,
      surchargePercent: 10,
      surchargeName: "Phí bảo vệ môi trường nước thải",
    });
    // Readings for occupied units: two months in a row, each unit's meter moving on from the last.
    for (const [i, period] of [older, last].entries()) {
      await ctx.tx.execute(sql`
        insert into meter_readings (company_id, building_id, unit_id, kind, period, previous, reading, read_on)
        select ${companyId}, ${buildingId}, u.id, k.kind, ${period},
               k.start + ${i} * k.step, k.start + (${i} + 1) * k.step + abs(hashtext(u.id::text || ${period})) % k.spread,
               (${period} || '-28')::date
          from units u cross join (values ('electricity', 12000, 180, 160), ('water', 800, 14, 10)) k(kind, start, step, spread)
         where u.company_id = ${companyId} and u.building_id = ${buildingId} and u.status = 'occupied'`);
    }
  });
  for (const period of [older, last]) {
    await executeRun(run, { buildingId, period });
    await run((ctx) => issueInvoices(ctx, { buildingId, period }, "accept-all"));
    await run((ctx) => payInFull(ctx, period, period === older ? null : unpaidUnitId));
  }
}
