import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { TicketsCard } from "../../../contracts/home.js";
import { OPEN_TICKET_STATUSES } from "../../../contracts/tickets.js";
import { defineHomeCard } from "../../platform/module.js";
import { tickets } from "./tickets.table.js";

const MAX_SHOWN = 3;
type Item = z.infer<typeof TicketsCard>["items"][number];

/** The resident's tickets about the unit that are still open or wait for their rating, latest activity first. */
export const openTicketsCard = defineHomeCard({
  key: "tickets.open",
  order: 25,
  data: TicketsCard,
  summary: async (ctx, unit) => {
    const rows = await ctx.tx
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        status: tickets.status,
        updatedAt: tickets.updatedAt,
      })
      .from(tickets)
      .where(
        and(
          eq(tickets.companyId, ctx.companyId),
          eq(tickets.unitId, unit.id),
          eq(tickets.requesterId, ctx.actor.accountId ?? ""),
          inArray(tickets.status, [...OPEN_TICKET_STATUSES, "resolved"]),
        ),
      )
      .orderBy(desc(tickets.updatedAt))
      .limit(MAX_SHOWN);
    if (rows.length === 0) return null;
    return {
      items: rows.map((r) => ({
        ...r,
        status: r.status as Item["status"],
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  },
});
