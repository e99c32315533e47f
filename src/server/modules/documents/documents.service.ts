import { and, count, desc, eq, exists, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import type {
  Acknowledgement,
  Document,
  DocumentBody,
  DocumentListQuery,
  DocumentPatch,
  VersionBody,
} from "../../../contracts/documents.js";
import type { FileInfo } from "../../../contracts/files.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import {
  abilitiesOf,
  authorize,
  authorizeVisible,
  buildingScope,
  subject,
} from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { loadBuilding } from "../buildings/index.js";
import { claimFiles, filesOf, readFile } from "../files/index.js";
import { notify } from "../notifications/index.js";
import { buildingResidents, householdRolesOf, residentNames, unitRef } from "../registry/index.js";
import { documentPolicy } from "./documents.policy.js";
import { documentAcknowledgements, documents, documentVersions } from "./documents.table.js";
import { toAcknowledgeTemplate } from "./documents.templates.js";

type Row = typeof documents.$inferSelect;
type VersionRow = typeof documentVersions.$inferSelect;
const NONE = "00000000-0000-0000-0000-000000000000";

const byId = (ctx: Ctx, id: string) => and(eq(documents.companyId, ctx.companyId), eq(documents.id, id));
const record = (d: Row) => ({
  buildingId: d.buildingId,
  audience: d.audience,
  requiresAck: d.requiresAck,
  archived: d.archivedAt !== null,
});

/** The buildings a resident lives in, and those where they own a unit ("owners only" documents). */
async function residentReach(ctx: Ctx) {
  const roles = ctx.actor.accountId ? await householdRolesOf(ctx, ctx.actor.accountId) : [];
  return {
    buildings: [...new Set(roles.map((r) => r.buildingId)), NONE],
    owned: [...new Set(roles.filter((r) => r.role === "owner").map((r) => r.buildingId)), NONE],
  };
}

/** What of the library the asker may see: the staff their buildings' (the board not the staff's own). */
async function visible(ctx: Ctx): Promise<SQL | undefined> {
  if (ctx.actor.role === "resident") {
    const reach = await residentReach(ctx);
    return and(
      isNull(documents.archivedAt),
      or(
        and(eq(documents.audience, "residents"), inArray(documents.buildingId, reach.buildings)),
        and(eq(documents.audience, "owners"), inArray(documents.buildingId, reach.owned)),
      ),
    );
  }
  return and(
    buildingScope(documents.buildingId)(ctx.actor),
    ctx.actor.role === "owners_board" ? ne(documents.audience, "staff") : undefined,
  );
}

/** A document the asker may see; any other is not found. */
async function load(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(documents)
    .where(and(byId(ctx, id), await visible(ctx)));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(documentPolicy, record(row)));
  return row;
}

async function versionsOf(ctx: Ctx, keys: readonly { id: string; version?: number }[]) {
  if (keys.length === 0) return [];
  return ctx.tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.companyId, ctx.companyId),
        inArray(
          documentVersions.documentId,
          keys.map((k) => k.id),
        ),
      ),
    )
    .orderBy(desc(documentVersions.version));
}

/** The people a document asks to acknowledge it: accounts living in its building (owners, for owners only). */
async function ackAudience(ctx: Ctx, d: Pick<Row, "buildingId" | "audience">) {
  const people = await buildingResidents(ctx, d.buildingId, {
    roles: d.audience === "owners" ? ["owner"] : [],
  });
  const accounts = new Map<string, { residentId: string; unitCode: string }>();
  for (const p of people)
    if (p.accountId && !p.erased && !accounts.has(p.accountId))
      accounts.set(p.accountId, { residentId: p.residentId, unitCode: p.unitCode });
  return accounts;
}

async function acknowledgementsOf(ctx: Ctx, rows: readonly Row[]) {
  if (rows.length === 0) return [];
  return ctx.tx
    .select()
    .from(documentAcknowledgements)
    .where(
      and(
        eq(documentAcknowledgements.companyId, ctx.companyId),
        or(
          ...rows.map((d) =>
            and(
              eq(documentAcknowledgements.documentId, d.id),
              eq(documentAcknowledgements.version, d.currentVersion),
            ),
          ),
        ),
      ),
    );
}

/** The documents as the asker sees them: the current version's file, their own acknowledgement, the staff's figures. */
async function views(ctx: Ctx, rows: readonly Row[]): Promise<z.infer<typeof Document>[]> {
  const versions = await versionsOf(ctx, rows);
  const current = new Map(
    versions
      .filter((v) => rows.some((d) => d.id === v.documentId && d.currentVersion === v.version))
      .map((v) => [v.documentId, v]),
  );
  const files = await filesOf(
    ctx,
    [...current.values()].map((v) => v.id),
  );
  const acks = await acknowledgementsOf(
    ctx,
    rows.filter((d) => d.requiresAck),
  );
  const staff = ctx.actor.role !== "resident";
  const audiences = new Map<string, Map<string, unknown>>();
  if (staff)
    for (const d of rows.filter((r) => r.requiresAck)) {
      const key = `${d.buildingId}/${d.audience}`;
      if (!audiences.has(key)) audiences.set(key, await ackAudience(ctx, d));
    }
  return rows.map((d) => {
    const v = current.get(d.id);
    const file = v ? files.get(v.id)?.[0] : undefined;
    if (!v || !file) throw new Error(`document ${d.id} has no file for version ${d.currentVersion}`);
    const mine = acks.find((a) => a.documentId === d.id && a.accountId === ctx.actor.accountId);
    const audience = audiences.get(`${d.buildingId}/${d.audience}`);
    return {
      id: d.id,
      buildingId: d.buildingId,
      category: d.category as z.infer<typeof Document>["category"],
      title: d.title,
      description: d.description,
      audience: d.audience as z.infer<typeof Document>["audience"],
      requiresAck: d.requiresAck,
      archived: d.archivedAt !== null,
      current: versionView(v, file),
      updatedAt: d.updatedAt.toISOString(),
      acknowledgedAt: mine?.acknowledgedAt.toISOString() ?? null,
      acknowledgements: audience
        ? {
            done: acks.filter((a) => a.documentId === d.id && audience.has(a.accountId)).length,
            audience: audience.size,
          }
        : null,
      can: abilitiesOf(ctx.actor, documentPolicy, record(d)),
    };
  });
}

const versionView = (v: VersionRow, file: z.infer<typeof FileInfo>) => ({
  version: v.version,
  note: v.note,
  publishedAt: v.publishedAt.toISOString(),
  file,
});

export async function listDocuments(ctx: Ctx, q: z.infer<typeof DocumentListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", documentPolicy);
  const resident = ctx.actor.role === "resident";
  if (resident && q.unitId && !ctx.actor.unitIds.includes(q.unitId)) throw errors.notFound("unit");
  const unitBuilding = q.unitId ? (await unitRef(ctx, q.unitId)).buildingId : undefined;
  const mine = and(
    eq(documentAcknowledgements.companyId, documents.companyId),
    eq(documentAcknowledgements.documentId, documents.id),
    eq(documentAcknowledgements.version, documents.currentVersion),
    eq(documentAcknowledgements.accountId, ctx.actor.accountId ?? NONE),
  );
  const where = and(
    eq(documents.companyId, ctx.companyId),
    await visible(ctx),
    q.buildingId ? eq(documents.buildingId, q.buildingId) : undefined,
    unitBuilding ? eq(documents.buildingId, unitBuilding) : undefined,
    q.category ? eq(documents.category, q.category) : undefined,
    q.q ? sql`${documents.title} ilike ${containing(q.q)}` : undefined,
    resident ? undefined : q.archived ? isNotNull(documents.archivedAt) : isNull(documents.archivedAt),
    q.toAcknowledge
      ? and(
          eq(documents.requiresAck, true),
          sql`not ${exists(ctx.tx.select({ one: sql`1` }).from(documentAcknowledgements).where(mine))}`,
        )
      : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(documents)
          .where(where)
          .orderBy(desc(documents.updatedAt), documents.id)
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(documents).where(where),
    },
    (r) => r,
  );
  return { ...page, items: await views(ctx, page.items) };
}

export async function getDocument(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  const [view] = await views(ctx, [await load(ctx, id)]);
  return view as z.infer<typeof Document>;
}

/** Publishes a document with its first version, and asks its audience to acknowledge it where it should. */
export async function createDocument(ctx: Ctx, body: z.infer<typeof DocumentBody>) {
  const building = await loadBuilding(ctx, body.buildingId);
  authorizeVisible(
    ctx.actor,
    "update",
    subject(documentPolicy, {
      buildingId: building.id,
      audience: body.audience,
      requiresAck: false,
      archived: false,
    }),
  );
  assertAckAudience(body);
  const row = await insertOne(
    ctx.tx
      .insert(documents)
      .values({
        companyId: ctx.companyId,
        buildingId: building.id,
        category: body.category,
        title: body.title,
        description: body.description || null,
        audience: body.audience,
        requiresAck: body.requiresAck,
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  await publishVersion(ctx, row, 1, body.fileId, body.note);
  const { fileId: _file, ...changes } = body;
  await audit(ctx, { action: "document.create", entity: "document", entityId: row.id, changes });
  await askToAcknowledge(ctx, row);
  return getDocument(ctx, row.id);
}

function assertAckAudience(d: { requiresAck?: boolean; audience?: string }) {
  if (d.requiresAck && d.audience !== "residents" && d.audience !== "owners")
    throw errors.validation({ requiresAck: "DOCUMENT_ACK_AUDIENCE" });
}

async function publishVersion(ctx: Ctx, d: Row, version: number, fileId: string, note?: string) {
  const v = await insertOne(
    ctx.tx
      .insert(documentVersions)
      .values({
        companyId: ctx.companyId,
        documentId: d.id,
        version,
        fileId,
        note: note || null,
        publishedBy: ctx.actor.accountId,
      })
      .returning(),
  );
  await claimFiles(ctx, [fileId], "document", v.id);
  return v;
}

/** The audience of a document that asks for acknowledgement hears that it has something to read. */
async function askToAcknowledge(ctx: Ctx, d: Row) {
  if (!d.requiresAck || d.archivedAt) return;
  const audience = await ackAudience(ctx, d);
  await notify(
    ctx,
    [...audience.entries()].map(([accountId, p]) => ({
      accountId,
      residentId: p.residentId,
      unitCode: p.unitCode,
    })),
    toAcknowledgeTemplate,
    { title: d.title, version: d.currentVersion },
    { link: `/app/documents/${d.id}`, sourceId: d.id, inbox: "document" },
  );
}

export async function updateDocument(ctx: Ctx, id: string, patch: z.infer<typeof DocumentPatch>) {
  const before = await load(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(documentPolicy, record(before)));
  assertAckAudience({ ...before, ...patch });
  const { archived, ...fields } = patch;
  const [row] = await ctx.tx
    .update(documents)
    .set({
      ...fields,
      ...(fields.description !== undefined ? { description: fields.description || null } : {}),
      ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
      updatedAt: new Date(),
    })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  const changes = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [
      k,
      [k === "archived" ? before.archivedAt !== null : before[k as keyof Row], v],
    ]),
  );
  await audit(ctx, { action: "document.update", entity: "document", entityId: id, changes });
  if (row.requiresAck && !before.requiresAck) await askToAcknowledge(ctx, row);
  return getDocument(ctx, id);
}

/** A new version becomes the current one; residents are asked to acknowledge it afresh. */
export async function addVersion(ctx: Ctx, id: string, body: z.infer<typeof VersionBody>) {
  const before = await load(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(documentPolicy, record(before)));
  if (before.archivedAt) throw errors.rule("DOCUMENT_ARCHIVED");
  // The row lock orders two new versions of one document: each gets its own number.
  const [locked] = await ctx.tx.select().from(documents).where(byId(ctx, id)).for("update");
  const version = (locked?.currentVersion ?? before.currentVersion) + 1;
  await publishVersion(ctx, before, version, body.fileId, body.note);
  const [row] = await ctx.tx
    .update(documents)
    .set({ currentVersion: version, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "document.version",
    entity: "document",
    entityId: id,
    changes: { version, note: body.note ?? null },
  });
  await askToAcknowledge(ctx, row);
  return getDocument(ctx, id);
}

export async function listVersions(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  const d = await load(ctx, id);
  // Residents see the version in force; the staff its history.
  const rows = (await versionsOf(ctx, [d])).filter(
    (v) => ctx.actor.role !== "resident" || v.version === d.currentVersion,
  );
  const files = await filesOf(
    ctx,
    rows.map((v) => v.id),
  );
  return {
    items: rows.flatMap((v) => {
      const file = files.get(v.id)?.[0];
      return file ? [versionView(v, file)] : [];
    }),
  };
}

/** A version's file: residents only the version in force's. */
export async function documentFile(ctx: Ctx, id: string, fileId: string, variant: "display" | "thumbnail") {
  nothingToAudit(ctx);
  const d = await load(ctx, id);
  const v = (await versionsOf(ctx, [d])).find((r) => r.fileId === fileId);
  if (!v || (ctx.actor.role === "resident" && v.version !== d.currentVersion)) throw errors.notFound("file");
  return readFile(ctx, v.fileId, [v.id], variant);
}

/** "Read and acknowledged" of the current version, once; a second time changes nothing. */
export async function acknowledge(ctx: Ctx, id: string) {
  const d = await load(ctx, id);
  authorizeVisible(ctx.actor, "acknowledge", subject(documentPolicy, record(d)));
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.forbidden();
  const [added] = await ctx.tx
    .insert(documentAcknowledgements)
    .values({ companyId: ctx.companyId, documentId: id, version: d.currentVersion, accountId })
    .onConflictDoNothing()
    .returning();
  if (added)
    await audit(ctx, {
      action: "document.acknowledge",
      entity: "document",
      entityId: id,
      changes: { version: d.currentVersion },
    });
  else nothingToAudit(ctx);
  return getDocument(ctx, id);
}

/** Who of the audience acknowledged the current version, the latest first. */
export async function listAcknowledgements(ctx: Ctx, id: string, q: PageQuery) {
  nothingToAudit(ctx);
  const d = await load(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(documentPolicy, record(d)));
  const audience = await ackAudience(ctx, d);
  const where = and(
    eq(documentAcknowledgements.companyId, ctx.companyId),
    eq(documentAcknowledgements.documentId, id),
    eq(documentAcknowledgements.version, d.currentVersion),
    inArray(documentAcknowledgements.accountId, [...audience.keys(), NONE]),
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(documentAcknowledgements)
          .where(where)
          .orderBy(desc(documentAcknowledgements.acknowledgedAt))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(documentAcknowledgements).where(where),
    },
    (r) => r,
  );
  const names = await residentNames(
    ctx,
    page.items.flatMap((a) => {
      const p = audience.get(a.accountId);
      return p ? [p.residentId] : [];
    }),
  );
  const items: z.infer<typeof Acknowledgement>[] = page.items.map((a) => {
    const p = audience.get(a.accountId);
    return {
      name: (p && names.get(p.residentId)?.name) ?? "",
      unitCode: p?.unitCode ?? null,
      version: a.version,
      acknowledgedAt: a.acknowledgedAt.toISOString(),
    };
  });
  return { ...page, items };
}
