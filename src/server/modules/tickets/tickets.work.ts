import { and, count, eq, inArray, min, sql } from "drizzle-orm";
import { OPEN_TICKET_STATUSES } from "../../../contracts/tickets.js";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { ticketPolicy } from "./tickets.policy.js";
import { tickets } from "./tickets.table.js";
import { overdueNow } from "./tickets.views.js";

/** New tickets to acknowledge, per building, with the nearest response time. */
export const newTickets = defineWorkQueue({
  key: "tickets.new",
  label: { vi: "Phản ánh mới cần tiếp nhận", en: "New tickets to acknowledge" },
  sees: (actor) => can(actor, "assign", ticketPolicy),
  count: async (ctx: Ctx) => {
    const now = new Date();
    return ctx.tx
      .select({
        buildingId: tickets.buildingId,
        count: count(),
        overdue: sql<number>`(count(*) filter (where ${tickets.respondBy} < ${now}))::int`,
        due: min(tickets.respondBy),
      })
      .from(tickets)
      .where(
        and(
          eq(tickets.companyId, ctx.companyId),
          eq(tickets.status, "new"),
          buildingScope(tickets.buildingId)(ctx.actor),
        ),
      )
      .groupBy(tickets.buildingId);
  },
  due: "deadline",
  link: (part) => `/console/tickets?status=new${part.buildingId ? `&buildingId=${part.buildingId}` : ""}`,
});

/** Open tickets past their response or resolution time, per building. */
export const overdueTickets = defineWorkQueue({
  key: "tickets.overdue",
  label: { vi: "Phản ánh quá hạn xử lý", en: "Tickets past their time" },
  sees: (actor) => can(actor, "assign", ticketPolicy),
  count: async (ctx: Ctx) =>
    ctx.tx
      .select({
        buildingId: tickets.buildingId,
        count: count(),
        // The time each one missed: its response time while unanswered, else its resolution time.
        due: sql<Date>`min(case when ${tickets.respondedAt} is null then ${tickets.respondBy} else ${tickets.resolveBy} end)`,
      })
      .from(tickets)
      .where(
        and(
          eq(tickets.companyId, ctx.companyId),
          inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
          overdueNow(new Date()),
          buildingScope(tickets.buildingId)(ctx.actor),
        ),
      )
      .groupBy(tickets.buildingId),
  due: "deadline",
  link: (part) => `/console/tickets?overdue=true${part.buildingId ? `&buildingId=${part.buildingId}` : ""}`,
});

/** A technician's open jobs, with the nearest resolution time. */
export const myJobs = defineWorkQueue({
  key: "tickets.mine",
  label: { vi: "Phản ánh được giao cho tôi", en: "Tickets assigned to me" },
  // Those who work tickets without running them: the technicians.
  sees: (actor) => can(actor, "update", ticketPolicy) && !can(actor, "assign", ticketPolicy),
  count: async (ctx: Ctx) => {
    const [row] = await ctx.tx
      .select({ count: count(), due: min(tickets.resolveBy) })
      .from(tickets)
      .where(
        and(
          eq(tickets.companyId, ctx.companyId),
          eq(tickets.assignedTo, ctx.actor.accountId ?? ""),
          inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
        ),
      );
    return [{ buildingId: null, count: row?.count ?? 0, due: row?.due ?? null }];
  },
  due: "deadline",
  link: () => "/console/tickets?assigned=me&status=open",
});
