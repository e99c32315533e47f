import { and, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DeadLetterQuery, ResendBody } from "../../../contracts/notifications.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { message } from "../../platform/i18n/messages.js";
import { type NotificationTemplate, render } from "../../platform/messaging/templates.js";
import { declared } from "../../platform/module.js";
import { recipientsOf } from "../accounts/index.js";
import { residentNames } from "../registry/index.js";
import { notificationDeliveries as deliveries } from "./deliveries.table.js";
import { sendNotifications } from "./send.task.js";

const failedIn = (ctx: Ctx, ...more: (SQL | undefined)[]) =>
  and(eq(deliveries.companyId, ctx.companyId), eq(deliveries.status, "failed"), ...more);

/**
 * The dead letters: deliveries that failed for good, newest first, with whom they were for and why. People with
 * no channel at all (`none`) are left out unless asked for: sending again cannot reach them, their contact must be
 * completed first, and the sending's own report (an emergency, a breach) counts them.
 */
export async function deadLetters(ctx: Ctx, q: z.infer<typeof DeadLetterQuery>) {
  const where = failedIn(ctx, q.channel ? eq(deliveries.channel, q.channel) : ne(deliveries.channel, "none"));
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(deliveries)
      .where(where)
      .orderBy(desc(deliveries.updatedAt), desc(deliveries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(deliveries).where(where),
  ]);
  const templates = new Map(
    declared(ctx.platform, "templates").map((t) => [t.key, t as NotificationTemplate]),
  );
  const accounts = new Map(
    (
      await recipientsOf(ctx.tx, ctx.platform, [
        ...new Set(rows.flatMap((r) => (r.accountId ? [r.accountId] : []))),
      ])
    ).map((a) => [a.accountId, a.displayName]),
  );
  const residents = await residentNames(
    ctx,
    rows.flatMap((r) => (!r.accountId && r.residentId ? [r.residentId] : [])),
  );
  return {
    items: rows.map((r) => {
      const template = templates.get(r.template);
      return {
        id: r.id,
        template: r.template,
        title: template ? render(template, ctx.lang, r.data).title : r.template,
        channel: r.channel as "in_app" | "push" | "email" | "zalo" | "sms" | "none",
        unitCode: r.unitCode,
        recipient:
          (r.accountId ? accounts.get(r.accountId) : residents.get(r.residentId ?? "")?.name) ?? null,
        error: r.error ? message(ctx.lang, r.error) : null,
        attempts: r.attempts,
        createdAt: r.createdAt.toISOString(),
        failedAt: r.updatedAt.toISOString(),
      };
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The company admin sends dead letters again: those given, or all. */
export async function resend(ctx: Ctx, body: z.infer<typeof ResendBody>) {
  const { queued } = await resendFailed(ctx, { ids: body.ids });
  await audit(ctx, {
    action: "notification.resend",
    entity: "notification_delivery",
    changes: { queued, ids: body.ids ?? "all" },
  });
  return { queued };
}

/**
 * Queues failed deliveries again with fresh tries — some, those of one sending (an emergency), or all; one that
 * had no channel to go by stays failed. The caller audits.
 */
export async function resendFailed(ctx: Ctx, which: { ids?: readonly string[]; sourceId?: string }) {
  const again = await ctx.tx
    .update(deliveries)
    .set({ status: "queued", attempts: 0, error: null, notBefore: new Date(), updatedAt: new Date() })
    .where(
      failedIn(
        ctx,
        inArray(deliveries.channel, ["push", "email", "zalo", "sms"]),
        which.ids ? inArray(deliveries.id, [...which.ids]) : undefined,
        which.sourceId ? eq(deliveries.sourceId, which.sourceId) : undefined,
      ),
    )
    .returning({ id: deliveries.id });
  if (again.length > 0 && ctx.platform.tasks.running())
    await ctx.platform.tasks.enqueue(ctx, sendNotifications, {});
  return { queued: again.length };
}

/** The deliveries of one sending (an announcement), for its report. */
export const deliveriesOf = (ctx: Ctx, sourceId: string) => ({
  table: deliveries,
  where: and(eq(deliveries.companyId, ctx.companyId), eq(deliveries.sourceId, sourceId)),
});
