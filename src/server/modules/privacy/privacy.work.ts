import { sql } from "drizzle-orm";
import { can } from "../../platform/authz/can.js";
import type { Ctx, WorkCount } from "../../platform/context.js";
import { queryRows } from "../../platform/db/client.js";
import { defineWorkQueue } from "../../platform/module.js";
import { breachIncidents } from "./breaches/breaches.table.js";
import { privacyPolicy } from "./privacy.policy.js";
import { privacyRequests } from "./requests/requests.table.js";

/** Data-subject requests not answered yet, with the nearest deadline (a month at most) and how many passed it. */
const openRequests = defineWorkQueue({
  key: "privacy.requests",
  label: { vi: "Yêu cầu về dữ liệu cá nhân", en: "Data-subject requests" },
  sees: (actor) => can(actor, "handle_requests", privacyPolicy),
  count: async (ctx: Ctx) =>
    queryRows<WorkCount>(
      ctx.tx,
      sql`select null as "buildingId", count(*)::int as count,
                 (count(*) filter (where ${privacyRequests.dueAt} < now()))::int as overdue,
                 min(${privacyRequests.dueAt}) as due
            from ${privacyRequests}
           where ${privacyRequests.companyId} = ${ctx.companyId}
             and ${privacyRequests.status} in ('open', 'in_progress')`,
    ),
  due: "deadline",
  link: (part) => `/console/privacy/requests${part.overdue ? "?overdue=true" : ""}`,
});

/**
 * Breach incidents not closed, with the 72-hour clock of those whose authority or residents are still to be
 * told (DESIGN §3).
 */
const openBreaches = defineWorkQueue({
  key: "privacy.breaches",
  label: { vi: "Sự cố lộ lọt dữ liệu", en: "Data breaches" },
  sees: (actor) => can(actor, "manage_breaches", privacyPolicy),
  count: async (ctx: Ctx) => {
    const pending = sql`(${breachIncidents.authorityNotifiedAt} is null or ${breachIncidents.residentsNotifiedAt} is null)`;
    const deadline = sql`${breachIncidents.detectedAt} + interval '72 hours'`;
    return queryRows<WorkCount>(
      ctx.tx,
      sql`select null as "buildingId", count(*)::int as count,
                 (count(*) filter (where ${pending} and ${deadline} < now()))::int as overdue,
                 min(${deadline}) filter (where ${pending}) as due
            from ${breachIncidents}
           where ${breachIncidents.companyId} = ${ctx.companyId} and ${breachIncidents.status} <> 'closed'`,
    );
  },
  due: "deadline",
  link: () => "/console/privacy/breaches?status=active",
});

/** The privacy center's queues on the console's inbox. */
export const privacyWorkQueues = [openRequests, openBreaches];
