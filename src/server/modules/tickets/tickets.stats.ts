import { and, eq, gte, isNotNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  OPEN_TICKET_STATUSES,
  type TicketCategory,
  type TicketStats,
  type TicketStatsQuery,
} from "../../../contracts/tickets.js";
import { nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize, buildingScope } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { accountNames } from "../accounts/index.js";
import { ticketPolicy } from "./tickets.policy.js";
import { tickets } from "./tickets.table.js";
import { overdueNow } from "./tickets.views.js";

const DAY_MS = 24 * 3600_000;
type Figures = z.infer<typeof TicketStats>["overall"];

/** The figures of a group of tickets, as SQL aggregates (one query per grouping). */
function figures(now: Date) {
  const open = sql`${tickets.status} in (${sql.join(
    OPEN_TICKET_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const resolveMinutes = sql`(extract(epoch from ${tickets.resolvedAt} - ${tickets.createdAt}) - ${tickets.waitedSeconds}) / 60`;
  return {
    total: sql<number>`count(*)::int`,
    open: sql<number>`(count(*) filter (where ${open}))::int`,
    overdue: sql<number>`(count(*) filter (where ${overdueNow(now)}))::int`,
    respondedInTime: sql<
      string | null
    >`avg(case when ${tickets.respondedAt} <= ${tickets.respondBy} then 1.0 else 0.0 end)
      filter (where ${tickets.respondedAt} is not null)`,
    resolvedInTime: sql<
      string | null
    >`avg(case when ${tickets.resolvedAt} <= ${tickets.resolveBy} then 1.0 else 0.0 end)
      filter (where ${tickets.resolvedAt} is not null)`,
    medianResolveMinutes: sql<string | null>`percentile_cont(0.5) within group (order by ${resolveMinutes})
      filter (where ${tickets.resolvedAt} is not null)`,
    averageRating: sql<string | null>`avg(${tickets.rating})`,
  };
}

const share = (v: string | null) => (v === null ? null : Number(Number(v).toFixed(3)));
const toFigures = (r: { [K in keyof ReturnType<typeof figures>]: unknown }): Figures => ({
  total: Number(r.total),
  open: Number(r.open),
  overdue: Number(r.overdue),
  respondedInTime: share(r.respondedInTime as string | null),
  resolvedInTime: share(r.resolvedInTime as string | null),
  medianResolveMinutes: r.medianResolveMinutes === null ? null : Math.round(Number(r.medianResolveMinutes)),
  averageRating: r.averageRating === null ? null : Number(Number(r.averageRating).toFixed(2)),
});

/** Service-level figures of the tickets opened in the last `days`, overall, per category and per technician. */
export async function ticketStats(ctx: Ctx, q: z.infer<typeof TicketStatsQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "assign", ticketPolicy);
  const now = new Date();
  const where: SQL | undefined = and(
    eq(tickets.companyId, ctx.companyId),
    buildingScope(tickets.buildingId)(ctx.actor),
    q.buildingId ? eq(tickets.buildingId, q.buildingId) : undefined,
    gte(tickets.createdAt, new Date(now.getTime() - q.days * DAY_MS)),
  );
  const f = figures(now);
  const [overall] = await ctx.tx.select(f).from(tickets).where(where);
  if (!overall) throw new Error("aggregate without a row");
  const byCategory = await ctx.tx
    .select({ category: tickets.category, ...f })
    .from(tickets)
    .where(where)
    .groupBy(tickets.category)
    .orderBy(tickets.category);
  const names = accountNames(ctx.tx);
  const byAssignee = await ctx.tx
    .select({ accountId: tickets.assignedTo, name: names.displayName, ...f })
    .from(tickets)
    .leftJoin(names, eq(names.id, tickets.assignedTo))
    .where(and(where, isNotNull(tickets.assignedTo)))
    .groupBy(tickets.assignedTo, names.displayName)
    .orderBy(names.displayName);
  return {
    days: q.days,
    overall: toFigures(overall),
    byCategory: byCategory.map((r) => ({ category: r.category as TicketCategory, ...toFigures(r) })),
    byAssignee: byAssignee.map((r) => ({
      accountId: r.accountId ?? "",
      name: r.name ?? "—",
      ...toFigures(r),
    })),
  };
}
