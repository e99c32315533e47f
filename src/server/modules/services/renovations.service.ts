import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type {
  CancelRequestBody,
  InspectionBody,
  Renovation,
  RenovationBody,
  RenovationDecideBody,
  RenovationListQuery,
} from "../../../contracts/services.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { unitIdsOrNone } from "../../platform/authz/actor.js";
import {
  abilitiesOf,
  authorize,
  authorizeVisible,
  buildingScope,
  subject,
} from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { chargeUnit, formatVnd, withdrawCharges } from "../billing/index.js";
import { claimFiles, filesOf, readFile } from "../files/index.js";
import { householdsOf, notifyEach } from "../notifications/index.js";
import { unitRef } from "../registry/index.js";
import { renovationPolicy } from "./services.policy.js";
import { renovations } from "./services.table.js";
import { renovationUpdateTemplate } from "./services.templates.js";

type Row = typeof renovations.$inferSelect;
type FileInfo = z.infer<typeof Renovation>["documents"][number];

const byId = (ctx: Ctx, id: string) => and(eq(renovations.companyId, ctx.companyId), eq(renovations.id, id));
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** A renovation is registered for a stretch of at most this many days. */
const MAX_DAYS = 120;

function view(ctx: Ctx, r: Row, documents: readonly FileInfo[]): z.infer<typeof Renovation> {
  return {
    id: r.id,
    buildingId: r.buildingId,
    unitId: r.unitId,
    unitCode: r.unitCode,
    contractor: r.contractor,
    contractorPhone: r.contractorPhone ?? "",
    workers: r.workers,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    description: r.description,
    documents: [...documents],
    status: r.status as z.infer<typeof Renovation>["status"],
    deposit: r.deposit,
    deducted: r.deducted,
    reason: r.reason,
    inspectionNote: r.inspectionNote,
    requestedAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    can: abilitiesOf(ctx.actor, renovationPolicy, r),
  };
}

async function views(ctx: Ctx, rows: readonly Row[]) {
  const files = await filesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(ctx, r, files.get(r.id) ?? []));
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx.select().from(renovations).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(renovationPolicy, row));
  return row;
}

async function one(ctx: Ctx, row: Row) {
  const [shown] = await views(ctx, [row]);
  return shown as z.infer<typeof Renovation>;
}

export async function listRenovations(ctx: Ctx, q: z.infer<typeof RenovationListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", renovationPolicy);
  const where: SQL | undefined = and(
    eq(renovations.companyId, ctx.companyId),
    ctx.actor.role === "resident"
      ? inArray(renovations.unitId, unitIdsOrNone(ctx.actor))
      : buildingScope(renovations.buildingId)(ctx.actor),
    q.buildingId ? eq(renovations.buildingId, q.buildingId) : undefined,
    q.unitId ? eq(renovations.unitId, q.unitId) : undefined,
    q.status ? eq(renovations.status, q.status) : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(renovations)
          .where(where)
          .orderBy(desc(renovations.createdAt), renovations.id)
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(renovations).where(where),
    },
    (r) => r,
  );
  return { ...page, items: await views(ctx, page.items) };
}

export async function getRenovation(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return one(ctx, await load(ctx, id));
}

/** The household registers a renovation with its contractor, dates, the work and its drawings. */
export async function registerRenovation(ctx: Ctx, body: z.infer<typeof RenovationBody>) {
  authorize(ctx.actor, "register", renovationPolicy);
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  const unit = await unitRef(ctx, body.unitId);
  if (body.startsOn < vnToday()) throw errors.validation({ startsOn: "DATE_PAST" });
  if ((Date.parse(body.endsOn) - Date.parse(body.startsOn)) / 86_400_000 > MAX_DAYS)
    throw errors.validation({ endsOn: "RENOVATION_TOO_LONG" });
  const row = await insertOne(
    ctx.tx
      .insert(renovations)
      .values({
        companyId: ctx.companyId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        unitCode: unit.code,
        requestedBy: ctx.actor.accountId,
        contractor: body.contractor,
        contractorPhone: body.contractorPhone,
        workers: body.workers,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        description: body.description,
      })
      .returning(),
  );
  await claimFiles(ctx, body.documents, "renovation", row.id);
  await audit(ctx, {
    action: "renovation.register",
    entity: "renovation",
    entityId: row.id,
    changes: {
      unit: unit.code,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      documents: body.documents.length,
    },
  });
  return one(ctx, row);
}

async function tell(ctx: Ctx, r: Row) {
  const households = await householdsOf(ctx, r.buildingId, [r.unitId]);
  await notifyEach(
    ctx,
    renovationUpdateTemplate,
    [
      {
        recipients: households.get(r.unitId) ?? [],
        data: {
          unit: r.unitCode,
          status: r.status as "approved",
          deposit: formatVnd(r.deposit),
          refunded: formatVnd(r.deposit - r.deducted),
          deducted: formatVnd(r.deducted),
          reason: r.reason ?? "",
        },
        link: "/app/renovations",
        sourceId: r.id,
      },
    ],
    { inbox: "renovation" },
  );
}

async function update(ctx: Ctx, id: string, values: Partial<Row>, action: string) {
  const [row] = await ctx.tx.update(renovations).set(values).where(byId(ctx, id)).returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, { action, entity: "renovation", entityId: id, changes: values });
  return row;
}

/** Approves (the deposit goes on the unit's fee notice) or refuses with a reason. */
export async function decideRenovation(ctx: Ctx, id: string, body: z.infer<typeof RenovationDecideBody>) {
  const before = await load(ctx, id);
  authorizeVisible(ctx.actor, "decide", subject(renovationPolicy, before));
  const decided = { decidedBy: ctx.actor.accountId, decidedAt: new Date() };
  let values: Partial<Row> = { status: "rejected", reason: body.approve ? null : body.reason, ...decided };
  if (body.approve) {
    const charge =
      body.deposit > 0
        ? await chargeUnit(ctx, {
            buildingId: before.buildingId,
            unitId: before.unitId,
            period: vnToday().slice(0, 7),
            kind: "deposit",
            description:
              ctx.lang === "en"
                ? `Renovation deposit ${before.unitCode}`
                : `Tiền cọc thi công căn ${before.unitCode}`,
            amount: body.deposit,
            source: "renovation",
            sourceId: before.id,
          })
        : null;
    values = { status: "approved", deposit: body.deposit, depositChargeId: charge?.id ?? null, ...decided };
  }
  const row = await update(ctx, id, values, body.approve ? "renovation.approve" : "renovation.reject");
  await tell(ctx, row);
  return one(ctx, row);
}

/**
 * The inspection at the end: the deposit is credited back on the next fee notice (or its charge cancelled if its
 * notice is not issued yet), and what is kept for damage is charged again as its own line, with the reason.
 */
export async function completeRenovation(ctx: Ctx, id: string, body: z.infer<typeof InspectionBody>) {
  const before = await load(ctx, id);
  authorizeVisible(ctx.actor, "complete", subject(renovationPolicy, before));
  if (body.deducted > before.deposit) throw errors.validation({ deducted: "DEDUCTION_OVER_DEPOSIT" });
  const en = ctx.lang === "en";
  if (before.depositChargeId)
    await withdrawCharges(ctx, [before.depositChargeId], () =>
      en ? `Renovation deposit refund ${before.unitCode}` : `Hoàn tiền cọc thi công căn ${before.unitCode}`,
    );
  const deduction =
    body.deducted > 0
      ? await chargeUnit(ctx, {
          buildingId: before.buildingId,
          unitId: before.unitId,
          period: vnToday().slice(0, 7),
          kind: "service_fee",
          description: en
            ? `Kept from the renovation deposit: ${body.reason ?? ""}`
            : `Khấu trừ tiền cọc thi công: ${body.reason ?? ""}`,
          amount: body.deducted,
          source: "renovation",
          sourceId: before.id,
        })
      : null;
  const row = await update(
    ctx,
    id,
    {
      status: "completed",
      inspectionNote: body.note,
      deducted: body.deducted,
      reason: body.deducted > 0 ? (body.reason ?? null) : null,
      deductionChargeId: deduction?.id ?? null,
      completedAt: new Date(),
    },
    "renovation.complete",
  );
  await tell(ctx, row);
  return one(ctx, row);
}

export async function cancelRenovation(ctx: Ctx, id: string, body: z.infer<typeof CancelRequestBody>) {
  const before = await load(ctx, id);
  authorizeVisible(ctx.actor, "cancel", subject(renovationPolicy, before));
  const row = await update(
    ctx,
    id,
    { status: "cancelled", reason: body.reason || null },
    "renovation.cancel",
  );
  return one(ctx, row);
}

/** A drawing of the renovation, for the household and the building's desk. */
export async function renovationFile(ctx: Ctx, id: string, fileId: string, variant: "display" | "thumbnail") {
  nothingToAudit(ctx);
  await load(ctx, id);
  return readFile(ctx, fileId, [id], variant);
}
