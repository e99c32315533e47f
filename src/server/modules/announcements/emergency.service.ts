import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EmergencyBody } from "../../../contracts/announcements.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { errors } from "../../platform/errors.js";
import { message } from "../../platform/i18n/messages.js";
import { defineTask } from "../../platform/jobs/tasks.js";
import { csvFile } from "../../platform/spreadsheet/csv.js";
import { notify } from "../notifications/index.js";
import { buildingResidents, openResidentFields } from "../registry/index.js";
import { buildingToAnnounceIn, loadAnnouncement } from "./announcements.service.js";
import { announcements } from "./announcements.table.js";
import { announcementDeliveries as deliveries } from "./deliveries.table.js";

/** Attempts at an email or SMS before it counts as not reached (the manager can send again). */
const ATTEMPTS = 3;
const CHUNK = 50;

type Channel = "in_app" | "email" | "sms" | "none";

/**
 * An emergency broadcast: published at once to everyone living in the building (or the blocks given), on every
 * channel they can be reached on — in the app, by email and by SMS on the registry's contacts, with or without an
 * account — whatever their preferences and the hour. Each delivery is recorded per channel; email and SMS go out
 * from a background task that retries. People who restricted the processing of their data are left out (counted).
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
  const contacts = new Map(
    (
      await openResidentFields(
        ctx,
        people.map((p) => p.residentId),
      )
    ).map((c) => [c.residentId, c.values]),
  );
  const rows: {
    residentId: string;
    unitCode: string;
    channel: Channel;
    status: "queued" | "sent" | "failed";
    error: string | null;
  }[] = [];
  for (const p of people) {
    const values = contacts.get(p.residentId) ?? {};
    const channels: Channel[] = [];
    if (p.accountId) channels.push("in_app");
    if (values["resident.email"]) channels.push("email");
    if (values["resident.phone"]) channels.push("sms");
    if (channels.length === 0) channels.push("none");
    for (const channel of channels)
      rows.push({
        residentId: p.residentId,
        unitCode: p.unitCode,
        channel,
        status: channel === "in_app" ? "sent" : channel === "none" ? "failed" : "queued",
        error: channel === "none" ? "NO_CONTACT" : null,
      });
  }
  if (rows.length > 0)
    await ctx.tx.execute(sql`
      insert into announcement_deliveries (company_id, announcement_id, resident_id, unit_code, channel, status, error)
      select ${ctx.companyId}::uuid, ${row.id}::uuid, r.resident_id, r.unit_code, r.channel, r.status, r.error
        from json_to_recordset(${JSON.stringify(rows.map((r) => ({ resident_id: r.residentId, unit_code: r.unitCode, channel: r.channel, status: r.status, error: r.error })))}::json)
          as r(resident_id uuid, unit_code text, channel text, status text, error text)`);
  const inApp = [...new Set(people.flatMap((p) => (p.accountId ? [p.accountId] : [])))];
  await notify(
    ctx,
    inApp.map((accountId) => ({
      accountId,
      kind: "announcement" as const,
      title: body.title,
      body: body.body,
      link: `/app/announcements/${row.id}`,
      sourceId: row.id,
    })),
  );
  await ctx.tx
    .update(announcements)
    .set({ sent: inApp.length })
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, row.id)));
  if (rows.some((r) => r.status === "queued"))
    await ctx.platform.tasks.enqueue(ctx, deliverEmergency, { announcementId: row.id });
  const report = await deliveryReport(ctx, row.id);
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
  const where = and(eq(deliveries.companyId, ctx.companyId), eq(deliveries.announcementId, announcementId));
  const counts = await ctx.tx
    .select({ channel: deliveries.channel, status: deliveries.status, n: count() })
    .from(deliveries)
    .where(where)
    .groupBy(deliveries.channel, deliveries.status);
  const channels = (["in_app", "email", "sms", "none"] as const).map((channel) => {
    const of = (status: string) => counts.find((c) => c.channel === channel && c.status === status)?.n ?? 0;
    return { channel, sent: of("sent"), failed: of("failed"), queued: of("queued") };
  });
  const failed = await ctx.tx
    .select({
      unitCode: deliveries.unitCode,
      channel: deliveries.channel,
      error: deliveries.error,
      attempts: deliveries.attempts,
    })
    .from(deliveries)
    .where(and(where, eq(deliveries.status, "failed")))
    .orderBy(asc(deliveries.unitCode), asc(deliveries.channel));
  // A person is reached when any channel reached them.
  const [people] = await ctx.tx
    .select({
      total: sql<number>`count(distinct ${deliveries.residentId})::int`,
      reached: sql<number>`count(distinct ${deliveries.residentId}) filter (where ${deliveries.status} = 'sent')::int`,
    })
    .from(deliveries)
    .where(where);
  return {
    id: row.id,
    title: row.title,
    people: people?.total ?? 0,
    reached: people?.reached ?? 0,
    channels,
    notReached: failed.map((f) => ({
      ...f,
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

/** Sends again what failed on email and SMS. */
export async function resendFailed(ctx: Ctx, announcementId: string) {
  const row = await loadAnnouncement(ctx, announcementId);
  if (row.category !== "emergency") throw errors.notFound("announcement");
  const again = await ctx.tx
    .update(deliveries)
    .set({ status: "queued", attempts: 0, error: null, updatedAt: new Date() })
    .where(
      and(
        eq(deliveries.companyId, ctx.companyId),
        eq(deliveries.announcementId, announcementId),
        eq(deliveries.status, "failed"),
        inArray(deliveries.channel, ["email", "sms"]),
      ),
    )
    .returning({ id: deliveries.id });
  if (again.length > 0) await ctx.platform.tasks.enqueue(ctx, deliverEmergency, { announcementId });
  await audit(ctx, {
    action: "announcement.resend",
    entity: "announcement",
    entityId: announcementId,
    changes: { deliveries: again.length },
  });
  return deliveryReport(ctx, announcementId);
}

/**
 * The background task: sends the queued emails and SMS of an emergency, a chunk per transaction, and records
 * each one's outcome; what failed is tried again (pg-boss retries the task with back-off) until ATTEMPTS.
 */
export const deliverEmergency = defineTask<{ announcementId: string }>(
  "announcements.deliver-emergency",
  async (run, data) => {
    let left = true;
    let retry = false;
    while (left) {
      ({ left, retry } = await run(async (ctx) => {
        const row = await loadAnnouncementForTask(ctx, data.announcementId);
        const queued = await ctx.tx
          .select()
          .from(deliveries)
          .where(
            and(
              eq(deliveries.companyId, ctx.companyId),
              eq(deliveries.announcementId, data.announcementId),
              eq(deliveries.status, "queued"),
              sql`${deliveries.attempts} < ${ATTEMPTS}`,
            ),
          )
          .orderBy(asc(deliveries.attempts), asc(deliveries.id))
          .limit(CHUNK)
          .for("update", { skipLocked: true });
        if (queued.length === 0) return { left: false, retry: false };
        const contacts = new Map(
          (
            await openResidentFields(
              ctx,
              queued.flatMap((d) => (d.residentId ? [d.residentId] : [])),
            )
          ).map((c) => [c.residentId, c]),
        );
        let failedNow = false;
        for (const d of queued) {
          const person = d.residentId ? contacts.get(d.residentId) : undefined;
          const to = person?.values[d.channel === "email" ? "resident.email" : "resident.phone"];
          const attempts = d.attempts + 1;
          try {
            if (!to) throw new Error("NO_CONTACT");
            const lang = person?.lang ?? "vi";
            const subject = message(lang, "EMERGENCY_SUBJECT", { title: row.title });
            await ctx.platform.messenger.send(
              d.channel === "email"
                ? { channel: "email", to, subject, text: row.body }
                : { channel: "sms", to, text: `${subject}: ${row.body}` },
            );
            await ctx.tx
              .update(deliveries)
              .set({ status: "sent", attempts, error: null, updatedAt: new Date() })
              .where(and(eq(deliveries.companyId, ctx.companyId), eq(deliveries.id, d.id)));
          } catch (err) {
            const final = attempts >= ATTEMPTS || (err as Error).message === "NO_CONTACT";
            failedNow ||= !final;
            await ctx.tx
              .update(deliveries)
              .set({
                status: final ? "failed" : "queued",
                attempts,
                error: (err as Error).message === "NO_CONTACT" ? "NO_CONTACT" : "SEND_FAILED",
                updatedAt: new Date(),
              })
              .where(and(eq(deliveries.companyId, ctx.companyId), eq(deliveries.id, d.id)));
          }
        }
        return { left: !failedNow && queued.length === CHUNK, retry: failedNow };
      }));
    }
    // Some failed and may be tried again: fail the job so pg-boss retries it after its back-off.
    if (retry) throw new Error("some emergency deliveries failed; retrying");
    return { announcementId: data.announcementId };
  },
);

async function loadAnnouncementForTask(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, id)));
  if (!row) throw errors.notFound("announcement");
  return row;
}
