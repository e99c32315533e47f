import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.js";
import type {
  ErasureOutcome,
  PrivacyRequest,
  PrivacyRequestBody,
  PrivacyRequestQuery,
  RequestKind,
} from "../../../../contracts/privacy.js";
import { audit, nothingToAudit } from "../../../platform/audit/audit.service.js";
import { can } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { type AppError, errors } from "../../../platform/errors.js";
import { recipientsOf } from "../../accounts/index.js";
import { notify } from "../../notifications/index.js";
import {
  residentFacts,
  residentIdsNamed,
  residentIdsOfAccount,
  residentNames,
  setRestriction,
} from "../../registry/index.js";
import { accountsWithRoles } from "../../staff/index.js";
import { setConsent } from "../consents/consents.service.js";
import { eraseResident } from "../erasure/erasure.service.js";
import {
  requestAnsweredTemplate,
  requestOverdueTemplate,
  requestReceivedTemplate,
} from "../privacy.templates.js";
import { verifyIdentityCheck } from "./identity.service.js";
import { privacyRequestPolicy } from "./requests.policy.js";
import { privacyRequestEvents, privacyRequests } from "./requests.table.js";

type Row = typeof privacyRequests.$inferSelect;
type Query = z.infer<typeof PrivacyRequestQuery>;

/** Erasure within 5 days (the product's promise); every other right within a month at most (GDPR's bound). */
const DUE_DAYS: Record<RequestKind, number> = {
  erasure: 5,
  access: 30,
  rectification: 30,
  restriction: 30,
  objection: 30,
  consent_withdrawal: 30,
};
/** The person may change their mind for a day before an erasure is carried out. */
export const ERASURE_CANCEL_WINDOW_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

const ACTIVE = ["open", "in_progress"];

async function addEvent(ctx: Ctx, requestId: string, event: string, note: string | null = null) {
  await ctx.tx.insert(privacyRequestEvents).values({
    companyId: ctx.companyId,
    requestId,
    event,
    note,
    actorAccountId: ctx.actor.accountId,
    actorRole: ctx.actor.role,
  });
}

async function toDtos(ctx: Ctx, rows: Row[], withTrail: boolean): Promise<PrivacyRequest[]> {
  const names = await residentNames(
    ctx,
    rows.map((r) => r.residentId),
  );
  const events = withTrail
    ? await ctx.tx
        .select()
        .from(privacyRequestEvents)
        .where(
          and(
            eq(privacyRequestEvents.companyId, ctx.companyId),
            inArray(
              privacyRequestEvents.requestId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(privacyRequestEvents.at))
    : [];
  // Handlers and the people in the trails, named in one look-up.
  const people = await recipientsOf(ctx.tx, ctx.platform, [
    ...new Set(
      [...rows.map((r) => r.handlerId), ...events.map((e) => e.actorAccountId)].filter((a) => a !== null),
    ),
  ]);
  const nameOf = (accountId: string | null) =>
    people.find((p) => p.accountId === accountId)?.displayName ?? null;
  const now = Date.now();
  return rows.map((r) => {
    const handlerName = nameOf(r.handlerId);
    return {
      id: r.id,
      residentId: r.residentId,
      residentName: names.get(r.residentId)?.name ?? "",
      kind: r.kind as RequestKind,
      status: r.status as PrivacyRequest["status"],
      channel: r.channel as PrivacyRequest["channel"],
      details: r.details,
      createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      overdue: ACTIVE.includes(r.status) && r.dueAt.getTime() < now,
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
      handler: r.handlerId && handlerName ? { accountId: r.handlerId, name: handlerName } : null,
      closedAt: r.closedAt?.toISOString() ?? null,
      resolution: r.resolution,
      outcome: r.outcome ?? null,
      // Handlers' notes are for the company; the person sees what was done, not the internal discussion.
      trail: events
        .filter(
          (e) =>
            e.requestId === r.id &&
            (can(ctx.actor, "read_notes", privacyRequestPolicy) || e.event !== "note"),
        )
        .map((e) => ({
          at: e.at.toISOString(),
          event: e.event,
          actorRole: e.actorRole,
          actorName: nameOf(e.actorAccountId),
          note: e.note,
        })),
    };
  });
}

async function loadRequest(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.companyId, ctx.companyId),
        eq(privacyRequests.id, id),
        privacyRequestPolicy.scope(ctx.actor),
      ),
    )
    .for("update");
  if (!row) throw errors.notFound("resource");
  return row;
}

export async function getRequest(ctx: Ctx, id: string): Promise<PrivacyRequest> {
  const [dto] = await toDtos(ctx, [await loadRequest(ctx, id)], true);
  if (!dto) throw errors.notFound("resource");
  return dto;
}

export async function listRequests(ctx: Ctx, q: Query): Promise<Page<PrivacyRequest>> {
  const statuses = q.status === "active" ? ACTIVE : [q.status];
  const conditions = [
    eq(privacyRequests.companyId, ctx.companyId),
    q.status === "all" ? undefined : inArray(privacyRequests.status, statuses),
    privacyRequestPolicy.scope(ctx.actor),
    q.kind ? eq(privacyRequests.kind, q.kind) : undefined,
    q.overdue === "true" ? lt(privacyRequests.dueAt, new Date()) : undefined,
    q.overdue === "false" ? sql`${privacyRequests.dueAt} >= now()` : undefined,
    q.q ? inArray(privacyRequests.residentId, await residentIdsNamed(ctx, q.q)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(privacyRequests)
      .where(where)
      .orderBy(asc(privacyRequests.dueAt), desc(privacyRequests.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(privacyRequests).where(where),
  ]);
  return { items: await toDtos(ctx, rows, false), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Whose request this is: the signed-in person's own record, or one customer care verified by code. */
async function subjectOf(ctx: Ctx, body: z.infer<typeof PrivacyRequestBody>) {
  const filesForOthers = can(ctx.actor, "file_for_others", privacyRequestPolicy);
  if (filesForOthers && body.residentId && body.identityCheckId) {
    if (!body.code) throw errors.validation({ code: "OTP_INVALID" });
    const failure = await verifyIdentityCheck(ctx, body.identityCheckId, body.residentId, body.code);
    const [person] = (await residentNames(ctx, [body.residentId])).keys();
    if (!failure && !person) throw errors.notFound("resident");
    return { failure, residentId: body.residentId, channel: "customer_care" as const };
  }
  const own = ctx.actor.accountId ? await residentIdsOfAccount(ctx, ctx.actor.accountId) : [];
  const residentId = body.residentId ?? own[0];
  if (!residentId || !own.includes(residentId)) {
    throw filesForOthers
      ? errors.validation({ identityCheckId: "IDENTITY_CHECK_REQUIRED" })
      : errors.rule("NO_RESIDENT_RECORD");
  }
  return { failure: null, residentId, channel: "app" as const };
}

/**
 * Records a data-subject request with its due date. What can take effect at once does: a restriction stops
 * the use of the data, an objection or withdrawal stops marketing and analytics. Customer care and the company
 * admin are told in the app.
 */
export async function createRequest(
  ctx: Ctx,
  body: z.infer<typeof PrivacyRequestBody>,
): Promise<{ request: PrivacyRequest } | { failure: AppError }> {
  const subject = await subjectOf(ctx, body);
  if (subject.failure) return { failure: subject.failure };
  const { residentId, channel } = subject;
  const [open] = await ctx.tx
    .select({ id: privacyRequests.id })
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.companyId, ctx.companyId),
        eq(privacyRequests.residentId, residentId),
        eq(privacyRequests.kind, body.kind),
        inArray(privacyRequests.status, ACTIVE),
      ),
    );
  if (open) throw errors.rule("REQUEST_ALREADY_OPEN", { kind: body.kind });
  const accountId = (await residentFacts(ctx, residentId))?.accountId ?? null;
  const now = new Date();
  const row = await insertOne(
    ctx.tx
      .insert(privacyRequests)
      .values({
        companyId: ctx.companyId,
        residentId,
        accountId,
        kind: body.kind,
        channel,
        details: body.details ?? null,
        createdAt: now,
        dueAt: new Date(now.getTime() + DUE_DAYS[body.kind] * DAY_MS),
      })
      .returning(),
  );
  await addEvent(ctx, row.id, channel === "customer_care" ? "recorded_verified" : "created");
  await takeEffect(ctx, row, accountId);
  await audit(ctx, {
    action: "privacy_request.create",
    entity: "privacy_request",
    entityId: row.id,
    changes: { kind: body.kind, channel, resident: residentId },
  });
  await tellHandlers(ctx, row);
  return { request: await getRequest(ctx, row.id) };
}

async function takeEffect(ctx: Ctx, row: Row, accountId: string | null) {
  if (row.kind === "restriction" && (await setRestriction(ctx, row.residentId, true))) {
    await addEvent(ctx, row.id, "restricted");
  }
  if ((row.kind === "objection" || row.kind === "consent_withdrawal") && accountId) {
    const asPerson = { ...ctx, actor: { ...ctx.actor, accountId } };
    for (const purpose of ["marketing", "analytics"] as const) {
      await setConsent(asPerson, {
        purpose,
        given: false,
        channel: row.channel === "app" ? "web" : "customer_care",
      });
    }
    await addEvent(ctx, row.id, "consents_withdrawn");
  }
  if (row.kind === "consent_withdrawal") await close(ctx, row, "completed", null);
}

async function tellHandlers(ctx: Ctx, row: Row) {
  const handlers = await accountsWithRoles(ctx, ["company_admin", "customer_care"]);
  await notify(
    ctx,
    handlers.map((accountId) => ({ accountId })),
    requestReceivedTemplate,
    { kind: row.kind, due: row.dueAt.toISOString().slice(0, 10) },
    { inbox: "privacy_request", link: `/console/privacy/requests?request=${row.id}`, sourceId: row.id },
  );
}

async function close(
  ctx: Ctx,
  row: Row,
  status: "completed" | "rejected" | "cancelled",
  resolution: string | null,
) {
  await ctx.tx
    .update(privacyRequests)
    .set({ status, resolution, closedAt: new Date() })
    .where(and(eq(privacyRequests.companyId, ctx.companyId), eq(privacyRequests.id, row.id)));
  await addEvent(ctx, row.id, status, resolution);
  if (status !== "cancelled" && row.accountId) await tellPerson(ctx, row.accountId, status, resolution);
}

/** The person learns in the app that their request was answered, and how. */
async function tellPerson(
  ctx: Ctx,
  accountId: string,
  status: "completed" | "rejected",
  resolution: string | null,
) {
  await notify(
    ctx,
    [{ accountId }],
    requestAnsweredTemplate,
    { status, resolution: resolution ?? "" },
    { inbox: "privacy_request", link: "/app/privacy/requests" },
  );
}

function assertActive(row: Row) {
  if (!ACTIVE.includes(row.status)) throw errors.rule("REQUEST_CLOSED");
}

/** The person withdraws their own request while it is open (an erasure only before it was carried out). */
export async function cancelRequest(ctx: Ctx, id: string): Promise<PrivacyRequest> {
  const row = await loadRequest(ctx, id);
  if (row.accountId !== ctx.actor.accountId) throw errors.forbidden();
  assertActive(row);
  await close(ctx, row, "cancelled", null);
  if (row.kind === "restriction") await setRestriction(ctx, row.residentId, false);
  await audit(ctx, { action: "privacy_request.cancel", entity: "privacy_request", entityId: id });
  return getRequest(ctx, id);
}

export async function takeRequest(ctx: Ctx, id: string): Promise<PrivacyRequest> {
  const row = await loadRequest(ctx, id);
  assertActive(row);
  await ctx.tx
    .update(privacyRequests)
    .set({ handlerId: ctx.actor.accountId, status: "in_progress" })
    .where(and(eq(privacyRequests.companyId, ctx.companyId), eq(privacyRequests.id, id)));
  await addEvent(ctx, id, "taken");
  await audit(ctx, { action: "privacy_request.take", entity: "privacy_request", entityId: id });
  return getRequest(ctx, id);
}

export async function noteRequest(ctx: Ctx, id: string, note: string): Promise<PrivacyRequest> {
  await loadRequest(ctx, id);
  await addEvent(ctx, id, "note", note);
  await audit(ctx, { action: "privacy_request.note", entity: "privacy_request", entityId: id });
  return getRequest(ctx, id);
}

/**
 * Closes a request as done. Completing an erasure carries it out now (holds are honoured the same as when the
 * scheduled job does it).
 */
export async function completeRequest(ctx: Ctx, id: string, resolution: string): Promise<PrivacyRequest> {
  const row = await loadRequest(ctx, id);
  assertActive(row);
  if (row.kind === "erasure") {
    await executeErasureRequest(ctx, row, resolution);
  } else {
    await close(ctx, row, "completed", resolution);
  }
  await audit(ctx, { action: "privacy_request.complete", entity: "privacy_request", entityId: id });
  return getRequest(ctx, id);
}

export async function rejectRequest(ctx: Ctx, id: string, reason: string): Promise<PrivacyRequest> {
  const row = await loadRequest(ctx, id);
  assertActive(row);
  await close(ctx, row, "rejected", reason);
  if (row.kind === "restriction") await setRestriction(ctx, row.residentId, false);
  await audit(ctx, { action: "privacy_request.reject", entity: "privacy_request", entityId: id });
  return getRequest(ctx, id);
}

/**
 * Carries out an erasure request and records what it did. When a hold keeps part of the data the request is
 * completed with that part listed as kept; the registry marks the record so the job finishes it once the hold
 * ends.
 */
export async function executeErasureRequest(
  ctx: Ctx,
  row: Row,
  resolution: string | null,
): Promise<ErasureOutcome> {
  const outcome = await eraseResident(ctx, row.residentId, { requestId: row.id });
  await ctx.tx
    .update(privacyRequests)
    .set({
      status: "completed",
      outcome,
      resolution,
      closedAt: new Date(),
      details: null,
      accountId: null,
    })
    .where(and(eq(privacyRequests.companyId, ctx.companyId), eq(privacyRequests.id, row.id)));
  await addEvent(ctx, row.id, outcome.kept.length > 0 ? "erased_with_holds" : "erased", resolution);
  return outcome;
}

/** Erasure requests whose cancellation window has passed, oldest first. */
export async function dueErasureRequests(ctx: Ctx, now: Date): Promise<Row[]> {
  return ctx.tx
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.companyId, ctx.companyId),
        eq(privacyRequests.kind, "erasure"),
        inArray(privacyRequests.status, ACTIVE),
        lt(privacyRequests.createdAt, new Date(now.getTime() - ERASURE_CANCEL_WINDOW_MS)),
      ),
    )
    .orderBy(asc(privacyRequests.createdAt));
}

/**
 * Overdue requests are escalated once: marked, written in their trail, and every company admin is told.
 * Answers how many were escalated.
 */
export async function escalateOverdue(ctx: Ctx, now: Date): Promise<number> {
  const rows = await ctx.tx
    .update(privacyRequests)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(privacyRequests.companyId, ctx.companyId),
        inArray(privacyRequests.status, ACTIVE),
        lt(privacyRequests.dueAt, now),
        sql`${privacyRequests.escalatedAt} is null`,
      ),
    )
    .returning();
  if (rows.length === 0) return 0;
  for (const row of rows) await addEvent(ctx, row.id, "escalated");
  const admins = (await accountsWithRoles(ctx, ["company_admin"])).map((accountId) => ({ accountId }));
  for (const r of rows)
    await notify(
      ctx,
      admins,
      requestOverdueTemplate,
      { kind: r.kind, due: r.dueAt.toISOString().slice(0, 10) },
      { inbox: "privacy_request", link: `/console/privacy/requests?request=${r.id}`, sourceId: r.id },
    );
  await audit(ctx, {
    action: "privacy_request.escalate",
    entity: "privacy_request",
    changes: { count: rows.length },
  });
  return rows.length;
}

/** The person ends a restriction they asked for; their open restriction request closes with it. */
export async function liftRestriction(ctx: Ctx, residentId: string): Promise<void> {
  if (!(await setRestriction(ctx, residentId, false))) return void nothingToAudit(ctx);
  const open = await ctx.tx
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.companyId, ctx.companyId),
        eq(privacyRequests.residentId, residentId),
        eq(privacyRequests.kind, "restriction"),
        inArray(privacyRequests.status, ACTIVE),
      ),
    );
  for (const row of open) await close(ctx, row, "cancelled", null);
  await audit(ctx, { action: "privacy.restriction_lift", entity: "resident", entityId: residentId });
}
