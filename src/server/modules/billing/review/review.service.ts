import type { z } from "zod";
import type { BillingReview, ReviewDecision } from "../../../../contracts/billing.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { exactVnd } from "../core/sums.js";
import { billingBuilding } from "../rules/rules.service.js";
import { type PeriodBounds, periodBounds } from "../runs/charges.sql.js";
import {
  BUILDING_FACTOR,
  type DraftRow,
  draftsOf,
  firstNotices,
  HISTORY_MONTHS,
  insertReview,
  latestReview,
  MIN_HISTORY,
  missingReadings,
  OWN_FACTOR,
  outliers,
  type ReviewRow,
  reviewById,
} from "./review.repo.js";
import type { ChangedDraft, ReviewedDraft } from "./review.table.js";

type Review = z.infer<typeof BillingReview>;
type Decision = z.infer<typeof ReviewDecision>;
type Scope = { companyId: string; buildingId: string; bounds: PeriodBounds };

function boundsOf(period: string) {
  try {
    return periodBounds(period);
  } catch {
    throw errors.validation({ period: "PERIOD_FORMAT" });
  }
}

const snapshotOf = (drafts: DraftRow[]): ReviewedDraft[] =>
  drafts.map((d) => ({ id: d.id, total: Number(d.total), digest: d.digest }));

/** Whether the drafts are exactly those a review saw (same notices, same lines and totals). */
function sameDrafts(seen: readonly ReviewedDraft[], now: readonly ReviewedDraft[]) {
  if (seen.length !== now.length) return false;
  const digests = new Map(seen.map((d) => [d.id, d.digest]));
  return now.every((d) => digests.get(d.id) === d.digest);
}

/**
 * What changed since a review: drafts new or different since it, plus what it already listed as changed and
 * is still a draft (a change stays flagged until the notice is issued). `before` is the total first seen.
 */
function changesSince(ref: ReviewRow | null, now: readonly ReviewedDraft[]): ChangedDraft[] {
  if (!ref) return [];
  const seen = new Map(ref.drafts.map((d) => [d.id, d]));
  const carried = new Map(ref.changed.map((c) => [c.id, c]));
  const out: ChangedDraft[] = [];
  for (const d of now) {
    const earlier = carried.get(d.id);
    const was = seen.get(d.id);
    if (earlier) out.push({ id: d.id, before: earlier.before, after: d.total });
    else if (!was) out.push({ id: d.id, before: null, after: d.total });
    else if (was.digest !== d.digest) out.push({ id: d.id, before: was.total, after: d.total });
  }
  return out;
}

/** Everything the review lists about a building's drafts of a period, read in a few set-based queries. */
async function findings(ctx: Ctx, scope: Scope) {
  const drafts = await draftsOf(ctx.tx, scope);
  const missing = await missingReadings(ctx.tx, scope);
  const odd = await outliers(ctx.tx, scope);
  const first = await firstNotices(ctx.tx, scope);
  return { drafts, missing, odd, first };
}
type Findings = Awaited<ReturnType<typeof findings>>;

/** The ids of the notices that need a decision before they are issued. */
function flaggedIds(f: Findings, changed: readonly ChangedDraft[]) {
  const ids = new Set<string>();
  for (const m of f.missing) if (m.invoice_id) ids.add(m.invoice_id);
  for (const o of f.odd) ids.add(o.invoice_id);
  for (const n of f.first) ids.add(n.invoice_id);
  for (const c of changed) ids.add(c.id);
  return ids;
}

function toDto(row: ReviewRow, f: Findings): Review {
  const byId = new Map(f.drafts.map((d) => [d.id, d]));
  const notice = (id: string) => {
    const d = byId.get(id);
    if (!d) throw new Error(`review: ${id} is not a draft`);
    return {
      invoiceId: d.id,
      unitId: d.unit_id,
      unitCode: d.unit_code,
      code: d.code,
      total: Number(d.total),
    };
  };
  const grouped = new Map<string, Review["outliers"][number]>();
  for (const o of f.odd) {
    const item = grouped.get(o.invoice_id) ?? { ...notice(o.invoice_id), reasons: [] };
    item.reasons.push({
      metric: o.metric,
      value: Number(o.value),
      median: Math.round(o.median * 100) / 100,
      threshold: Math.round(o.threshold * 100) / 100,
      basis: o.basis,
    });
    grouped.set(o.invoice_id, item);
  }
  return {
    id: row.id,
    buildingId: row.buildingId,
    period: row.period,
    createdAt: row.createdAt.toISOString(),
    drafts: f.drafts.length,
    draftTotal: exactVnd(
      f.drafts.reduce((sum, d) => sum + BigInt(d.total), 0n),
      "draftTotal",
    ),
    flagged: flaggedIds(f, row.changed).size,
    missingReadings: f.missing.map((m) => {
      const d = m.invoice_id ? byId.get(m.invoice_id) : undefined;
      return {
        unitId: m.unit_id,
        unitCode: m.unit_code,
        kinds: m.kinds as ("electricity" | "water")[],
        invoiceId: d?.id ?? null,
        code: d?.code ?? null,
        total: d ? Number(d.total) : null,
      };
    }),
    outliers: [...grouped.values()],
    firstTime: f.first.map((n) => notice(n.invoice_id)),
    changed: row.changed.map((c) => ({ ...notice(c.id), before: c.before })),
    rule: {
      ownFactor: OWN_FACTOR,
      buildingFactor: BUILDING_FACTOR,
      historyMonths: HISTORY_MONTHS,
      minHistory: MIN_HISTORY,
    },
  };
}

/**
 * Previews a building's drafts of a period before issuing (the issue confirmation): lists missing readings,
 * outliers, units billed for the first time and drafts changed since the previous preview, and keeps what it
 * saw so that issuing can refuse drafts that changed after it.
 */
export async function createReview(ctx: Ctx, input: { buildingId: string; period: string }): Promise<Review> {
  const bounds = boundsOf(input.period);
  await billingBuilding(ctx, input.buildingId, "issue");
  const scope = { companyId: ctx.companyId, buildingId: input.buildingId, bounds };
  const f = await findings(ctx, scope);
  const drafts = snapshotOf(f.drafts);
  const previous = await latestReview(ctx.tx, { ...scope, period: bounds.period });
  const row = await insertReview(ctx.tx, {
    companyId: ctx.companyId,
    buildingId: input.buildingId,
    period: bounds.period,
    drafts,
    changed: changesSince(previous, drafts),
    createdBy: ctx.actor.accountId,
  });
  const review = toDto(row, f);
  await audit(ctx, {
    action: "billing.review",
    entity: "building",
    entityId: input.buildingId,
    changes: {
      reviewId: row.id,
      period: bounds.period,
      drafts: review.drafts,
      flagged: review.flagged,
      missingReadings: review.missingReadings.length,
      outliers: review.outliers.length,
      firstTime: review.firstTime.length,
      changed: review.changed.length,
    },
  });
  return review;
}

/** How an issue decides: the accountant's decisions, or (demo seed, operator command) every flag accepted. */
export type IssueDecisions = { reviewId?: string; decisions: Decision[] } | "accept-all";

/**
 * Checks an issue against the review: the drafts must be those the named review saw (else 409 REVIEW_STALE),
 * and every flagged draft needs a decision (else 409 REVIEW_UNDECIDED, with the counts per section). Records the
 * decisions in the audit log (same transaction as the issue) and answers which drafts to leave out.
 */
export async function decideIssue(
  ctx: Ctx,
  scope: { buildingId: string; period: string },
  input: IssueDecisions,
): Promise<{ exclude: string[] }> {
  const bounds = boundsOf(scope.period);
  const s = { companyId: ctx.companyId, buildingId: scope.buildingId, bounds };
  const f = await findings(ctx, s);
  const now = snapshotOf(f.drafts);
  const named = input !== "accept-all" && input.reviewId;
  const ref = named
    ? await reviewById(ctx.tx, { companyId: ctx.companyId, id: named })
    : await latestReview(ctx.tx, { ...s, period: bounds.period });
  if (named && (!ref || ref.buildingId !== scope.buildingId || ref.period !== bounds.period)) {
    throw errors.notFound("resource");
  }
  if (named && ref && !sameDrafts(ref.drafts, now)) {
    throw errors.inUse("REVIEW_STALE", { reviewId: ref.id });
  }
  const changed = ref && sameDrafts(ref.drafts, now) ? ref.changed : changesSince(ref, now);
  const flagged = flaggedIds(f, changed);
  const drafts = new Set(now.map((d) => d.id));
  const decisions =
    input === "accept-all"
      ? [...flagged].map((id) => ({ invoiceId: id, choice: "issue" as const }))
      : input.decisions;
  const decided = new Map<string, Decision>();
  for (const d of decisions) {
    if (!drafts.has(d.invoiceId)) throw errors.rule("REVIEW_NOT_A_DRAFT", { invoiceId: d.invoiceId });
    decided.set(d.invoiceId, d);
  }
  const undecided = [...flagged].filter((id) => !decided.has(id));
  if (undecided.length > 0) {
    const open = (ids: Iterable<string>) => [...ids].filter((id) => !decided.has(id)).length;
    throw errors.inUse("REVIEW_UNDECIDED", {
      count: undecided.length,
      missingReadings: open(f.missing.flatMap((m) => (m.invoice_id ? [m.invoice_id] : []))),
      outliers: open(new Set(f.odd.map((o) => o.invoice_id))),
      firstTime: open(f.first.map((n) => n.invoice_id)),
      changed: open(changed.map((c) => c.id)),
      invoiceIds: undecided.slice(0, 50),
    });
  }
  const chosen = (choice: Decision["choice"]) =>
    [...decided.values()].filter((d) => d.choice === choice).map((d) => d.invoiceId);
  const reasons = Object.fromEntries(
    [...decided.values()].filter((d) => d.reason).map((d) => [d.invoiceId, d.reason]),
  );
  const exclude = chosen("exclude");
  if (decided.size > 0) {
    await audit(ctx, {
      action: "billing.review_decision",
      entity: "building",
      entityId: scope.buildingId,
      changes: {
        period: bounds.period,
        reviewId: ref && sameDrafts(ref.drafts, now) ? ref.id : null,
        acceptedAll: input === "accept-all",
        flagged: flagged.size,
        issue: chosen("issue"),
        exclude,
        reasons,
      },
    });
  }
  return { exclude };
}
