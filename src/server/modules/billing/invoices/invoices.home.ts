import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { AmountDueCard } from "../../../../contracts/home.js";
import { defineHomeCard } from "../../../platform/module.js";
import { todayInVietnam } from "../../../platform/time.js";
import { invoices } from "./invoices.table.js";

const OPEN = ["issued", "partially_paid"];

/**
 * The home's first card: what the unit owes on its issued notices, with the oldest open one (Pay opens it).
 * One query: the open notices' sum and count ride along with the oldest row.
 */
export const amountDueCard = defineHomeCard({
  key: "billing.amountDue",
  order: 10,
  data: AmountDueCard,
  summary: async (ctx, unit) => {
    const [row] = await ctx.tx
      .select({
        id: invoices.id,
        dueOn: invoices.dueOn,
        due: sql<string>`sum(${invoices.total} - ${invoices.paid}) over ()`,
        openCount: sql<number>`(count(*) over ())::int`,
      })
      .from(invoices)
      .where(
        and(
          eq(invoices.companyId, ctx.companyId),
          eq(invoices.unitId, unit.id),
          inArray(invoices.status, OPEN),
          gt(sql`${invoices.total} - ${invoices.paid}`, 0),
        ),
      )
      .orderBy(asc(invoices.period), asc(invoices.issuedAt))
      .limit(1);
    if (!row) return null;
    return {
      due: Number(row.due),
      openCount: Number(row.openCount),
      oldestInvoiceId: row.id,
      oldestDueOn: row.dueOn,
      overdue: row.dueOn !== null && row.dueOn < todayInVietnam(),
    };
  },
});
