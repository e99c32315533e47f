import type { Logger } from "pino";
import type { Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { asSystem } from "../../platform/jobs/system.js";
import { defineSchedule } from "../../platform/module.js";
import { closeResolvedBefore } from "./tickets.service.js";
import { REOPEN_DAYS } from "./tickets.views.js";

/** Closes, in every company, the tickets resolved more than 7 days ago that their residents left as they were. */
export async function closeResolvedTickets(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select distinct company_id from tickets where status = 'resolved' and resolved_at < $1",
    [new Date(now.getTime() - REOPEN_DAYS * 24 * 3600_000)],
  );
  let closed = 0;
  for (const { company_id: companyId } of rows)
    closed += await asSystem(
      db,
      platform,
      companyId,
      "job:tickets-close",
      (ctx) => closeResolvedBefore(ctx, now),
      log,
    );
  return { closed };
}

export const ticketsClose = defineSchedule("tickets-close", "40 * * * *", ({ db, platform, log }) =>
  closeResolvedTickets(db, platform, log),
);
