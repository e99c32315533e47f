import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { TicketCategory, type TicketSlaSettings } from "../../../contracts/tickets.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { DEFAULT_SLAS, type Sla } from "./sla.js";
import { ticketPolicy } from "./tickets.policy.js";
import { ticketSlas } from "./tickets.table.js";

type Settings = z.infer<typeof TicketSlaSettings>;

/** The company's service levels of one category (its own, or the default). */
export async function slaOf(ctx: Ctx, category: TicketCategory): Promise<Sla> {
  const [row] = await ctx.tx
    .select()
    .from(ticketSlas)
    .where(and(eq(ticketSlas.companyId, ctx.companyId), eq(ticketSlas.category, category)));
  return row
    ? { respondMinutes: row.respondMinutes, resolveMinutes: row.resolveMinutes }
    : DEFAULT_SLAS[category];
}

/** Every category's service levels, for the settings page (any staff member reads them). */
export async function slaSettings(ctx: Ctx): Promise<Settings> {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", ticketPolicy);
  const rows = await ctx.tx.select().from(ticketSlas).where(eq(ticketSlas.companyId, ctx.companyId));
  return {
    categories: TicketCategory.options.map((category) => {
      const own = rows.find((r) => r.category === category);
      return {
        category,
        ...(own
          ? { respondMinutes: own.respondMinutes, resolveMinutes: own.resolveMinutes }
          : DEFAULT_SLAS[category]),
      };
    }),
  };
}

/** The company admin sets them; tickets opened from now on follow them (open ones keep their times). */
export async function saveSlaSettings(ctx: Ctx, settings: Settings): Promise<Settings> {
  authorize(ctx.actor, "configure", ticketPolicy);
  settings.categories.forEach((c, i) => {
    if (c.resolveMinutes < c.respondMinutes)
      throw errors.validation({ [`categories.${i}.resolveMinutes`]: "TICKET_SLA_ORDER" });
  });
  const before = await slaSettings(ctx);
  const changed = settings.categories.filter((c) => {
    const old = before.categories.find((b) => b.category === c.category);
    return !old || old.respondMinutes !== c.respondMinutes || old.resolveMinutes !== c.resolveMinutes;
  });
  for (const c of changed) {
    await ctx.tx
      .insert(ticketSlas)
      .values({ companyId: ctx.companyId, ...c })
      .onConflictDoUpdate({
        target: [ticketSlas.companyId, ticketSlas.category],
        set: { respondMinutes: c.respondMinutes, resolveMinutes: c.resolveMinutes },
      });
  }
  await audit(ctx, {
    action: "ticket.sla",
    entity: "company",
    entityId: ctx.companyId,
    changes: Object.fromEntries(
      changed.map((c) => {
        const old = before.categories.find((b) => b.category === c.category);
        return [
          c.category,
          [old && [old.respondMinutes, old.resolveMinutes], [c.respondMinutes, c.resolveMinutes]],
        ];
      }),
    ),
  });
  return slaSettings(ctx);
}
