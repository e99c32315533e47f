import { randomInt } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import type {
  NewParcelBody,
  Parcel,
  ParcelListQuery,
  ParcelPickupBody,
} from "../../../contracts/reception.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { unitIdsOrNone } from "../../platform/authz/actor.js";
import { authorize, authorizeVisible, buildingScope, subject } from "../../platform/authz/can.js";
import type { Ctx, Platform } from "../../platform/context.js";
import type { Database } from "../../platform/db/client.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { asSystem } from "../../platform/jobs/system.js";
import { accountNames } from "../accounts/index.js";
import { claimFiles, filesOf, readFile } from "../files/index.js";
import { householdsOf, notifyEach } from "../notifications/index.js";
import { unitRef } from "../registry/index.js";
import { receptionPolicy } from "./reception.policy.js";
import { parcels } from "./reception.table.js";
import { parcelArrivedTemplate, parcelWaitingTemplate } from "./reception.templates.js";

type Row = typeof parcels.$inferSelect;
/** A parcel waiting this long is recalled to its household, then again as long again. */
export const REMIND_AFTER_DAYS = 3;
const DAY_MS = 24 * 3600_000;

const byId = (ctx: Ctx, id: string) => and(eq(parcels.companyId, ctx.companyId), eq(parcels.id, id));

async function load(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx.select().from(parcels).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(receptionPolicy, row));
  return row;
}

async function viewOf(ctx: Ctx, row: Row, handedOverBy: string | null = null) {
  const [view] = await toViews(ctx, [{ row, handedOverBy }]);
  if (!view) throw new Error("parcel view");
  return view;
}

async function toViews(ctx: Ctx, rows: { row: Row; handedOverBy: string | null }[]) {
  const photos = await filesOf(
    ctx,
    rows.map((r) => r.row.id),
  );
  return rows.map(
    ({ row, handedOverBy }): z.infer<typeof Parcel> => ({
      id: row.id,
      buildingId: row.buildingId,
      unitId: row.unitId,
      unitCode: row.unitCode,
      carrier: row.carrier,
      note: row.note,
      status: row.status as z.infer<typeof Parcel>["status"],
      receivedAt: row.receivedAt.toISOString(),
      pickedUpAt: row.pickedUpAt?.toISOString() ?? null,
      handedOverBy,
      collectedBy: row.collectedBy,
      photo: photos.get(row.id)?.[0] ?? null,
    }),
  );
}

function listQuery(ctx: Ctx, where: SQL | undefined) {
  const staff = accountNames(ctx.tx, "desk");
  return {
    rows: (limit: number, offset: number) =>
      ctx.tx
        .select({ row: parcels, handedOverBy: staff.displayName })
        .from(parcels)
        .leftJoin(staff, eq(staff.id, parcels.handedOverBy))
        .where(where)
        .orderBy(desc(parcels.receivedAt), desc(parcels.id))
        .limit(limit)
        .offset(offset),
    total: ctx.tx.select({ n: count() }).from(parcels).where(where),
  };
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/**
 * Reception records a parcel: it gets a pickup code no other waiting parcel of the building has (the partial
 * unique index decides, not a read before the write), and the household is told it is waiting.
 */
export async function receiveParcel(ctx: Ctx, body: z.infer<typeof NewParcelBody>) {
  const unit = await unitRef(ctx, body.unitId);
  authorizeVisible(
    ctx.actor,
    "desk",
    subject(receptionPolicy, { buildingId: unit.buildingId, unitId: unit.id }),
  );
  let row: Row | undefined;
  for (let attempt = 0; !row && attempt < 8; attempt++) {
    [row] = await ctx.tx
      .insert(parcels)
      .values({
        companyId: ctx.companyId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        unitCode: unit.code,
        carrier: body.carrier,
        note: body.note ?? null,
        code: newCode(),
        receivedBy: ctx.actor.accountId,
      })
      .onConflictDoNothing({
        target: [parcels.companyId, parcels.buildingId, parcels.code],
        where: sql`status = 'waiting'`,
      })
      .returning();
  }
  if (!row) throw new Error("no free pickup code after 8 tries");
  if (body.photo) await claimFiles(ctx, [body.photo], "parcel", row.id);
  await notifyEach(
    ctx,
    parcelArrivedTemplate,
    [
      {
        recipients: (await householdsOf(ctx, unit.buildingId, [unit.id])).get(unit.id) ?? [],
        data: { unit: unit.code, carrier: body.carrier },
        link: "/app/parcels",
        sourceId: row.id,
      },
    ],
    { inbox: "parcel" },
  );
  await audit(ctx, {
    action: "parcel.receive",
    entity: "parcel",
    entityId: row.id,
    changes: { unit: unit.code, carrier: body.carrier },
  });
  return viewOf(ctx, row);
}

/** The parcel whose code reception scanned or typed, among the waiting parcels of the buildings it covers. */
export async function parcelByCode(ctx: Ctx, code: string) {
  const [row] = await ctx.tx
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.companyId, ctx.companyId),
        eq(parcels.status, "waiting"),
        eq(parcels.code, code),
        buildingScope(parcels.buildingId)(ctx.actor),
      ),
    )
    .limit(1);
  return row ? viewOf(ctx, row) : undefined;
}

/**
 * Hands a waiting parcel over: the code the household shows works once (cleared as it is used); without one,
 * a manager records who collected it and why.
 */
export async function handOver(ctx: Ctx, id: string, body: z.infer<typeof ParcelPickupBody>) {
  const row = await load(ctx, id);
  authorizeVisible(ctx.actor, "desk", subject(receptionPolicy, row));
  if (row.status !== "waiting") throw errors.rule("PARCEL_NOT_WAITING");
  if ("code" in body) {
    if (body.code !== row.code) throw errors.validation({ code: "PARCEL_CODE_WRONG" });
  } else authorizeVisible(ctx.actor, "override", subject(receptionPolicy, row));
  const now = new Date();
  const [done] = await ctx.tx
    .update(parcels)
    .set({
      status: "picked_up",
      code: null,
      pickedUpAt: now,
      handedOverBy: ctx.actor.accountId,
      collectedBy: "code" in body ? null : body.collectedBy,
    })
    .where(and(byId(ctx, id), eq(parcels.status, "waiting")))
    .returning();
  // Two desks scanning the same code at once: the second finds it gone.
  if (!done) throw errors.rule("PARCEL_NOT_WAITING");
  await audit(ctx, {
    action: "code" in body ? "parcel.hand_over" : "parcel.hand_over_without_code",
    entity: "parcel",
    entityId: id,
    changes: "code" in body ? {} : { collectedBy: body.collectedBy, reason: body.reason },
  });
  return viewOf(ctx, done);
}

/** The desk's list: the parcels of the buildings it covers, newest first, by status. */
export async function listParcels(ctx: Ctx, q: z.infer<typeof ParcelListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "desk", receptionPolicy);
  const where = and(
    eq(parcels.companyId, ctx.companyId),
    buildingScope(parcels.buildingId)(ctx.actor),
    q.buildingId ? eq(parcels.buildingId, q.buildingId) : undefined,
    q.status ? eq(parcels.status, q.status) : undefined,
  );
  const page = await pageOf(q, listQuery(ctx, where), (r) => r);
  return { ...page, items: await toViews(ctx, page.items) };
}

/** The household's parcels: those waiting with their pickup code, then those collected in the last 30 days. */
export async function myParcels(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "household", receptionPolicy);
  const since = new Date(Date.now() - 30 * DAY_MS);
  const where = and(
    eq(parcels.companyId, ctx.companyId),
    inArray(parcels.unitId, unitIdsOrNone(ctx.actor)),
    or(eq(parcels.status, "waiting"), sql`${parcels.receivedAt} >= ${since}`),
  );
  const page = await pageOf(q, listQuery(ctx, where), (r) => r);
  const views = await toViews(ctx, page.items);
  return {
    ...page,
    items: views.map((v, i) => ({ ...v, code: page.items[i]?.row.code ?? null })),
  };
}

/** The label's photo, for the desk and the household. */
export async function parcelPhoto(ctx: Ctx, id: string, fileId: string, variant: "display" | "thumbnail") {
  await load(ctx, id);
  return readFile(ctx, fileId, [id], variant);
}

/** Households whose parcels have waited REMIND_AFTER_DAYS (and as long again since the last reminder) are told again. */
export async function remindUnclaimed(db: Database, platform: Platform, log: Logger, now = new Date()) {
  const cutoff = new Date(now.getTime() - REMIND_AFTER_DAYS * DAY_MS);
  const { rows } = await db.ownerSql.query<{ company_id: string }>(
    `select distinct company_id from parcels where status = 'waiting' and received_at < $1
       and (reminded_at is null or reminded_at < $1)`,
    [cutoff],
  );
  let reminded = 0;
  for (const { company_id: companyId } of rows)
    reminded += await asSystem(
      db,
      platform,
      companyId,
      "job:parcels-remind",
      async (ctx) => {
        const due = await ctx.tx
          .update(parcels)
          .set({ remindedAt: now })
          .where(
            and(
              eq(parcels.companyId, companyId),
              eq(parcels.status, "waiting"),
              lt(parcels.receivedAt, cutoff),
              or(isNull(parcels.remindedAt), lt(parcels.remindedAt, cutoff)),
            ),
          )
          .returning();
        const byBuilding = new Map<string, Row[]>();
        for (const p of due) byBuilding.set(p.buildingId, [...(byBuilding.get(p.buildingId) ?? []), p]);
        for (const [buildingId, list] of byBuilding) {
          const people = await householdsOf(
            ctx,
            buildingId,
            list.map((p) => p.unitId),
          );
          await notifyEach(
            ctx,
            parcelWaitingTemplate,
            list.map((p) => ({
              recipients: people.get(p.unitId) ?? [],
              data: {
                unit: p.unitCode,
                carrier: p.carrier,
                days: Math.floor((now.getTime() - p.receivedAt.getTime()) / DAY_MS),
              },
              link: "/app/parcels",
              sourceId: p.id,
            })),
            { inbox: "parcel" },
          );
        }
        return due.length;
      },
      log,
    );
  return { reminded };
}
