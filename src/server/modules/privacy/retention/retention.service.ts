import { desc, eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { z } from "zod";
import {
  RetentionCategory,
  type RetentionOverview,
  type RetentionSettings,
} from "../../../../contracts/privacy.js";
import { purgeAccessLogs } from "../../../platform/accesslog/purge.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx, Platform } from "../../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../../platform/db/client.js";
import { asSystem } from "../../../platform/jobs/system.js";
import { accessLogRetentions, companyProfile, updateCompanySettings } from "../../companies/index.js";
import { purgeConversationsBefore } from "../../conversations/index.js";
import { purgeVisitorsBefore } from "../../reception/index.js";
import { residentsGoneBefore } from "../../registry/index.js";
import { purgeTicketPhotosBefore } from "../../tickets/index.js";
import { eraseResident } from "../erasure/erasure.service.js";
import { retentionRuns } from "./retention.table.js";

const DAY_MS = 24 * 3600_000;
/** A year after the last move-out, a former resident's record goes (unless a hold keeps part of it). */
const CLOSED_ACCOUNT_DAYS = 365;
const TICKET_PHOTO_DAYS = 180;
/** Two years after a conversation's last message, it goes. */
const CONVERSATION_DAYS = 730;
/** Guests' names and plates are kept 90 days for the building's security, then go. */
const VISITOR_LOG_DAYS = 90;

type Settings = z.infer<typeof RetentionSettings>;

export async function retentionSettings(ctx: Ctx): Promise<Settings> {
  const s = (await companyProfile(ctx, ctx.companyId))?.settings ?? {};
  return {
    accessLogDays: s.accessLogRetentionDays ?? ctx.platform.config.accessLogRetentionDays,
    closedAccountDays: s.closedAccountRetentionDays ?? CLOSED_ACCOUNT_DAYS,
    ticketPhotoDays: s.ticketPhotoRetentionDays ?? TICKET_PHOTO_DAYS,
    conversationDays: s.conversationRetentionDays ?? CONVERSATION_DAYS,
    visitorLogDays: s.visitorLogRetentionDays ?? VISITOR_LOG_DAYS,
  };
}

export async function retentionOverview(ctx: Ctx): Promise<z.infer<typeof RetentionOverview>> {
  const runs = await ctx.tx
    .select()
    .from(retentionRuns)
    .where(eq(retentionRuns.companyId, ctx.companyId))
    .orderBy(desc(retentionRuns.at))
    .limit(50);
  const latest = RetentionCategory.options
    .map((category) => runs.find((r) => r.category === category))
    .filter((r): r is (typeof runs)[number] => Boolean(r));
  return {
    settings: await retentionSettings(ctx),
    lastRuns: latest.map((r) => ({
      category: r.category as z.infer<typeof RetentionCategory>,
      at: r.at.toISOString(),
      removed: r.removed,
      cutoff: r.cutoff.toISOString(),
      details: r.details,
    })),
  };
}

export async function saveRetention(ctx: Ctx, settings: Settings) {
  const before = await retentionSettings(ctx);
  await updateCompanySettings(ctx, {
    accessLogRetentionDays: settings.accessLogDays,
    closedAccountRetentionDays: settings.closedAccountDays,
    ticketPhotoRetentionDays: settings.ticketPhotoDays,
    conversationRetentionDays: settings.conversationDays,
    visitorLogRetentionDays: settings.visitorLogDays,
  });
  await audit(ctx, {
    action: "retention.update",
    entity: "company",
    entityId: ctx.companyId,
    changes: Object.fromEntries(
      (Object.keys(settings) as (keyof Settings)[])
        .filter((k) => before[k] !== settings[k])
        .map((k) => [k, [before[k], settings[k]]]),
    ),
  });
  return retentionOverview(ctx);
}

async function recordRun(
  ctx: Ctx,
  category: string,
  cutoff: Date,
  removed: number,
  details: Record<string, unknown>,
) {
  await ctx.tx.insert(retentionRuns).values({ companyId: ctx.companyId, category, cutoff, removed, details });
}

/**
 * Former residents whose last stay ended before the company's retention period are erased like on request
 * (holds honoured: what a hold covers stays, and the job finishes it when the hold ends).
 */
async function purgeClosedAccounts(ctx: Ctx, now: Date) {
  const { closedAccountDays } = await retentionSettings(ctx);
  const cutoff = new Date(now.getTime() - closedAccountDays * DAY_MS);
  const gone = await residentsGoneBefore(ctx, cutoff.toISOString().slice(0, 10));
  let held = 0;
  for (const id of gone) {
    const outcome = await eraseResident(ctx, id, { retention: true });
    if (outcome.kept.some((k) => k.until === null)) held++;
  }
  await recordRun(ctx, "closed_accounts", cutoff, gone.length - held, {
    residents: gone.length,
    held,
    days: closedAccountDays,
  });
}

/** Conversations with the management, silent for longer than the company keeps them. */
async function purgeConversations(ctx: Ctx, now: Date) {
  const { conversationDays } = await retentionSettings(ctx);
  const cutoff = new Date(now.getTime() - conversationDays * DAY_MS);
  await recordRun(ctx, "conversations", cutoff, await purgeConversationsBefore(ctx, cutoff), {
    days: conversationDays,
  });
}

/** The visitor log and guest passes older than the company keeps them. */
async function purgeVisitors(ctx: Ctx, now: Date) {
  const { visitorLogDays } = await retentionSettings(ctx);
  const cutoff = new Date(now.getTime() - visitorLogDays * DAY_MS);
  await recordRun(ctx, "visitor_log", cutoff, await purgeVisitorsBefore(ctx, cutoff), {
    days: visitorLogDays,
  });
}

/** Photos of tickets closed longer ago than the company keeps them (the tickets stay, without them). */
async function purgeTicketPhotos(ctx: Ctx, now: Date) {
  const { ticketPhotoDays } = await retentionSettings(ctx);
  const cutoff = new Date(now.getTime() - ticketPhotoDays * DAY_MS);
  await recordRun(ctx, "ticket_photos", cutoff, await purgeTicketPhotosBefore(ctx, cutoff), {
    days: ticketPhotoDays,
  });
}

/**
 * The daily retention job: access-log rows past each company's period, records of residents gone longer
 * than theirs, conversations silent longer than theirs, photos of tickets closed longer ago and the visitor
 * log. Each
 * company's run is recorded (also when nothing was due), which is the report the console shows.
 */
export async function runRetention(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const accessLogs = await purgeAccessLogs(db, platform, await accessLogRetentions(db), now);
  for (const { companyId, retentionDays, deleted } of accessLogs) {
    if (companyId === PLATFORM_SCOPE) continue;
    await asSystem(
      db,
      platform,
      companyId,
      "job:retention",
      async (ctx) => {
        await recordRun(ctx, "access_logs", new Date(now.getTime() - retentionDays * DAY_MS), deleted, {
          days: retentionDays,
        });
        await purgeClosedAccounts(ctx, now);
        await purgeConversations(ctx, now);
        await purgeTicketPhotos(ctx, now);
        await purgeVisitors(ctx, now);
      },
      log,
    );
  }
  return { companies: accessLogs.length - 1 };
}
