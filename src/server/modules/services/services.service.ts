import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type {
  CancelRequestBody,
  DecideBody,
  ScheduleBody,
  Service,
  ServiceBody,
  ServiceListQuery,
  ServicePatch,
  ServiceRequest,
  ServiceRequestBody,
  ServiceRequestListQuery,
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
import { errors, pgCause } from "../../platform/errors.js";
import { chargeUnit } from "../billing/index.js";
import { loadBuilding } from "../buildings/index.js";
import { householdsOf, notifyEach } from "../notifications/index.js";
import { buildingsOfUnits, unitRef } from "../registry/index.js";
import { servicePolicy, serviceRequestPolicy } from "./services.policy.js";
import { buildingServices, serviceRequests } from "./services.table.js";
import { requestUpdateTemplate } from "./services.templates.js";

type ServiceRow = typeof buildingServices.$inferSelect;
type RequestRow = typeof serviceRequests.$inferSelect;
type Window = "morning" | "afternoon";

const serviceById = (ctx: Ctx, id: string) =>
  and(eq(buildingServices.companyId, ctx.companyId), eq(buildingServices.id, id));
const requestById = (ctx: Ctx, id: string) =>
  and(eq(serviceRequests.companyId, ctx.companyId), eq(serviceRequests.id, id));
/** Today in Vietnam (YYYY-MM-DD): requests are for days to come. */
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function serviceView(ctx: Ctx, s: ServiceRow): z.infer<typeof Service> {
  return {
    id: s.id,
    buildingId: s.buildingId,
    kind: s.kind as z.infer<typeof Service>["kind"],
    name: s.name,
    description: s.description,
    fee: s.fee,
    needsApproval: s.needsApproval,
    active: s.active,
    can: abilitiesOf(ctx.actor, servicePolicy, s),
  };
}

function requestView(ctx: Ctx, r: RequestRow, serviceName: string): z.infer<typeof ServiceRequest> {
  return {
    id: r.id,
    buildingId: r.buildingId,
    serviceId: r.serviceId,
    serviceName,
    kind: r.kind as z.infer<typeof ServiceRequest>["kind"],
    unitId: r.unitId,
    unitCode: r.unitCode,
    status: r.status as z.infer<typeof ServiceRequest>["status"],
    preferredOn: r.preferredOn,
    window: r.window as Window | null,
    scheduledOn: r.scheduledOn,
    scheduledWindow: r.scheduledWindow as Window | null,
    note: r.note,
    reason: r.reason,
    fee: r.fee,
    requestedAt: r.createdAt.toISOString(),
    doneAt: r.doneAt?.toISOString() ?? null,
    can: abilitiesOf(ctx.actor, serviceRequestPolicy, r),
  };
}

async function loadService(ctx: Ctx, id: string): Promise<ServiceRow> {
  const [row] = await ctx.tx.select().from(buildingServices).where(serviceById(ctx, id));
  if (!row) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(servicePolicy, row));
  if (
    ctx.actor.role === "resident" &&
    !(await buildingsOfUnits(ctx, ctx.actor.unitIds)).includes(row.buildingId)
  )
    throw errors.notFound("resource");
  return row;
}

export async function listServices(ctx: Ctx, q: z.infer<typeof ServiceListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", servicePolicy);
  const resident = ctx.actor.role === "resident";
  if (resident && q.unitId && !ctx.actor.unitIds.includes(q.unitId)) throw errors.notFound("unit");
  const unitBuilding = q.unitId ? (await unitRef(ctx, q.unitId)).buildingId : undefined;
  const where = and(
    eq(buildingServices.companyId, ctx.companyId),
    resident
      ? and(
          inArray(buildingServices.buildingId, [
            ...(await buildingsOfUnits(ctx, ctx.actor.unitIds)),
            "00000000-0000-0000-0000-000000000000",
          ]),
          eq(buildingServices.active, true),
        )
      : buildingScope(buildingServices.buildingId)(ctx.actor),
    q.buildingId ? eq(buildingServices.buildingId, q.buildingId) : undefined,
    unitBuilding ? eq(buildingServices.buildingId, unitBuilding) : undefined,
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(buildingServices)
          .where(where)
          .orderBy(buildingServices.kind, buildingServices.name)
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(buildingServices).where(where),
    },
    (s) => serviceView(ctx, s),
  );
}

export async function createService(ctx: Ctx, body: z.infer<typeof ServiceBody>) {
  const building = await loadBuilding(ctx, body.buildingId);
  authorizeVisible(ctx.actor, "update", subject(servicePolicy, { buildingId: building.id }));
  const row = await insertOne(
    ctx.tx
      .insert(buildingServices)
      .values({ ...body, description: body.description || null, companyId: ctx.companyId })
      .returning(),
  );
  await audit(ctx, { action: "service.create", entity: "service", entityId: row.id, changes: body });
  return serviceView(ctx, row);
}

export async function updateService(ctx: Ctx, id: string, patch: z.infer<typeof ServicePatch>) {
  const before = await loadService(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(servicePolicy, before));
  const [row] = await ctx.tx.update(buildingServices).set(patch).where(serviceById(ctx, id)).returning();
  if (!row) throw errors.notFound("resource");
  const changes = Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, [before[k as keyof ServiceRow], v]]),
  );
  await audit(ctx, { action: "service.update", entity: "service", entityId: id, changes });
  return serviceView(ctx, row);
}

function requestQuery(ctx: Ctx, where: SQL | undefined) {
  return {
    rows: (limit: number, offset: number) =>
      ctx.tx
        .select({ r: serviceRequests, name: buildingServices.name })
        .from(serviceRequests)
        .innerJoin(
          buildingServices,
          and(
            eq(buildingServices.companyId, serviceRequests.companyId),
            eq(buildingServices.id, serviceRequests.serviceId),
          ),
        )
        .where(where)
        .orderBy(desc(serviceRequests.createdAt), serviceRequests.id)
        .limit(limit)
        .offset(offset),
    total: ctx.tx.select({ n: count() }).from(serviceRequests).where(where),
  };
}

async function loadRequest(ctx: Ctx, id: string) {
  const [found] = await requestQuery(ctx, requestById(ctx, id)).rows(1, 0);
  if (!found) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "read", subject(serviceRequestPolicy, found.r));
  return found;
}

export async function listRequests(ctx: Ctx, q: z.infer<typeof ServiceRequestListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", serviceRequestPolicy);
  const resident = ctx.actor.role === "resident";
  const where = and(
    eq(serviceRequests.companyId, ctx.companyId),
    resident
      ? inArray(serviceRequests.unitId, unitIdsOrNone(ctx.actor))
      : buildingScope(serviceRequests.buildingId)(ctx.actor),
    q.buildingId ? eq(serviceRequests.buildingId, q.buildingId) : undefined,
    q.unitId ? eq(serviceRequests.unitId, q.unitId) : undefined,
    q.status ? eq(serviceRequests.status, q.status) : undefined,
    q.open ? inArray(serviceRequests.status, ["requested", "approved"]) : undefined,
  );
  return pageOf(q, requestQuery(ctx, where), ({ r, name }) => requestView(ctx, r, name));
}

export async function getRequest(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  const { r, name } = await loadRequest(ctx, id);
  return requestView(ctx, r, name);
}

/** A household asks for a service for one of its units; one without approval is approved at once. */
export async function requestService(ctx: Ctx, body: z.infer<typeof ServiceRequestBody>) {
  authorize(ctx.actor, "request", servicePolicy);
  if (!ctx.actor.unitIds.includes(body.unitId)) throw errors.notFound("unit");
  const service = await loadService(ctx, body.serviceId);
  const unit = await unitRef(ctx, body.unitId);
  if (unit.buildingId !== service.buildingId)
    throw errors.validation({ serviceId: "SERVICE_OTHER_BUILDING" });
  if (!service.active) throw errors.rule("SERVICE_INACTIVE");
  if (body.preferredOn < vnToday()) throw errors.validation({ preferredOn: "DATE_PAST" });
  if (service.kind === "moving" && !body.window) throw errors.validation({ window: "FIELD_REQUIRED" });
  const row = await insertOne(
    ctx.tx
      .insert(serviceRequests)
      .values({
        companyId: ctx.companyId,
        buildingId: service.buildingId,
        serviceId: service.id,
        kind: service.kind,
        unitId: unit.id,
        unitCode: unit.code,
        requestedBy: ctx.actor.accountId,
        status: service.needsApproval ? "requested" : "approved",
        preferredOn: body.preferredOn,
        window: service.kind === "moving" ? (body.window ?? null) : null,
        note: body.note || null,
        fee: service.fee,
      })
      .returning(),
  );
  await audit(ctx, {
    action: "service_request.create",
    entity: "service_request",
    entityId: row.id,
    changes: { service: service.name, unit: unit.code, preferredOn: body.preferredOn, window: row.window },
  });
  return requestView(ctx, row, service.name);
}

async function setStatus(ctx: Ctx, id: string, values: Partial<RequestRow>, action: string) {
  const [row] = await ctx.tx.update(serviceRequests).set(values).where(requestById(ctx, id)).returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, { action, entity: "service_request", entityId: id, changes: values });
  return row;
}

/** Tells the household what became of its request, in the app and on its channels. */
async function tell(ctx: Ctx, r: RequestRow, serviceName: string) {
  const households = await householdsOf(ctx, r.buildingId, [r.unitId]);
  await notifyEach(
    ctx,
    requestUpdateTemplate,
    [
      {
        recipients: households.get(r.unitId) ?? [],
        data: {
          service: serviceName,
          status: r.status as "approved",
          on: r.scheduledOn ?? r.preferredOn,
          window: (r.scheduledWindow ?? r.window ?? "") as Window | "",
          reason: r.reason ?? "",
        },
        link: "/app/service-requests",
        sourceId: r.id,
      },
    ],
    { inbox: "service" },
  );
}

export async function decideRequest(ctx: Ctx, id: string, body: z.infer<typeof DecideBody>) {
  const { r, name } = await loadRequest(ctx, id);
  authorizeVisible(ctx.actor, "decide", subject(serviceRequestPolicy, r));
  const row = await setStatus(
    ctx,
    id,
    body.approve
      ? { status: "approved", decidedBy: ctx.actor.accountId, decidedAt: new Date() }
      : { status: "rejected", reason: body.reason, decidedBy: ctx.actor.accountId, decidedAt: new Date() },
    body.approve ? "service_request.approve" : "service_request.reject",
  );
  await tell(ctx, row, name);
  return requestView(ctx, row, name);
}

/**
 * Schedules an approved request for a day (and, for moving, an elevator window): the window is the household's
 * only if no other moving holds it. The partial unique index decides, not a look before the write, so desks
 * scheduling at once cannot give it twice; the loser's update fails and is answered ELEVATOR_TAKEN.
 */
export async function scheduleRequest(ctx: Ctx, id: string, body: z.infer<typeof ScheduleBody>) {
  const { r, name } = await loadRequest(ctx, id);
  authorizeVisible(ctx.actor, "schedule", subject(serviceRequestPolicy, r));
  if (body.on < vnToday()) throw errors.validation({ on: "DATE_PAST" });
  const moving = r.kind === "moving";
  const window = moving ? (body.window ?? r.window) : null;
  if (moving && !window) throw errors.validation({ window: "FIELD_REQUIRED" });
  const [row] = await ctx.tx
    .update(serviceRequests)
    .set({ status: "scheduled", scheduledOn: body.on, scheduledWindow: window, elevator: moving })
    .where(requestById(ctx, id))
    .returning()
    .catch((err: unknown) => {
      if (pgCause(err)?.code === "23505") return [];
      throw err;
    });
  if (!row) throw errors.rule("ELEVATOR_TAKEN");
  await audit(ctx, {
    action: "service_request.schedule",
    entity: "service_request",
    entityId: id,
    changes: { on: body.on, window },
  });
  await tell(ctx, row, name);
  return requestView(ctx, row, name);
}

/** Done: the fee goes on the unit's fee notice of the month. */
export async function completeRequest(ctx: Ctx, id: string) {
  const { r, name } = await loadRequest(ctx, id);
  authorizeVisible(ctx.actor, "complete", subject(serviceRequestPolicy, r));
  const charge =
    r.fee > 0
      ? await chargeUnit(ctx, {
          buildingId: r.buildingId,
          unitId: r.unitId,
          period: vnToday().slice(0, 7),
          kind: "service_fee",
          description: ctx.lang === "en" ? `Service: ${name}` : `Dịch vụ: ${name}`,
          amount: r.fee,
          source: "service_request",
          sourceId: r.id,
        })
      : null;
  const row = await setStatus(
    ctx,
    id,
    { status: "done", doneAt: new Date(), chargeId: charge?.id ?? null },
    "service_request.complete",
  );
  await tell(ctx, row, name);
  return requestView(ctx, row, name);
}

export async function cancelRequest(ctx: Ctx, id: string, body: z.infer<typeof CancelRequestBody>) {
  const { r, name } = await loadRequest(ctx, id);
  authorizeVisible(ctx.actor, "cancel", subject(serviceRequestPolicy, r));
  const row = await setStatus(
    ctx,
    id,
    { status: "cancelled", reason: body.reason || null },
    "service_request.cancel",
  );
  if (ctx.actor.role !== "resident") await tell(ctx, row, name);
  return requestView(ctx, row, name);
}
