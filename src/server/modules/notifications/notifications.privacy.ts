import { and, count, eq, or } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { notificationDeliveries, notificationPreferences, pushSubscriptions } from "./deliveries.table.js";
import { forgetInbox } from "./notifications.service.js";

/** The person's choices as they made them, their push devices, and how many deliveries are recorded. */
async function myNotificationData(ctx: Ctx, accountId: string) {
  const mine = <
    T extends typeof notificationPreferences | typeof pushSubscriptions | typeof notificationDeliveries,
  >(
    t: T,
  ) => and(eq(t.companyId, ctx.companyId), eq(t.accountId, accountId));
  const [[prefs], devices, [sent]] = await Promise.all([
    ctx.tx.select().from(notificationPreferences).where(mine(notificationPreferences)),
    ctx.tx.select().from(pushSubscriptions).where(mine(pushSubscriptions)),
    ctx.tx.select({ n: count() }).from(notificationDeliveries).where(mine(notificationDeliveries)),
  ]);
  return {
    choices: prefs?.choices ?? {},
    quietHours: prefs?.quietFrom && prefs.quietTo ? { from: prefs.quietFrom, to: prefs.quietTo } : null,
    devices: devices.map((d) => ({ label: d.label, since: d.createdAt.toISOString() })),
    deliveries: sent?.n ?? 0,
  };
}

/**
 * The inbox, the record of what was sent to the person, their choices and their browsers' push subscriptions
 * are about them and no one else: they go with them.
 */
export const notificationsPersonalData = definePersonalData({
  fields: [],
  collect: async (ctx, owner) => ({ notifications: await myNotificationData(ctx, owner.accountId) }),
  erase: async (ctx, person) => {
    await ctx.tx
      .delete(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.companyId, ctx.companyId),
          or(
            person.accountId ? eq(notificationDeliveries.accountId, person.accountId) : undefined,
            eq(notificationDeliveries.residentId, person.id),
          ),
        ),
      );
    const { accountId } = person;
    if (accountId) {
      await forgetInbox(ctx, accountId);
      for (const table of [notificationPreferences, pushSubscriptions])
        await ctx.tx
          .delete(table)
          .where(and(eq(table.companyId, ctx.companyId), eq(table.accountId, accountId)));
    }
    return {
      erased: [],
      tables: ["notifications", "notification_deliveries", "notification_preferences", "push_subscriptions"],
    };
  },
});
