import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { householdsOf, notify, notifyEach, unitCodeOf } from "../notifications/index.js";
import { noticeIssuedTemplate, paymentReceivedTemplate } from "./billing.templates.js";
import { exactVnd } from "./core/sums.js";
import { invoices } from "./invoices/invoices.table.js";
import { owedByUnit } from "./payments/payments.repo.js";

/** Who hears of a unit's bills: its owners and tenants living there, with an account or on their contacts. */
const BILLED = ["owner", "tenant"];

/** Each newly issued notice that asks for money is told to its household: the amount, the due date, how to pay. */
export async function tellNoticesIssued(ctx: Ctx, buildingId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const owing = await ctx.tx
    .select({
      id: invoices.id,
      unitId: invoices.unitId,
      period: invoices.period,
      code: invoices.code,
      due: sql<string>`(${invoices.total} - ${invoices.paid})::text`,
      dueOn: sql<string>`${invoices.dueOn}::text`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.companyId, ctx.companyId),
        inArray(invoices.id, [...ids]),
        sql`${invoices.total} > ${invoices.paid}`,
      ),
    );
  const byUnit = await householdsOf(
    ctx,
    buildingId,
    owing.map((i) => i.unitId),
    BILLED,
  );
  await notifyEach(
    ctx,
    noticeIssuedTemplate,
    owing.map((i) => ({
      recipients: byUnit.get(i.unitId) ?? [],
      data: {
        unit: unitCodeOf(byUnit.get(i.unitId)),
        period: i.period,
        amount: exactVnd(i.due, "due"),
        dueOn: i.dueOn,
        code: i.code,
      },
      link: `/app/invoices/${i.id}`,
      sourceId: i.id,
    })),
    { inbox: "billing" },
  );
}

/** A payment recorded is acknowledged to the unit's household, with what is still owed. */
export async function tellPaymentReceived(
  ctx: Ctx,
  payment: { id: string; buildingId: string; unitId: string; amount: number; reference: string },
) {
  const byUnit = await householdsOf(ctx, payment.buildingId, [payment.unitId], BILLED);
  const owed = await owedByUnit(ctx.tx, { companyId: ctx.companyId, unitId: payment.unitId });
  await notify(
    ctx,
    byUnit.get(payment.unitId) ?? [],
    paymentReceivedTemplate,
    {
      unit: unitCodeOf(byUnit.get(payment.unitId)),
      amount: payment.amount,
      reference: payment.reference,
      balance: owed === null ? 0 : exactVnd(owed, "owed"),
    },
    { inbox: "billing", link: "/app/invoices", sourceId: payment.id },
  );
}
