import { and, count, desc, eq, ilike, inArray, lte } from "drizzle-orm";
import type { Logger } from "pino";
import type { z } from "zod";
import type {
  AnnouncementBody,
  AnnouncementCategory,
  AnnouncementListQuery,
  AnnouncementPatch,
  AudiencePreviewBody,
} from "../../../contracts/announcements.js";
import type { PageQuery } from "../../../contracts/common.js";
import { audit, diff } from "../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx, Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { asSystem } from "../../platform/jobs/system.js";
import { buildingPolicy, loadBuilding } from "../buildings/index.js";
import { claimFiles, deleteFiles, filesOf, readFile } from "../files/index.js";
import { markSourceRead, mySources, notify, readCounts } from "../notifications/index.js";
import { announcements } from "./announcements.table.js";
import { announcementTemplates } from "./announcements.templates.js";
import { reachOf } from "./audience.js";

type Row = typeof announcements.$inferSelect;

/** The building, once the caller may announce in it. */
export async function buildingToAnnounceIn(ctx: Ctx, buildingId: string) {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "announce", subject(buildingPolicy, building));
  return building;
}

/** An announcement of a building the caller may announce in; any other answers 404. */
export async function loadAnnouncement(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, id)));
  if (!row) throw errors.notFound("announcement");
  await buildingToAnnounceIn(ctx, row.buildingId);
  return row;
}

type Attachments = Awaited<ReturnType<typeof filesOf>>;

const view = (row: Row, files: Attachments, receipts?: { sent: number; read: number }) => ({
  id: row.id,
  buildingId: row.buildingId,
  title: row.title,
  body: row.body,
  category: row.category as z.infer<typeof AnnouncementBody>["category"],
  status: row.status as "draft" | "scheduled" | "published" | "archived",
  audience: row.audience,
  pinned: row.pinned,
  publishAt: row.publishAt?.toISOString() ?? null,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  sent: receipts?.sent ?? row.sent,
  read: receipts?.read ?? 0,
  attachments: files.get(row.id) ?? [],
});

/** How many an audience reaches, before anything is sent. */
export async function previewAudience(
  ctx: Ctx,
  buildingId: string,
  body: z.infer<typeof AudiencePreviewBody>,
) {
  await buildingToAnnounceIn(ctx, buildingId);
  const { recipients: _, ...counts } = await reachOf(ctx, buildingId, body.audience, body.category);
  return counts;
}

/** Writes an announcement as a draft, schedules it, or publishes it now (the default). */
export async function createAnnouncement(
  ctx: Ctx,
  buildingId: string,
  body: z.infer<typeof AnnouncementBody>,
) {
  await buildingToAnnounceIn(ctx, buildingId);
  const category = body.marketing ? "promotion" : body.category;
  const publishAt = body.action === "schedule" && body.publishAt ? new Date(body.publishAt) : null;
  if (publishAt && publishAt.getTime() <= Date.now())
    throw errors.validation({ publishAt: "PUBLISH_AT_PAST" });
  const row = await insertOne(
    ctx.tx
      .insert(announcements)
      .values({
        companyId: ctx.companyId,
        buildingId,
        title: body.title,
        body: body.body,
        category,
        audience: body.audience,
        pinned: body.pinned,
        marketing: category === "promotion",
        status: publishAt ? "scheduled" : "draft",
        publishAt,
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  await claimFiles(ctx, body.attachments, "announcement", row.id);
  if (body.action === "publish") return publish(ctx, row);
  await audit(ctx, {
    action: publishAt ? "announcement.schedule" : "announcement.draft",
    entity: "announcement",
    entityId: row.id,
    changes: { title: row.title, category, publishAt: publishAt?.toISOString() ?? null },
  });
  const { recipients: _, ...counts } = await reachOf(ctx, buildingId, row.audience, category as never);
  return { id: row.id, status: row.status as "draft" | "scheduled", ...counts };
}

/**
 * Sends it to its audience now through the notification service: in the app (live on open pages) and on the
 * channels each person chose; people without an account on the registry's contacts. Counted, audited.
 */
async function publish(ctx: Ctx, row: Row) {
  const reach = await reachOf(ctx, row.buildingId, row.audience, row.category as never);
  await ctx.tx
    .update(announcements)
    .set({ status: "published", publishedAt: new Date(), publishAt: null, sent: reach.sent })
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, row.id)));
  await notify(
    ctx,
    reach.recipients,
    announcementTemplates[row.category as AnnouncementCategory],
    { title: row.title, body: row.body },
    { inbox: "announcement", link: `/app/announcements/${row.id}`, sourceId: row.id },
  );
  const { recipients: _, ...counts } = reach;
  await audit(ctx, {
    action: "announcement.send",
    entity: "announcement",
    entityId: row.id,
    changes: counts,
  });
  return { id: row.id, status: "published" as const, ...counts };
}

export async function publishAnnouncement(ctx: Ctx, id: string) {
  const row = await loadAnnouncement(ctx, id);
  if (row.status !== "draft" && row.status !== "scheduled") throw errors.inUse("ANNOUNCEMENT_SENT");
  return publish(ctx, row);
}

/** Edits a draft or a scheduled one; once published only its pin changes (what was sent stays as sent). */
export async function updateAnnouncement(ctx: Ctx, id: string, patch: z.infer<typeof AnnouncementPatch>) {
  const row = await loadAnnouncement(ctx, id);
  const editable = row.status === "draft" || row.status === "scheduled";
  const { pinned, publishAt, attachments, ...content } = patch;
  if (!editable && (Object.keys(content).length > 0 || publishAt !== undefined || attachments !== undefined))
    throw errors.inUse("ANNOUNCEMENT_SENT");
  const when = publishAt === undefined ? undefined : publishAt === null ? null : new Date(publishAt);
  if (when && when.getTime() <= Date.now()) throw errors.validation({ publishAt: "PUBLISH_AT_PAST" });
  const category = content.category ?? row.category;
  const [after] = await ctx.tx
    .update(announcements)
    .set({
      ...content,
      pinned,
      marketing: category === "promotion",
      ...(when === undefined ? {} : { publishAt: when, status: when ? "scheduled" : "draft" }),
    })
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, id)))
    .returning();
  if (!after) throw errors.notFound("announcement");
  const attached = attachments ? await replaceAttachments(ctx, id, attachments) : undefined;
  const pick = (r: Row) => ({
    title: r.title,
    category: r.category,
    pinned: r.pinned,
    status: r.status,
    publishAt: r.publishAt?.toISOString() ?? null,
    audience: r.audience,
  });
  await audit(ctx, {
    action: "announcement.update",
    entity: "announcement",
    entityId: id,
    changes: { ...diff(pick(row), pick(after)), ...(attached ? { attachments: attached } : {}) },
  });
  return announcementDetail(ctx, id);
}

/** A draft's files become those listed: new uploads are attached, the ones left out removed. */
async function replaceAttachments(ctx: Ctx, id: string, wanted: readonly string[]) {
  const current = ((await filesOf(ctx, [id])).get(id) ?? []).map((f) => f.id);
  const added = wanted.filter((f) => !current.includes(f));
  const removed = current.filter((f) => !wanted.includes(f));
  await claimFiles(ctx, added, "announcement", id);
  await deleteFiles(ctx, id, removed);
  return { added, removed };
}

/** Takes it out of residents' feeds; the record and its receipts stay. */
export async function archiveAnnouncement(ctx: Ctx, id: string) {
  const row = await loadAnnouncement(ctx, id);
  if (row.status === "archived") return announcementDetail(ctx, id);
  await ctx.tx
    .update(announcements)
    .set({ status: "archived", archivedAt: new Date(), pinned: false })
    .where(and(eq(announcements.companyId, ctx.companyId), eq(announcements.id, id)));
  await audit(ctx, {
    action: "announcement.archive",
    entity: "announcement",
    entityId: id,
    changes: { status: [row.status, "archived"] },
  });
  return announcementDetail(ctx, id);
}

export async function announcementDetail(ctx: Ctx, id: string) {
  const row = await loadAnnouncement(ctx, id);
  const receipts = await readCounts(ctx, "announcement", [id]);
  return view(row, await filesOf(ctx, [id]), receipts.get(id));
}

/** A building's announcements, newest first, each with its read receipts. */
export async function listAnnouncements(ctx: Ctx, q: z.infer<typeof AnnouncementListQuery>) {
  const { buildingId } = q;
  await buildingToAnnounceIn(ctx, buildingId);
  const where = and(
    eq(announcements.companyId, ctx.companyId),
    eq(announcements.buildingId, buildingId),
    q.status ? eq(announcements.status, q.status) : undefined,
    q.q ? ilike(announcements.title, containing(q.q)) : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(announcements)
          .where(where)
          .orderBy(desc(announcements.pinned), desc(announcements.createdAt), desc(announcements.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(announcements).where(where),
    },
    (row) => row,
  );
  const ids = page.items.map((r) => r.id);
  const receipts = await readCounts(ctx, "announcement", ids);
  const attached = await filesOf(ctx, ids);
  return { ...page, items: page.items.map((r) => view(r, attached, receipts.get(r.id))) };
}

/** The signed-in resident's feed: the published announcements sent to them, pinned first, then newest. */
export async function myFeed(ctx: Ctx, q: PageQuery) {
  const sources = await mySources(ctx, "announcement");
  const ids = [...sources.keys()];
  if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, unread: 0 };
  const published = (among: string[]) =>
    and(
      eq(announcements.companyId, ctx.companyId),
      inArray(announcements.id, among),
      eq(announcements.status, "published"),
    );
  const unreadIds = ids.filter((id) => !sources.get(id));
  const [page, [unread]] = await Promise.all([
    pageOf(
      q,
      {
        rows: (limit, offset) =>
          ctx.tx
            .select()
            .from(announcements)
            .where(published(ids))
            .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
            .limit(limit)
            .offset(offset),
        total: ctx.tx.select({ n: count() }).from(announcements).where(published(ids)),
      },
      (row) => row,
    ),
    unreadIds.length > 0
      ? ctx.tx.select({ n: count() }).from(announcements).where(published(unreadIds))
      : Promise.resolve([{ n: 0 }]),
  ]);
  const attached = await filesOf(
    ctx,
    page.items.map((r) => r.id),
  );
  const items = page.items.map((r) => feedItem(r, sources.get(r.id) ?? false, attached));
  return { ...page, items, unread: unread?.n ?? 0 };
}

const feedItem = (row: Row, read: boolean, files: Attachments) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  category: row.category as z.infer<typeof AnnouncementBody>["category"],
  pinned: row.pinned,
  publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
  read,
  attachments: files.get(row.id) ?? [],
});

/** Opens one announcement of the feed, which reads it (the read receipt). */
export async function openFromFeed(ctx: Ctx, id: string) {
  const row = await fromMyFeed(ctx, id);
  await markSourceRead(ctx, "announcement", id);
  return feedItem(row, true, await filesOf(ctx, [id]));
}

/** A published announcement sent to the signed-in person; anything else is not found. */
async function fromMyFeed(ctx: Ctx, id: string) {
  const sources = await mySources(ctx, "announcement");
  if (!sources.has(id)) throw errors.notFound("announcement");
  const [row] = await ctx.tx
    .select()
    .from(announcements)
    .where(
      and(
        eq(announcements.companyId, ctx.companyId),
        eq(announcements.id, id),
        eq(announcements.status, "published"),
      ),
    );
  if (!row) throw errors.notFound("announcement");
  return row;
}

/** A file of an announcement, for staff of its building or for a resident it was sent to. */
export async function announcementFile(
  ctx: Ctx,
  id: string,
  fileId: string,
  variant: "display" | "thumbnail",
  asResident: boolean,
) {
  await (asResident ? fromMyFeed(ctx, id) : loadAnnouncement(ctx, id));
  return readFile(ctx, fileId, [id], variant);
}

/** The scheduler (every minute): publishes what is due, in each company as the system. */
export async function publishDue(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select distinct company_id from announcements where status = 'scheduled' and publish_at <= $1",
    [now],
  );
  let published = 0;
  for (const { company_id: companyId } of rows) {
    published += await asSystem(
      db,
      platform,
      companyId,
      "job:announcements-publish",
      async (ctx) => {
        const due = await ctx.tx
          .select()
          .from(announcements)
          .where(
            and(
              eq(announcements.companyId, companyId),
              eq(announcements.status, "scheduled"),
              lte(announcements.publishAt, now),
            ),
          )
          .for("update", { skipLocked: true });
        for (const row of due) await publish(ctx, row);
        return due.length;
      },
      log,
    );
  }
  return { published };
}
