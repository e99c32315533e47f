import { and, count, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import type {
  GuestPass,
  NewGuestPassBody,
  Visit,
  VisitListQuery,
  WalkInBody,
} from "../../../contracts/reception.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorize, authorizeVisible, buildingScope, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { readableCode } from "../../platform/crypto/readable-code.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { notify } from "../notifications/index.js";
import { unitRef } from "../registry/index.js";
import { receptionPolicy } from "./reception.policy.js";
import { guestPasses, visits } from "./reception.table.js";
import { guestArrivedTemplate } from "./reception.templates.js";

type PassRow = typeof guestPasses.$inferSelect;
type VisitRow = typeof visits.$inferSelect;
/** A pass opens the door for at most this long. */
const MAX_WINDOW_MS = 7 * 24 * 3600_000;

function statusOf(p: PassRow, now: Date): z.infer<typeof GuestPass>["status"] {
  if (p.cancelledAt) return "cancelled";
  if (p.usedAt) return "used";
  return p.validUntil < now ? "expired" : "active";
}

const passView = (p: PassRow, checkedInAt: Date | null = p.usedAt): z.infer<typeof GuestPass> => ({
  id: p.id,
  unitId: p.unitId,
  unitCode: p.unitCode,
  guestName: p.guestName,
  guests: p.guests,
  plate: p.plate,
  validFrom: p.validFrom.toISOString(),
  validUntil: p.validUntil.toISOString(),
  code: p.code,
  status: statusOf(p, new Date()),
  checkedInAt: checkedInAt?.toISOString() ?? null,
});

const visitView = (v: VisitRow): z.infer<typeof Visit> => ({
  id: v.id,
  buildingId: v.buildingId,
  unitId: v.unitId,
  unitCode: v.unitCode,
  guestName: v.guestName,
  guests: v.guests,
  plate: v.plate,
  withPass: v.passId !== null,
  checkedInAt: v.checkedInAt.toISOString(),
  checkedOutAt: v.checkedOutAt?.toISOString() ?? null,
});

/** A resident registers a guest for one of their units: a pass with a code, valid in its window. */
export async function createPass(ctx: Ctx, body: z.infer<typeof NewGuestPassBody>) {
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  const unit = await unitRef(ctx, body.unitId);
  authorize(
    ctx.actor,
    "household",
    subject(receptionPolicy, { buildingId: unit.buildingId, unitId: unit.id }),
  );
  const from = new Date(body.validFrom);
  const until = new Date(body.validUntil);
  if (until <= from || until <= new Date()) throw errors.validation({ validUntil: "PASS_WINDOW" });
  if (until.getTime() - from.getTime() > MAX_WINDOW_MS)
    throw errors.validation({ validUntil: "PASS_TOO_LONG" });
  let row: PassRow | undefined;
  for (let attempt = 0; !row && attempt < 5; attempt++) {
    [row] = await ctx.tx
      .insert(guestPasses)
      .values({
        companyId: ctx.companyId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        unitCode: unit.code,
        createdBy: ctx.actor.accountId,
        guestName: body.guestName,
        guests: body.guests,
        plate: body.plate ? body.plate.toUpperCase().replace(/\s+/g, "") : null,
        validFrom: from,
        validUntil: until,
        code: readableCode(),
      })
      .onConflictDoNothing({ target: [guestPasses.companyId, guestPasses.code] })
      .returning();
  }
  if (!row) throw new Error("no free pass code after 5 tries");
  await audit(ctx, { action: "guest_pass.create", entity: "guest_pass", entityId: row.id });
  return passView(row);
}

/** The passes the resident made, latest first. */
export async function myPasses(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "household", receptionPolicy);
  const where = and(
    eq(guestPasses.companyId, ctx.companyId),
    eq(guestPasses.createdBy, ctx.actor.accountId ?? ""),
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(guestPasses)
          .where(where)
          .orderBy(desc(guestPasses.validFrom), desc(guestPasses.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(guestPasses).where(where),
    },
    (p) => passView(p),
  );
}

/** The resident cancels a pass not used yet. */
export async function cancelPass(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(guestPasses)
    .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.id, id)));
  if (!row || row.createdBy !== ctx.actor.accountId) throw errors.notFound("resource");
  if (row.usedAt) throw errors.rule("PASS_USED");
  const [done] = await ctx.tx
    .update(guestPasses)
    .set({ cancelledAt: new Date() })
    .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.id, id)))
    .returning();
  await audit(ctx, { action: "guest_pass.cancel", entity: "guest_pass", entityId: id });
  return passView(done ?? row);
}

/** The pass reception scanned or typed, in the buildings it covers. */
export async function passByCode(ctx: Ctx, code: string) {
  const [row] = await ctx.tx
    .select()
    .from(guestPasses)
    .where(
      and(
        eq(guestPasses.companyId, ctx.companyId),
        eq(guestPasses.code, code.toUpperCase()),
        buildingScope(guestPasses.buildingId)(ctx.actor),
      ),
    );
  return row ? passView(row) : undefined;
}

async function host(ctx: Ctx, pass: PassRow) {
  if (!pass.createdBy) return;
  await notify(
    ctx,
    [{ accountId: pass.createdBy }],
    guestArrivedTemplate,
    { guest: pass.guestName, guests: pass.guests },
    { inbox: "visitor", link: "/app/guests", sourceId: pass.id },
  );
}

/**
 * Reception checks a guest in with their pass: only within its window (a few minutes early is fine), once, and
 * not after it was cancelled. The visit goes into the building's log and the host is told.
 */
export async function checkInPass(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(guestPasses)
    .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.id, id)));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "desk", subject(receptionPolicy, row));
  const now = new Date();
  const early = 30 * 60_000;
  if (row.cancelledAt) throw errors.rule("PASS_CANCELLED");
  if (row.usedAt) throw errors.rule("PASS_USED");
  if (now > row.validUntil) throw errors.rule("PASS_EXPIRED");
  if (now.getTime() < row.validFrom.getTime() - early) throw errors.rule("PASS_NOT_YET");
  const [used] = await ctx.tx
    .update(guestPasses)
    .set({ usedAt: now })
    .where(and(eq(guestPasses.companyId, ctx.companyId), eq(guestPasses.id, id), isNull(guestPasses.usedAt)))
    .returning();
  if (!used) throw errors.rule("PASS_USED");
  const [visit] = await ctx.tx
    .insert(visits)
    .values({
      companyId: ctx.companyId,
      buildingId: row.buildingId,
      unitId: row.unitId,
      unitCode: row.unitCode,
      passId: row.id,
      guestName: row.guestName,
      guests: row.guests,
      plate: row.plate,
      recordedBy: ctx.actor.accountId,
      checkedInAt: now,
    })
    .returning();
  await host(ctx, row);
  await audit(ctx, { action: "visit.check_in", entity: "visit", entityId: visit?.id ?? null });
  if (!visit) throw new Error("visit not recorded");
  return visitView(visit);
}

/** A guest without a pass, recorded by reception (who checked with the household as the building requires). */
export async function walkIn(ctx: Ctx, body: z.infer<typeof WalkInBody>) {
  const unit = await unitRef(ctx, body.unitId);
  authorizeVisible(
    ctx.actor,
    "desk",
    subject(receptionPolicy, { buildingId: unit.buildingId, unitId: unit.id }),
  );
  const [visit] = await ctx.tx
    .insert(visits)
    .values({
      companyId: ctx.companyId,
      buildingId: unit.buildingId,
      unitId: unit.id,
      unitCode: unit.code,
      guestName: body.guestName,
      guests: body.guests,
      plate: body.plate ? body.plate.toUpperCase().replace(/\s+/g, "") : null,
      recordedBy: ctx.actor.accountId,
    })
    .returning();
  if (!visit) throw new Error("visit not recorded");
  await audit(ctx, { action: "visit.walk_in", entity: "visit", entityId: visit.id });
  return visitView(visit);
}

/** The guest leaves. */
export async function checkOut(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(visits)
    .where(and(eq(visits.companyId, ctx.companyId), eq(visits.id, id)));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "desk", subject(receptionPolicy, row));
  if (row.checkedOutAt) throw errors.rule("VISIT_ENDED");
  const [done] = await ctx.tx
    .update(visits)
    .set({ checkedOutAt: new Date() })
    .where(and(eq(visits.companyId, ctx.companyId), eq(visits.id, id)))
    .returning();
  await audit(ctx, { action: "visit.check_out", entity: "visit", entityId: id });
  return visitView(done ?? row);
}

/** The visitor log of the buildings the desk covers, latest first; `inside`: those not checked out. */
export async function listVisits(ctx: Ctx, q: z.infer<typeof VisitListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "desk", receptionPolicy);
  const where: SQL | undefined = and(
    eq(visits.companyId, ctx.companyId),
    buildingScope(visits.buildingId)(ctx.actor),
    q.buildingId ? eq(visits.buildingId, q.buildingId) : undefined,
    q.inside ? isNull(visits.checkedOutAt) : undefined,
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(visits)
          .where(where)
          .orderBy(desc(visits.checkedInAt), desc(visits.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(visits).where(where),
    },
    visitView,
  );
}

/**
 * The visitor log and the passes past the company's retention period go (the guests' names and plates are kept
 * only as long as the building's security needs them).
 */
export async function purgeVisitorsBefore(ctx: Ctx, cutoff: Date): Promise<number> {
  const gone = await ctx.tx
    .delete(visits)
    .where(and(eq(visits.companyId, ctx.companyId), lt(visits.checkedInAt, cutoff)))
    .returning({ id: visits.id });
  const passes = await ctx.tx
    .delete(guestPasses)
    .where(
      and(
        eq(guestPasses.companyId, ctx.companyId),
        lt(guestPasses.validUntil, cutoff),
        or(isNull(guestPasses.usedAt), lt(guestPasses.usedAt, cutoff)),
      ),
    )
    .returning({ id: guestPasses.id });
  const removed = gone.length + passes.length;
  if (removed > 0) ctx.afterCommit(() => ctx.platform.compactTables(["visits", "guest_passes"]));
  return removed;
}
