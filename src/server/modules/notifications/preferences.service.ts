import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { NotificationPreferencesBody } from "../../../contracts/notifications.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "../../platform/messaging/templates.js";
import {
  notificationDeliveries as deliveries,
  notificationPreferences as preferences,
} from "./deliveries.table.js";

/** The channels a person chooses per category; the in-app inbox always receives. */
export const CHOOSABLE = ["push", "email", "zalo", "sms"] as const;
type Choosable = (typeof CHOOSABLE)[number];

/** Quiet hours unless the person changes them (DESIGN §2): no phone buzzing from 21:00 to 07:00. */
export const DEFAULT_QUIET = { from: "21:00", to: "07:00" } as const;

/** What each channel carries until the person decides: push for everything, email for bills, Zalo for bills. */
const DEFAULT_ON: Record<Choosable, readonly NotificationCategory[]> = {
  push: NOTIFICATION_CATEGORIES,
  email: ["billing", "account"],
  zalo: ["billing"],
  sms: [],
};

/** Security and privacy notices (a breach, a changed policy) always reach the inbox and the email. */
const LOCKED: Partial<Record<NotificationCategory, readonly Choosable[]>> = { account: ["email"] };

type Row = typeof preferences.$inferSelect;

export type Choice = {
  wants(category: NotificationCategory, channel: string): boolean;
  quietHours: [string, string];
};

export function choiceOf(row: Row | undefined): Choice {
  const choices = row?.choices ?? {};
  const quiet = row ? (row.quietFrom && row.quietTo ? [row.quietFrom, row.quietTo] : null) : null;
  return {
    wants: (category, channel) => {
      if (channel === "in_app") return true;
      if (LOCKED[category]?.includes(channel as Choosable)) return true;
      const chosen = choices[`${category}.${channel}`];
      return chosen ?? DEFAULT_ON[channel as Choosable]?.includes(category) ?? false;
    },
    // A row with no quiet hours means the person turned them off; no row means the defaults.
    quietHours: row
      ? ((quiet as [string, string] | null) ?? ["00:00", "00:00"])
      : [DEFAULT_QUIET.from, DEFAULT_QUIET.to],
  };
}

/** The choices of some accounts, by account (those who never chose have no row: the defaults). */
export async function preferencesOf(ctx: Ctx, accountIds: readonly string[]): Promise<Map<string, Row>> {
  if (accountIds.length === 0) return new Map();
  const rows = await ctx.tx
    .select()
    .from(preferences)
    .where(and(eq(preferences.companyId, ctx.companyId), inArray(preferences.accountId, [...accountIds])));
  return new Map(rows.map((r) => [r.accountId, r]));
}

const me = (ctx: Ctx) => {
  if (!ctx.actor.accountId) throw errors.forbidden();
  return ctx.actor.accountId;
};

/** The signed-in person's choices, every category and channel spelled out, and which channels this installation has. */
export async function myPreferences(ctx: Ctx) {
  const accountId = me(ctx);
  const row = (await preferencesOf(ctx, [accountId])).get(accountId);
  const choice = choiceOf(row);
  const [from, to] = choice.quietHours;
  return {
    categories: NOTIFICATION_CATEGORIES.map((category) => ({
      category,
      channels: Object.fromEntries(CHOOSABLE.map((c) => [c, choice.wants(category, c)])) as Record<
        Choosable,
        boolean
      >,
      locked: [...(LOCKED[category] ?? [])],
    })),
    quietHours: from === to ? null : { from, to },
    available: CHOOSABLE.filter((c) => ctx.platform.messenger.available(c)),
  };
}

/**
 * Saves the signed-in person's choices. Turning a channel off for a category cancels what is still queued for
 * them there (a withdrawn marketing consent does the same for marketing).
 */
export async function setMyPreferences(ctx: Ctx, body: z.infer<typeof NotificationPreferencesBody>) {
  const accountId = me(ctx);
  const choices: Record<string, boolean> = {};
  for (const { category, channels } of body.categories)
    for (const c of CHOOSABLE) {
      const on = channels[c];
      if (on === undefined || LOCKED[category]?.includes(c)) continue;
      if (on !== DEFAULT_ON[c].includes(category)) choices[`${category}.${c}`] = on;
    }
  const values = {
    choices,
    quietFrom: body.quietHours?.from ?? null,
    quietTo: body.quietHours?.to ?? null,
    updatedAt: new Date(),
  };
  await ctx.tx
    .insert(preferences)
    .values({ companyId: ctx.companyId, accountId, ...values })
    .onConflictDoUpdate({ target: [preferences.companyId, preferences.accountId], set: values });
  const choice = choiceOf({ companyId: ctx.companyId, accountId, ...values });
  let cancelled = 0;
  for (const category of NOTIFICATION_CATEGORIES)
    for (const c of CHOOSABLE)
      if (!choice.wants(category, c)) cancelled += await cancelQueued(ctx, accountId, category, c);
  await audit(ctx, {
    action: "notification.preferences",
    entity: "account",
    entityId: accountId,
    changes: { choices, quietHours: body.quietHours ?? null, cancelled },
  });
  return myPreferences(ctx);
}

/** Cancels what is still waiting to be sent to a person in a category (on one channel, or all). */
export async function cancelQueued(
  ctx: Ctx,
  accountId: string,
  category: NotificationCategory,
  channel?: string,
): Promise<number> {
  const rows = await ctx.tx
    .update(deliveries)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(
      and(
        eq(deliveries.companyId, ctx.companyId),
        eq(deliveries.accountId, accountId),
        eq(deliveries.category, category),
        eq(deliveries.status, "queued"),
        channel ? eq(deliveries.channel, channel) : undefined,
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}
