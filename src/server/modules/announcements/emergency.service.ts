import { and, asc, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EmergencyBody } from "../../../contracts/announcements.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { errors } from "../../platform/errors.js";
import { message } from "../../platform/i18n/messages.js";
import { csvFile } from "../../platform/spreadsheet/csv.js";
import { deliveriesOf, notify, resendFailed as resendDeliveries } from "../notifications/index.js";
import { buildingResidents } from "../registry/index.js";
import { buildingToAnnounceIn, loadAnnouncement } from "./announcements.service.js";
import { announcements } from "./announcements.table.js";
import { announcementTemplates } from "./announcements.templates.js";

const CHANNELS = ["in_app", "push", "email", "zalo", "sms", "none"] as const;
type Channel = (typeof CHANNELS)[number];

/**
 * An emergency broadcast: published at once to everyone living in the building (or the blocks given), through
 * the notification service on every channel they can be reached on — in the app, Web Push, email, Zalo and SMS
 * on the account's or the registry's contacts — whatever their preferences and the hour. Each delivery is
 * recorded per person and channel, and the report reads them. People who restricted the processing of their
 * data are left out (counted).
 */
export async function broadcastEmergency(ctx: Ctx, buildingId: string, body: z.infer<typeof EmergencyBody>) {
  await buildingToAnnounceIn(ctx, buildingId);
  const audience = { blocks: body.blocks, floors: [], unitIds: [], roles: [] };
  const row = await insertOne(
    ctx.tx
      .insert(announcements)
      .values({
        companyId: ctx.companyId,
        buildingId,
        title: body.title,
        body: body.body,
        category: "emergency",
        audience,
        pinned: true,
        status: "published",
        publishedAt: new Date(),
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  const living = new Map<string, Awaited<ReturnType<typeof buildingResidents>>[number]>();
  for (const p of await buildingResidents(ctx, buildingId, { blocks: body.blocks }))
    living.set(p.residentId, p);
  const people = [...living.values()].filter((p) => !p.erased && !p.restricted);
  await notify(
    ctx,
    people.map((p) => ({ residentId: p.residentId, accountId: p.accountId, unitCode: p.unitCode })),
    announcementTemplates.emergency,
    { title: body.title, body: body.body },
    {
      inbox: "announcement",
      urgency: "high",
      everyChannel: true,
      link: `/app/announcements/${row.id}`,
      sourceId: row.id,
    },
  );
  const report = await deliveryReport(ctx, row.id);
  await ctx.tx
    .update(announcements)
    .set({ sent: report.channels.find((c) => c.channel === "in_app")?.sent ?? 0 })
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, row.id)));
  await audit(ctx, {
    action: "announcement.emergency",
    entity: "announcement",
    entityId: row.id,
    changes: {
      blocks: body.blocks,
      excludedRestricted: living.size - people.length,
      channels: report.channels,
    },
  });
  return report;
}

/** Per channel, how many were reached, failed or are still being sent; and who was not reached, by unit. */
export async function deliveryReport(ctx: Ctx, announcementId: string) {
  const row = await loadAnnouncement(ctx, announcementId);
  const d = deliveriesOf(ctx, announcementId);
  const counts = await ctx.tx
    .select({ channel: d.table.channel, status: d.table.status, n: count() })
    .from(d.table)
    .where(d.where)
    .groupBy(d.table.channel, d.table.status);
  const channels = CHANNELS.map((channel) => {
    const of = (...statuses: string[]) =>
      counts.filter((c) => c.channel === channel && statuses.includes(c.status)).reduce((n, c) => n + c.n, 0);
    return { channel, sent: of("sent", "delivered"), failed: of("failed"), queued: of("queued") };
  }).filter((c) => c.channel === "in_app" || c.sent + c.failed + c.queued > 0);
  const failed = await ctx.tx
    .select({
      unitCode: d.table.unitCode,
      channel: d.table.channel,
      error: d.table.error,
      attempts: d.table.attempts,
    })
    .from(d.table)
    .where(and(d.where, eq(d.table.status, "failed")))
    .orderBy(asc(d.table.unitCode), asc(d.table.channel));
  // A person is reached when any channel reached them.
  const person = sql`coalesce(${d.table.residentId}, ${d.table.accountId})`;
  const [people] = await ctx.tx
    .select({
      total: sql<number>`count(distinct ${person})::int`,
      reached: sql<number>`count(distinct ${person}) filter (where ${d.table.status} in ('sent', 'delivered'))::int`,
    })
    .from(d.table)
    .where(d.where);
  return {
    id: row.id,
    title: row.title,
    people: people?.total ?? 0,
    reached: people?.reached ?? 0,
    channels,
    notReached: failed.map((f) => ({
      ...f,
      unitCode: f.unitCode ?? "—",
      channel: f.channel as Channel,
      error: f.error ? message(ctx.lang, f.error) : null,
    })),
    done: channels.every((c) => c.queued === 0),
  };
}

/** The report as CSV: the figures per channel, then each unit not reached with the channel and the reason. */
export async function deliveryCsv(ctx: Ctx, announcementId: string) {
  const report = await deliveryReport(ctx, announcementId);
  const csv = csvFile([
    ["channel", "sent", "failed", "queued"],
    ...report.channels.map((c) => [c.channel, c.sent, c.failed, c.queued]),
    [],
    ["unit", "channel", "reason", "attempts"],
    ...report.notReached.map((n) => [n.unitCode, n.channel, n.error, n.attempts]),
  ]);
  return { filename: `khan-cap-${report.id.slice(0, 8)}.csv`, csv };
}

/** Sends again what failed on the channels that can be tried again. */
export async function resendFailed(ctx: Ctx, announcementId: string) {
  const row = await loadAnnouncement(ctx, announcementId);
  if (row.category !== "emergency") throw errors.notFound("announcement");
  const { queued } = await resendDeliveries(ctx, { sourceId: announcementId });
  await audit(ctx, {
    action: "announcement.resend",
    entity: "announcement",
    entityId: announcementId,
    changes: { deliveries: queued },
  });
  return deliveryReport(ctx, announcementId);
}
