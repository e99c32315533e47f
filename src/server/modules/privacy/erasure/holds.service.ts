import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { LegalHoldBody } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { errors } from "../../../platform/errors.js";
import { residentNames } from "../../registry/index.js";
import { legalHolds } from "./holds.table.js";

type Row = typeof legalHolds.$inferSelect;

async function toDtos(ctx: Ctx, rows: Row[]) {
  const names = await residentNames(
    ctx,
    rows.map((r) => r.residentId),
  );
  return rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    residentName: names.get(r.residentId)?.name ?? "",
    reason: r.reason,
    reference: r.reference,
    placedAt: r.placedAt.toISOString(),
    releasedAt: r.releasedAt?.toISOString() ?? null,
  }));
}

async function one(ctx: Ctx, row: Row) {
  const [dto] = await toDtos(ctx, [row]);
  if (!dto) throw new Error("hold vanished");
  return dto;
}

export async function listHolds(ctx: Ctx, residentId?: string) {
  const rows = await ctx.tx
    .select()
    .from(legalHolds)
    .where(
      and(
        eq(legalHolds.companyId, ctx.companyId),
        residentId ? eq(legalHolds.residentId, residentId) : undefined,
      ),
    )
    .orderBy(desc(legalHolds.placedAt))
    .limit(500);
  return { items: await toDtos(ctx, rows) };
}

/** An open dispute (a claim, a court case) keeps the person's data from erasure until it is released. */
export async function placeHold(ctx: Ctx, body: z.infer<typeof LegalHoldBody>) {
  if ((await residentNames(ctx, [body.residentId])).size === 0) throw errors.notFound("resident");
  const row = await insertOne(
    ctx.tx
      .insert(legalHolds)
      .values({
        companyId: ctx.companyId,
        residentId: body.residentId,
        reason: body.reason,
        reference: body.reference ?? null,
        placedBy: ctx.actor.accountId,
      })
      .returning(),
  );
  await audit(ctx, {
    action: "legal_hold.place",
    entity: "legal_hold",
    entityId: row.id,
    changes: { resident: body.residentId },
  });
  return one(ctx, row);
}

export async function releaseHold(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .update(legalHolds)
    .set({ releasedAt: new Date(), releasedBy: ctx.actor.accountId })
    .where(and(eq(legalHolds.companyId, ctx.companyId), eq(legalHolds.id, id)))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, { action: "legal_hold.release", entity: "legal_hold", entityId: id });
  return one(ctx, row);
}
