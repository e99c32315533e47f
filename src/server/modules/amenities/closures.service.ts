import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ClosureBody } from "../../../contracts/amenities.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { errors } from "../../platform/errors.js";
import { amenityPolicy } from "./amenities.policy.js";
import { closuresBetween, loadAmenity } from "./amenities.service.js";
import { amenityClosures } from "./amenities.table.js";
import { cancelForClosure } from "./bookings.service.js";

const closureView = (c: typeof amenityClosures.$inferSelect) => ({
  id: c.id,
  amenityId: c.amenityId,
  from: c.from.toISOString(),
  until: c.until.toISOString(),
  reason: c.reason,
});

/** The amenity's closures that are not over. */
export async function listClosures(ctx: Ctx, amenityId: string) {
  nothingToAudit(ctx);
  await loadAmenity(ctx, amenityId);
  const rows = await closuresBetween(ctx, amenityId, new Date());
  return { items: rows.map(closureView) };
}

/** Closes the amenity over a time: bookings in it are cancelled, their households told, nothing charged. */
export async function addClosure(ctx: Ctx, amenityId: string, body: z.infer<typeof ClosureBody>) {
  const amenity = await loadAmenity(ctx, amenityId);
  authorizeVisible(ctx.actor, "update", subject(amenityPolicy, amenity));
  const from = new Date(body.from);
  const until = new Date(body.until);
  if (until <= from) throw errors.validation({ until: "CLOSURE_RANGE" });
  const row = await insertOne(
    ctx.tx
      .insert(amenityClosures)
      .values({
        companyId: ctx.companyId,
        amenityId,
        from,
        until,
        reason: body.reason,
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  const cancelled = await cancelForClosure(ctx, amenity, from, until, body.reason);
  await audit(ctx, {
    action: "amenity.close",
    entity: "amenity",
    entityId: amenityId,
    changes: { from: body.from, until: body.until, reason: body.reason, cancelledBookings: cancelled },
  });
  return { ...closureView(row), cancelledBookings: cancelled };
}

export async function removeClosure(ctx: Ctx, amenityId: string, closureId: string) {
  const amenity = await loadAmenity(ctx, amenityId);
  authorizeVisible(ctx.actor, "update", subject(amenityPolicy, amenity));
  const [gone] = await ctx.tx
    .delete(amenityClosures)
    .where(
      and(
        eq(amenityClosures.companyId, ctx.companyId),
        eq(amenityClosures.amenityId, amenityId),
        eq(amenityClosures.id, closureId),
      ),
    )
    .returning();
  if (!gone) throw errors.notFound("resource");
  await audit(ctx, {
    action: "amenity.reopen",
    entity: "amenity",
    entityId: amenityId,
    changes: { from: gone.from.toISOString(), until: gone.until.toISOString() },
  });
}
