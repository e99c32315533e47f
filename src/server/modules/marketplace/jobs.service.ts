import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Job, JobAdvanceBody, JobDeliverBody, JobQuery } from "../../../contracts/marketplace.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { abilitiesOf, authorize, authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { maskPhone } from "../../platform/crypto/contact.js";
import { errors } from "../../platform/errors.js";
import { loadBuilding } from "../buildings/index.js";
import { disclose } from "../privacy/index.js";
import { residentContacts } from "../registry/index.js";
import { actingPartner } from "./acting-partner.js";
import { firstNameOf } from "./amounts.js";
import { jobPolicy } from "./marketplace.policy.js";
import { orderLines, orders } from "./marketplace.table.js";
import {
  disclosurePath,
  lineName,
  OPEN_STATUSES,
  type OrderRow,
  orderById,
  tellHousehold,
} from "./orders.service.js";

/*
 * The partner portal's jobs: an order seen by the partner's staff with only what the delivery needs, and only
 * while it is open. A closed job (delivered, cancelled, refunded) is not returned at all: the partner's access
 * to the recipient ends with the job.
 */

const STEP_TIME = { confirmed: "confirmedAt", preparing: "preparingAt", on_the_way: "onTheWayAt" } as const;
const STEP_ORDER = ["placed", "confirmed", "preparing", "on_the_way"];

async function jobViews(ctx: Ctx, rows: readonly OrderRow[]): Promise<Job[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const [lines, contacts, buildings] = await Promise.all([
    ctx.tx
      .select({
        orderId: orderLines.orderId,
        name: orderLines.name,
        nameEn: orderLines.nameEn,
        quantity: orderLines.quantity,
      })
      .from(orderLines)
      .where(and(eq(orderLines.companyId, ctx.companyId), inArray(orderLines.orderId, ids)))
      .orderBy(asc(orderLines.name)),
    residentContacts(
      ctx,
      rows.flatMap((o) => (o.residentId ? [o.residentId] : [])),
    ),
    Promise.all([...new Set(rows.map((o) => o.buildingId))].map((id) => loadBuilding(ctx, id))),
  ]);
  const phones = new Map(contacts.map((c) => [c.residentId, c.phone]));
  return rows.map((o) => {
    const building = buildings.find((b) => b.id === o.buildingId);
    const phone = o.residentId ? phones.get(o.residentId) : null;
    return {
      id: o.id,
      code: o.code,
      status: o.status as Job["status"],
      recipientFirstName: firstNameOf(o.buyerName ?? ""),
      unitCode: o.unitCode,
      buildingName: building?.name ?? "",
      buildingAddress: building?.address ?? "",
      maskedPhone: phone ? maskPhone(phone) : null,
      slotDate: o.slotDate,
      slot: o.slot as Job["slot"],
      delivery: o.delivery as Job["delivery"],
      note: o.note ?? "",
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({ name: lineName(ctx, l), quantity: l.quantity })),
      collect: o.payment === "cash" && o.paymentStatus === "unpaid" ? o.total : 0,
      can: abilitiesOf(ctx.actor, jobPolicy, { status: o.status }),
    };
  });
}

/** The partner's open jobs (of one day, when asked), by window. */
export async function listJobs(ctx: Ctx, q: z.infer<typeof JobQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", jobPolicy);
  const partner = await actingPartner(ctx);
  const rows = await ctx.tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.companyId, ctx.companyId),
        eq(orders.partnerId, partner.id),
        inArray(orders.status, [...OPEN_STATUSES]),
        q.date ? eq(orders.slotDate, q.date) : undefined,
      ),
    )
    .orderBy(asc(orders.slotDate), asc(orders.slot), asc(orders.placedAt))
    .limit(200);
  return { items: await jobViews(ctx, rows) };
}

/** One open job of the partner's, locked when it is about to change; anything else is not found. */
async function openJob(ctx: Ctx, id: string, lock = false): Promise<OrderRow> {
  authorize(ctx.actor, "read", jobPolicy);
  const partner = await actingPartner(ctx);
  const query = ctx.tx
    .select()
    .from(orders)
    .where(
      and(orderById(ctx, id), eq(orders.partnerId, partner.id), inArray(orders.status, [...OPEN_STATUSES])),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw errors.notFound("resource");
  return row;
}

async function oneView(ctx: Ctx, row: OrderRow): Promise<Job> {
  const [job] = await jobViews(ctx, [row]);
  if (!job) throw new Error("job view missing");
  return job;
}

export async function getJob(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return oneView(ctx, await openJob(ctx, id));
}

/** The partner confirms, starts preparing, sets off: forward only, each step timed, the household told. */
export async function advanceJob(ctx: Ctx, id: string, body: z.infer<typeof JobAdvanceBody>) {
  const before = await openJob(ctx, id, true);
  authorizeVisible(ctx.actor, "advance", subject(jobPolicy, { status: before.status }));
  if (STEP_ORDER.indexOf(body.status) <= STEP_ORDER.indexOf(before.status))
    throw errors.rule("JOB_STEP_BACKWARDS");
  const [row] = await ctx.tx
    .update(orders)
    .set({ status: body.status, [STEP_TIME[body.status]]: new Date() })
    .where(orderById(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "job.advance",
    entity: "order",
    entityId: id,
    changes: { status: [before.status, body.status] },
  });
  if (body.status !== "preparing") await tellHousehold(ctx, row, body.status);
  return oneView(ctx, row);
}

/**
 * The partner hands over the order against the code the household shows: the job closes (and with it the
 * partner's view of the recipient), cash on delivery is recorded as paid, the household is told.
 */
export async function deliverJob(ctx: Ctx, id: string, body: z.infer<typeof JobDeliverBody>) {
  const before = await openJob(ctx, id, true);
  authorizeVisible(ctx.actor, "deliver", subject(jobPolicy, { status: before.status }));
  if (body.code !== before.deliveryCode) throw errors.validation({ code: "DELIVERY_CODE_WRONG" });
  const now = new Date();
  const cash = before.payment === "cash" && before.paymentStatus === "unpaid";
  const [row] = await ctx.tx
    .update(orders)
    .set({
      status: "delivered",
      deliveredAt: now,
      ...(cash ? { paymentStatus: "paid", paidAt: now, paymentReference: "cash-on-delivery" } : {}),
    })
    .where(orderById(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "job.deliver",
    entity: "order",
    entityId: id,
    changes: { status: [before.status, "delivered"], ...(cash ? { collected: before.total } : {}) },
  });
  await tellHousehold(ctx, row, "delivered");
  return { id, status: "delivered" as const };
}

/** The recipient's phone, for an open job, given to the partner's person who asks and recorded as a disclosure. */
export async function revealPhone(ctx: Ctx, id: string) {
  const job = await openJob(ctx, id);
  authorizeVisible(ctx.actor, "reveal", subject(jobPolicy, { status: job.status }));
  const [contact] = job.residentId ? await residentContacts(ctx, [job.residentId]) : [];
  if (!job.residentId || !contact?.phone) throw errors.rule("PHONE_UNKNOWN");
  const partner = await actingPartner(ctx);
  await disclose(ctx, {
    path: disclosurePath(job),
    residentIds: [job.residentId],
    recipient: partner.displayName,
    fields: ["resident.phone"],
    purpose: `Liên hệ giao đơn ${job.code}`,
    legalBasis: "contract",
    reference: job.code,
  });
  await audit(ctx, {
    action: "job.reveal_phone",
    entity: "order",
    entityId: id,
    changes: { code: job.code },
  });
  return { phone: contact.phone };
}
