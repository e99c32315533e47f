import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Page, PageQuery } from "../../../../contracts/common.js";
import type {
  AuthorityNotifiedBody,
  Breach,
  BreachBody,
  BreachPatch,
  BreachQuery,
} from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { can } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { errors } from "../../../platform/errors.js";
import { fieldLabel, personalFields } from "../../../platform/privacy/personal-data.js";
import { recipientsOf } from "../../accounts/index.js";
import { companyLetterhead, companyProfile } from "../../companies/index.js";
import { notify } from "../../notifications/index.js";
import { residentNames, residentsIn } from "../../registry/index.js";
import { accountsWithRoles } from "../../staff/index.js";
import { renderBreachReport } from "../documents/breach-report.pdf.js";
import { privacyPolicy } from "../privacy.policy.js";
import { breachNoticeTemplate, breachOverdueTemplate } from "../privacy.templates.js";
import { breachAffected, breachIncidents } from "./breaches.table.js";

type Row = typeof breachIncidents.$inferSelect;

/** The authority and the affected people must be told within 72 hours of detection (DESIGN §3). */
export const BREACH_DEADLINE_MS = 72 * 3600_000;

/** The clock: overdue once the deadline passed while either notice is still unsent. */
export function breachClock(
  r: Pick<Row, "detectedAt" | "authorityNotifiedAt" | "residentsNotifiedAt">,
  now: Date,
) {
  const deadline = r.detectedAt.getTime() + BREACH_DEADLINE_MS;
  const pending = !r.authorityNotifiedAt || !r.residentsNotifiedAt;
  return {
    deadlineAt: new Date(deadline).toISOString(),
    secondsLeft: Math.floor((deadline - now.getTime()) / 1000),
    overdue: pending && now.getTime() > deadline,
  };
}

async function toDtos(ctx: Ctx, rows: Row[]): Promise<Breach[]> {
  const counts = rows.length
    ? await ctx.tx
        .select({ id: breachAffected.incidentId, n: count() })
        .from(breachAffected)
        .where(
          and(
            eq(breachAffected.companyId, ctx.companyId),
            inArray(
              breachAffected.incidentId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .groupBy(breachAffected.incidentId)
    : [];
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    detectedAt: r.detectedAt.toISOString(),
    severity: r.severity as Breach["severity"],
    status: r.status as Breach["status"],
    fields: r.fields,
    affectedCount: counts.find((c) => c.id === r.id)?.n ?? 0,
    containment: r.containment,
    authorityNotifiedAt: r.authorityNotifiedAt?.toISOString() ?? null,
    authorityReference: r.authorityReference,
    residentsNotifiedAt: r.residentsNotifiedAt?.toISOString() ?? null,
    residentsNotified: r.residentsNotified,
    clock: breachClock(r, now),
    createdAt: r.createdAt.toISOString(),
  }));
}

async function loadBreach(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, id)))
    .for("update");
  if (!row) throw errors.notFound("resource");
  return row;
}

export async function getBreach(ctx: Ctx, id: string): Promise<Breach> {
  const [dto] = await toDtos(ctx, [await loadBreach(ctx, id)]);
  if (!dto) throw errors.notFound("resource");
  return dto;
}

export async function listBreaches(ctx: Ctx, q: z.infer<typeof BreachQuery>): Promise<Page<Breach>> {
  const where = and(
    eq(breachIncidents.companyId, ctx.companyId),
    q.status === "active"
      ? ne(breachIncidents.status, "closed")
      : q.status
        ? eq(breachIncidents.status, q.status)
        : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(breachIncidents)
      .where(where)
      .orderBy(desc(breachIncidents.detectedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(breachIncidents).where(where),
  ]);
  return { items: await toDtos(ctx, rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * Incidents whose notices are not all sent: the banner on every console page counts them down. Every staff
 * role sees that a clock runs; only those who may open the incident get its title and id (the title can name
 * what leaked and whose), so the others' banner is a generic notice with nothing they cannot follow.
 */
export async function breachClocks(ctx: Ctx) {
  const opens = can(ctx.actor, "manage_breaches", privacyPolicy);
  const rows = await ctx.tx
    .select()
    .from(breachIncidents)
    .where(
      and(
        eq(breachIncidents.companyId, ctx.companyId),
        sql`(${breachIncidents.authorityNotifiedAt} is null or ${breachIncidents.residentsNotifiedAt} is null)`,
      ),
    )
    .orderBy(asc(breachIncidents.detectedAt))
    .limit(20);
  const now = new Date();
  return {
    items: rows.map((r, i) => ({
      key: opens ? r.id : String(i + 1),
      incident: opens ? { id: r.id, title: r.title } : null,
      clock: breachClock(r, now),
      authorityNotifiedAt: r.authorityNotifiedAt?.toISOString() ?? null,
      residentsNotifiedAt: r.residentsNotifiedAt?.toISOString() ?? null,
    })),
  };
}

/** Opens an incident; the people it touched are fixed now, chosen by buildings, units or by name. */
export async function openBreach(ctx: Ctx, body: z.infer<typeof BreachBody>): Promise<Breach> {
  const detectedAt = new Date(body.detectedAt);
  if (detectedAt.getTime() > Date.now() + 60_000) throw errors.validation({ detectedAt: "DATE_IN_FUTURE" });
  const fromScope = await residentsIn(ctx, body.scope);
  const named = [...(await residentNames(ctx, body.scope.residentIds)).keys()];
  if (named.length !== new Set(body.scope.residentIds).size) throw errors.notFound("resident");
  const affected = [...new Set([...fromScope, ...named])];
  const row = await insertOne(
    ctx.tx
      .insert(breachIncidents)
      .values({
        companyId: ctx.companyId,
        title: body.title,
        description: body.description,
        detectedAt,
        severity: body.severity,
        fields: body.fields,
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  for (let i = 0; i < affected.length; i += 1000) {
    await ctx.tx
      .insert(breachAffected)
      .values(
        affected
          .slice(i, i + 1000)
          .map((residentId) => ({ companyId: ctx.companyId, incidentId: row.id, residentId })),
      );
  }
  await audit(ctx, {
    action: "breach.open",
    entity: "breach_incident",
    entityId: row.id,
    changes: { severity: body.severity, affected: affected.length, fields: body.fields },
  });
  return getBreach(ctx, row.id);
}

export async function updateBreach(
  ctx: Ctx,
  id: string,
  patch: z.infer<typeof BreachPatch>,
): Promise<Breach> {
  const before = await loadBreach(ctx, id);
  await ctx.tx
    .update(breachIncidents)
    .set(patch)
    .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, id)));
  await audit(ctx, {
    action: "breach.update",
    entity: "breach_incident",
    entityId: id,
    changes: Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, [before[k as keyof typeof patch], v]]),
    ),
  });
  return getBreach(ctx, id);
}

export async function addContainmentStep(ctx: Ctx, id: string, step: string): Promise<Breach> {
  const before = await loadBreach(ctx, id);
  const [by] = await recipientsOf(ctx.tx, ctx.platform, ctx.actor.accountId ? [ctx.actor.accountId] : []);
  await ctx.tx
    .update(breachIncidents)
    .set({
      containment: [
        ...before.containment,
        { at: new Date().toISOString(), step, by: by?.displayName ?? null },
      ],
    })
    .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, id)));
  await audit(ctx, { action: "breach.containment", entity: "breach_incident", entityId: id });
  return getBreach(ctx, id);
}

export async function affectedPeople(ctx: Ctx, id: string, q: PageQuery) {
  await loadBreach(ctx, id);
  const where = and(eq(breachAffected.companyId, ctx.companyId), eq(breachAffected.incidentId, id));
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select({ residentId: breachAffected.residentId })
      .from(breachAffected)
      .where(where)
      .orderBy(asc(breachAffected.residentId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(breachAffected).where(where),
  ]);
  const names = await residentNames(
    ctx,
    rows.map((r) => r.residentId),
  );
  return {
    items: rows.map((r) => ({
      residentId: r.residentId,
      name: names.get(r.residentId)?.name ?? "",
      units: names.get(r.residentId)?.units ?? [],
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The province or city of an address as Vietnamese addresses end with it ("…, Quận 1, TP. Hồ Chí Minh"), for the
 * date line of a document signed there; null when the address has no comma-separated last part.
 */
function cityOf(address: string | null): string | null {
  const parts = (address ?? "").split(",").map((p) => p.trim());
  return parts.length > 1 ? parts[parts.length - 1] || null : null;
}

/** The report to the Ministry of Public Security's A05, drafted from the incident (Vietnamese PDF). */
export async function breachReport(ctx: Ctx, id: string) {
  const incident = await getBreach(ctx, id);
  const company = await companyLetterhead(ctx);
  const [reporter] = await recipientsOf(
    ctx.tx,
    ctx.platform,
    ctx.actor.accountId ? [ctx.actor.accountId] : [],
  );
  await audit(ctx, { action: "breach.report", entity: "breach_incident", entityId: id });
  return renderBreachReport({
    company: {
      name: company.name,
      taxCode: company.taxCode,
      address: company.address,
      hotline: company.hotline,
      city: cityOf(company.address),
    },
    incident,
    fieldLabels: incident.fields.map((f) => fieldLabel(personalFields(ctx.platform), f, "vi")),
    reporter: {
      name: reporter?.displayName ?? "",
      role: "Quản trị công ty",
      phone: reporter?.phone ?? null,
      email: reporter?.email ?? null,
    },
    generatedAt: new Date(),
  });
}

export async function markAuthorityNotified(
  ctx: Ctx,
  id: string,
  body: z.infer<typeof AuthorityNotifiedBody>,
) {
  await loadBreach(ctx, id);
  const sentAt = body.sentAt ? new Date(body.sentAt) : new Date();
  await ctx.tx
    .update(breachIncidents)
    .set({ authorityNotifiedAt: sentAt, authorityReference: body.reference ?? null })
    .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, id)));
  await audit(ctx, {
    action: "breach.authority_notified",
    entity: "breach_incident",
    entityId: id,
    changes: { sentAt: sentAt.toISOString(), reference: body.reference ?? null },
  });
  return getBreach(ctx, id);
}

/**
 * Tells every affected person not yet told, in the app and by email, in their language: what happened, which
 * of their data, what was done, what they can do. A restriction does not stop this: the law requires it.
 */
export async function notifyAffected(ctx: Ctx, id: string) {
  const incident = await loadBreach(ctx, id);
  const pending = await ctx.tx
    .select({ residentId: breachAffected.residentId })
    .from(breachAffected)
    .where(
      and(
        eq(breachAffected.companyId, ctx.companyId),
        eq(breachAffected.incidentId, id),
        isNull(breachAffected.notifiedAt),
      ),
    );
  const people = pending.map((p) => p.residentId);
  const company = await companyProfile(ctx, ctx.companyId);
  const fields = (lang: "vi" | "en") =>
    incident.fields.map((f) => fieldLabel(personalFields(ctx.platform), f, lang)).join(", ");
  const sent = await notify(
    ctx,
    people.map((residentId) => ({ residentId })),
    breachNoticeTemplate,
    {
      company: company?.name ?? "",
      title: incident.title,
      description: incident.description,
      detectedAt: incident.detectedAt.toISOString().slice(0, 16).replace("T", " "),
      fieldsVi: fields("vi"),
      fieldsEn: fields("en"),
      steps: incident.containment.map((c) => `- ${c.step}`).join("\n") || "—",
    },
    { inbox: "breach", urgency: "high", link: "/app/notifications", sourceId: id },
  );
  const now = new Date();
  if (pending.length > 0) {
    await ctx.tx
      .update(breachAffected)
      .set({ notifiedAt: now })
      .where(
        and(
          eq(breachAffected.companyId, ctx.companyId),
          eq(breachAffected.incidentId, id),
          isNull(breachAffected.notifiedAt),
        ),
      );
  }
  await ctx.tx
    .update(breachIncidents)
    .set({
      residentsNotifiedAt: incident.residentsNotifiedAt ?? now,
      residentsNotified: incident.residentsNotified + people.length,
    })
    .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, id)));
  await audit(ctx, {
    action: "breach.residents_notified",
    entity: "breach_incident",
    entityId: id,
    changes: sent,
  });
  return { ...sent, total: people.length };
}

/** Incidents whose clock ran out unanswered: each is flagged once and the company admins are told. */
export async function alertOverdueBreaches(ctx: Ctx, now: Date): Promise<number> {
  const rows = await ctx.tx
    .select()
    .from(breachIncidents)
    .where(and(eq(breachIncidents.companyId, ctx.companyId), isNull(breachIncidents.overdueAlertedAt)));
  const overdue = rows.filter((r) => breachClock(r, now).overdue);
  if (overdue.length === 0) return 0;
  const admins = (await accountsWithRoles(ctx, ["company_admin"])).map((accountId) => ({ accountId }));
  for (const r of overdue) {
    await ctx.tx
      .update(breachIncidents)
      .set({ overdueAlertedAt: now })
      .where(and(eq(breachIncidents.companyId, ctx.companyId), eq(breachIncidents.id, r.id)));
  }
  for (const r of overdue)
    await notify(
      ctx,
      admins,
      breachOverdueTemplate,
      { title: r.title },
      {
        inbox: "breach",
        urgency: "high",
        link: `/console/privacy/breaches?breach=${r.id}`,
        sourceId: r.id,
      },
    );
  await audit(ctx, {
    action: "breach.overdue",
    entity: "breach_incident",
    changes: { count: overdue.length },
  });
  return overdue.length;
}
