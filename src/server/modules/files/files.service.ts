import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Logger } from "pino";
import type { z } from "zod";
import type { FileInfo, FilePurpose } from "../../../contracts/files.js";
import { audit } from "../../platform/audit/audit.service.js";
import { isStaff } from "../../platform/authz/can.js";
import type { Ctx, Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { errors } from "../../platform/errors.js";
import { asSystem } from "../../platform/jobs/system.js";
import { inspectUpload, type UploadKind } from "../../platform/storage/upload.js";
import { files } from "./files.table.js";

type Purpose = z.infer<typeof FilePurpose>;
type Row = typeof files.$inferSelect;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * What each purpose takes: an announcement images and PDFs (a notice, a plan), a message or a ticket photos,
 * a parcel the photo of its label (reception's), a library document a PDF or a scan, a renovation its drawings.
 */
const ALLOWED: Record<Purpose, readonly UploadKind[]> = {
  announcement: ["image", "pdf"],
  conversation: ["image"],
  ticket: ["image"],
  parcel: ["image"],
  document: ["pdf", "image"],
  renovation: ["pdf", "image"],
  catalog_item: ["image"],
};
/** An upload nothing claimed within a day (a compose abandoned) is removed. */
const UNCLAIMED_MS = 24 * 3600_000;

export const fileInfo = (r: Row): z.infer<typeof FileInfo> => ({
  id: r.id,
  name: r.name,
  kind: r.kind as "image" | "pdf",
  contentType: r.contentType,
  size: r.size,
  width: r.width,
  height: r.height,
});

/**
 * Keeps an upload after checking it by its content: an image is re-encoded without its metadata (no GPS) at a
 * display size with a thumbnail; a PDF is kept as sent. Staff upload for announcements; anyone signed in for
 * their messages. The file is the uploader's until a resource claims it (`claimFiles`). The bytes are stored
 * before the row: a transaction that then fails leaves bytes no row names (rare; a storage sweep can find them).
 */
export async function uploadFile(ctx: Ctx, purpose: Purpose, name: string, bytes: Buffer) {
  const accountId = ctx.actor.accountId;
  const staffOnly = purpose === "announcement" || purpose === "parcel" || purpose === "document";
  const partnerOnly = purpose === "catalog_item";
  if (!accountId || (staffOnly && !isStaff(ctx.actor)) || (partnerOnly && ctx.actor.role !== "partner"))
    throw errors.forbidden();
  const checked = await inspectUpload(bytes, ALLOWED[purpose], MAX_UPLOAD_BYTES);
  const id = randomUUID();
  const base = `${ctx.companyId}/${id}`;
  const store = ctx.platform.storage;
  const displayKey = checked.kind === "image" ? `${base}/display.jpg` : `${base}/document.pdf`;
  const thumbKey = checked.kind === "image" ? `${base}/thumbnail.jpg` : null;
  await store.put(
    displayKey,
    checked.kind === "image" ? checked.display : checked.bytes,
    checked.contentType,
  );
  if (checked.kind === "image" && thumbKey) await store.put(thumbKey, checked.thumbnail, checked.contentType);
  const [row] = await ctx.tx
    .insert(files)
    .values({
      companyId: ctx.companyId,
      id,
      uploadedBy: accountId,
      purpose,
      kind: checked.kind,
      name,
      contentType: checked.contentType,
      size: checked.kind === "image" ? checked.display.length : checked.bytes.length,
      width: checked.kind === "image" ? checked.width : null,
      height: checked.kind === "image" ? checked.height : null,
      displayKey,
      thumbKey,
    })
    .returning();
  if (!row) throw new Error("file not recorded");
  await audit(ctx, {
    action: "file.upload",
    entity: "file",
    entityId: id,
    changes: { purpose, kind: checked.kind, size: row.size },
  });
  return fileInfo(row);
}

/**
 * Attaches the signed-in person's own unclaimed uploads to what shows them (an announcement, a message); any
 * other id — someone else's file, one already attached, another purpose — refuses the whole request.
 */
export async function claimFiles(ctx: Ctx, ids: readonly string[], purpose: Purpose, ownerId: string) {
  if (ids.length === 0) return [];
  const claimed = await ctx.tx
    .update(files)
    .set({ attachedTo: ownerId })
    .where(
      and(
        eq(files.companyId, ctx.companyId),
        inArray(files.id, [...new Set(ids)]),
        eq(files.uploadedBy, ctx.actor.accountId ?? ""),
        eq(files.purpose, purpose),
        isNull(files.attachedTo),
      ),
    )
    .returning();
  if (claimed.length !== new Set(ids).size) throw errors.rule("FILES_UNAVAILABLE");
  return claimed.map(fileInfo);
}

/** The files attached to some resources, by resource, in upload order. */
export async function filesOf(ctx: Ctx, ownerIds: readonly string[]) {
  const byOwner = new Map<string, z.infer<typeof FileInfo>[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await ctx.tx
    .select()
    .from(files)
    .where(and(eq(files.companyId, ctx.companyId), inArray(files.attachedTo, [...ownerIds])))
    .orderBy(files.createdAt, files.id);
  for (const r of rows)
    byOwner.set(r.attachedTo as string, [...(byOwner.get(r.attachedTo as string) ?? []), fileInfo(r)]);
  return byOwner;
}

/**
 * A file's bytes for someone the owning module already let see the resource (`ownerIds`: the announcement, the
 * conversation's messages); any other file is not found.
 */
export async function readFile(
  ctx: Ctx,
  fileId: string,
  ownerIds: readonly string[] | null,
  variant: "display" | "thumbnail",
) {
  const [row] = await ctx.tx
    .select()
    .from(files)
    .where(
      and(
        eq(files.companyId, ctx.companyId),
        eq(files.id, fileId),
        ownerIds
          ? inArray(files.attachedTo, ownerIds.length > 0 ? [...ownerIds] : [fileId])
          : and(isNull(files.attachedTo), eq(files.uploadedBy, ctx.actor.accountId ?? "")),
      ),
    );
  if (!row) throw errors.notFound("file");
  const key = variant === "thumbnail" && row.thumbKey ? row.thumbKey : row.displayKey;
  const blob = await ctx.platform.storage.get(key);
  if (!blob) throw errors.notFound("file");
  return { name: row.name, contentType: blob.contentType, bytes: blob.bytes };
}

/** Removes the files of resources that go (an erased conversation, a purged one): rows now, bytes after commit. */
export async function deleteFilesOf(ctx: Ctx, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return 0;
  return removeWhere(ctx, inArray(files.attachedTo, [...ownerIds]));
}

/** Removes some files of one resource (those a draft no longer lists). */
export async function deleteFiles(ctx: Ctx, ownerId: string, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  return removeWhere(ctx, and(eq(files.attachedTo, ownerId), inArray(files.id, [...ids])));
}

async function removeWhere(ctx: Ctx, where: SQL | undefined) {
  const gone = await ctx.tx
    .delete(files)
    .where(and(eq(files.companyId, ctx.companyId), where))
    .returning();
  if (gone.length > 0) ctx.afterCommit(() => removeBlobs(ctx.platform, gone));
  return gone.length;
}

async function removeBlobs(platform: Platform, rows: readonly Row[]) {
  for (const r of rows) {
    await platform.storage.delete(r.displayKey);
    if (r.thumbKey) await platform.storage.delete(r.thumbKey);
  }
}

/** The hourly sweep: uploads no resource claimed within a day, in every company. */
export async function removeUnclaimed(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const cutoff = new Date(now.getTime() - UNCLAIMED_MS);
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    "select distinct company_id from files where attached_to is null and created_at < $1",
    [cutoff],
  );
  let removed = 0;
  for (const { company_id: companyId } of rows)
    removed += await asSystem(
      db,
      platform,
      companyId,
      "job:files-unclaimed",
      async (ctx) => {
        const gone = await ctx.tx
          .delete(files)
          .where(and(eq(files.companyId, companyId), isNull(files.attachedTo), lt(files.createdAt, cutoff)))
          .returning();
        ctx.afterCommit(() => removeBlobs(platform, gone));
        return gone.length;
      },
      log,
    );
  return { removed };
}
