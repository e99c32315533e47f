import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Lang } from "../../../../contracts/common.js";
import type { Policy, PolicyKind, PublishPolicyBody } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { enterCompany } from "../../../platform/db/scope.js";
import { errors } from "../../../platform/errors.js";
import { todayInVietnam } from "../../../platform/time.js";
import { companyProfile } from "../../companies/index.js";
import { notify } from "../../notifications/index.js";
import { accountsWithRoles } from "../../staff/index.js";
import { policyTemplates } from "../privacy.templates.js";
import { companyPolicies, policyAcknowledgements } from "./policies.table.js";
import { PLATFORM_POLICIES } from "./texts.js";

type Row = typeof companyPolicies.$inferSelect;

function platformPolicy(kind: PolicyKind, lang: Lang, company: { id: string; name: string } | null): Policy {
  const text = PLATFORM_POLICIES[kind];
  return {
    id: null,
    kind,
    version: text.version,
    company,
    publishedAt: new Date(text.publishedAt).toISOString(),
    summary: text.summary[lang],
    body: text.body[lang],
    lang,
    requiresAcknowledgement: false,
  };
}

const fromRow = (r: Row, lang: Lang, company: { id: string; name: string }): Policy => ({
  id: r.id,
  kind: r.kind as PolicyKind,
  version: r.version,
  company,
  publishedAt: r.publishedAt.toISOString(),
  summary: lang === "en" ? r.summaryEn : r.summaryVi,
  body: lang === "en" ? r.bodyEn : r.bodyVi,
  lang,
  requiresAcknowledgement: r.requiresAck,
});

async function companyOrFail(ctx: Ctx, companyId: string) {
  const company = await companyProfile(ctx, companyId);
  if (!company) throw errors.notFound("company");
  return { id: company.id, name: company.name };
}

/**
 * The text a public page shows: the company's own version when it published one (the latest, or the one
 * asked for), else the platform's text under the company's name.
 */
export async function publicPolicy(ctx: Ctx, kind: PolicyKind, companyId?: string, version?: string) {
  if (!companyId) {
    if (version && version !== PLATFORM_POLICIES[kind].version) throw errors.notFound("resource");
    return platformPolicy(kind, ctx.lang, null);
  }
  const company = await companyOrFail(ctx, companyId);
  const inCompany = await enterCompany(ctx, companyId);
  const [row] = await inCompany.tx
    .select()
    .from(companyPolicies)
    .where(
      and(
        eq(companyPolicies.companyId, companyId),
        eq(companyPolicies.kind, kind),
        version ? eq(companyPolicies.version, version) : undefined,
      ),
    )
    .orderBy(desc(companyPolicies.publishedAt))
    .limit(1);
  if (row) return fromRow(row, ctx.lang, company);
  if (version && version !== PLATFORM_POLICIES[kind].version) throw errors.notFound("resource");
  return platformPolicy(kind, ctx.lang, company);
}

async function companyVersions(ctx: Ctx, kinds: PolicyKind[]) {
  return ctx.tx
    .select()
    .from(companyPolicies)
    .where(and(eq(companyPolicies.companyId, ctx.companyId), inArray(companyPolicies.kind, kinds)))
    .orderBy(desc(companyPolicies.publishedAt));
}

const versionOf = (p: Policy) => ({
  id: p.id,
  kind: p.kind,
  version: p.version,
  publishedAt: p.publishedAt,
  summary: p.summary,
  requiresAcknowledgement: p.requiresAcknowledgement,
});

/** Every version a company published of some kinds, newest first, then the platform's text it started from. */
export async function policyVersions(ctx: Ctx, kinds: PolicyKind[], companyId = ctx.companyId) {
  const company = await companyOrFail(ctx, companyId);
  const inCompany = companyId === ctx.companyId ? ctx : await enterCompany(ctx, companyId);
  const rows = await companyVersions(inCompany, kinds);
  return {
    items: [
      ...rows.map((r) => versionOf(fromRow(r, ctx.lang, company))),
      ...kinds.map((k) => versionOf(platformPolicy(k, ctx.lang, company))),
    ],
  };
}

/** The version of the privacy policy in force in the caller's company (what a consent refers to). */
export async function currentPolicyVersion(ctx: Ctx): Promise<string> {
  const [row] = await ctx.tx
    .select({ version: companyPolicies.version })
    .from(companyPolicies)
    .where(and(eq(companyPolicies.companyId, ctx.companyId), eq(companyPolicies.kind, "privacy")))
    .orderBy(desc(companyPolicies.publishedAt))
    .limit(1);
  return row?.version ?? PLATFORM_POLICIES.privacy.version;
}

/**
 * Of each kind, the latest version that asked to be acknowledged, when the resident has not yet done so (the
 * policy speaks to the people whose data the company holds; staff are bound by their contracts).
 */
export async function pendingPolicies(ctx: Ctx) {
  const accountId = ctx.actor.accountId;
  if (!accountId || ctx.actor.role !== "resident") return { items: [] };
  const rows = (await companyVersions(ctx, ["privacy", "terms"])).filter((r) => r.requiresAck);
  const latest = (["privacy", "terms"] as const)
    .map((kind) => rows.find((r) => r.kind === kind))
    .filter((r): r is Row => Boolean(r));
  if (latest.length === 0) return { items: [] };
  const done = await ctx.tx
    .select({ policyId: policyAcknowledgements.policyId })
    .from(policyAcknowledgements)
    .where(
      and(
        eq(policyAcknowledgements.companyId, ctx.companyId),
        eq(policyAcknowledgements.accountId, accountId),
        inArray(
          policyAcknowledgements.policyId,
          latest.map((r) => r.id),
        ),
      ),
    );
  const company = await companyOrFail(ctx, ctx.companyId);
  return {
    items: latest
      .filter((r) => !done.some((d) => d.policyId === r.id))
      .map((r) => fromRow(r, ctx.lang, company)),
  };
}

export async function acknowledge(ctx: Ctx, policyId: string): Promise<void> {
  const accountId = ctx.actor.accountId;
  const [row] = await ctx.tx
    .select({ id: companyPolicies.id, version: companyPolicies.version, kind: companyPolicies.kind })
    .from(companyPolicies)
    .where(and(eq(companyPolicies.companyId, ctx.companyId), eq(companyPolicies.id, policyId)));
  if (!row || !accountId) throw errors.notFound("resource");
  const inserted = await ctx.tx
    .insert(policyAcknowledgements)
    .values({ companyId: ctx.companyId, policyId, accountId })
    .onConflictDoNothing()
    .returning({ at: policyAcknowledgements.at });
  if (inserted.length > 0) {
    await audit(ctx, {
      action: "policy.acknowledge",
      entity: "company_policy",
      entityId: policyId,
      changes: { kind: row.kind, version: row.version },
    });
  }
}

/** `2026-11-25`, or `2026-11-25.2` for a second version the same day. */
async function nextVersion(ctx: Ctx, kind: PolicyKind, now: Date): Promise<string> {
  const day = todayInVietnam(now);
  const taken = (await companyVersions(ctx, [kind])).map((r) => r.version).filter((v) => v.startsWith(day));
  return taken.length === 0 ? day : `${day}.${taken.length + 1}`;
}

/**
 * Publishes the company's own version. One that must be acknowledged (a change of owner of the management
 * company, a new purpose) is announced to every resident in the app and by email, and asked again at sign-in.
 */
export async function publishPolicy(ctx: Ctx, body: z.infer<typeof PublishPolicyBody>): Promise<Policy> {
  const version = await nextVersion(ctx, body.kind, new Date());
  const row = await insertOne(
    ctx.tx
      .insert(companyPolicies)
      .values({
        companyId: ctx.companyId,
        kind: body.kind,
        version,
        bodyVi: body.bodyVi,
        bodyEn: body.bodyEn,
        summaryVi: body.summaryVi,
        summaryEn: body.summaryEn,
        requiresAck: body.requiresAcknowledgement,
        publishedBy: ctx.actor.accountId,
      })
      .returning(),
  );
  const company = await companyOrFail(ctx, ctx.companyId);
  let told = 0;
  if (body.requiresAcknowledgement) told = await announcePolicy(ctx, row, company.name);
  await audit(ctx, {
    action: "policy.publish",
    entity: "company_policy",
    entityId: row.id,
    changes: { kind: body.kind, version, requiresAcknowledgement: body.requiresAcknowledgement, told },
  });
  return fromRow(row, ctx.lang, company);
}

/** Tells every resident of a new version, in the app and by email (a privacy notice cannot be turned off). */
async function announcePolicy(ctx: Ctx, row: Row, companyName: string): Promise<number> {
  const people = [...new Set(await accountsWithRoles(ctx, ["resident"]))];
  const sent = await notify(
    ctx,
    people.map((accountId) => ({ accountId })),
    policyTemplates[row.kind as PolicyKind],
    { company: companyName, summaryVi: row.summaryVi, summaryEn: row.summaryEn },
    {
      inbox: "policy",
      link: `/${row.kind}?company=${ctx.companyId}&version=${encodeURIComponent(row.version)}`,
      sourceId: row.id,
    },
  );
  return sent.people;
}
