import { and, count, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.js";
import type {
  AgencyRequestBody,
  Disclosure,
  DisclosureQuery,
  LegalBasis,
  RecipientKind,
} from "../../../../contracts/privacy.js";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { personalFields } from "../../../platform/privacy/personal-data.js";
import { openResidentFields, residentNames, unusableResidents } from "../../registry/index.js";
import { disclosures } from "./disclosures.table.js";

/**
 * Every code path that releases personal data outside the building's staff, by name. A path not listed here
 * cannot call `disclose` (a test walks this list and checks that each writes its entries); later features —
 * deliveries to shippers, jobs for service providers — add theirs.
 */
export const DISCLOSURE_PATHS = {
  "privacy.agency_request": { recipientKind: "state_agency" },
  /** A marketplace order of goods: the shipper gets the recipient's first name (and the phone, if revealed). */
  "marketplace.partner_delivery": { recipientKind: "partner" },
  /** A marketplace order of a service done in the flat (cleaning, air conditioning), the same for its provider. */
  "marketplace.service_job": { recipientKind: "service_provider" },
} as const satisfies Record<string, { recipientKind: RecipientKind }>;
export type DisclosurePath = keyof typeof DISCLOSURE_PATHS;

export type Release = {
  path: DisclosurePath;
  residentIds: readonly string[];
  recipient: string;
  fields: readonly string[];
  purpose: string;
  legalBasis: LegalBasis;
  reference?: string | null;
};

/**
 * The one function through which personal data leaves for a third party: it refuses fields outside the
 * registry and people who restricted processing (except where the law obliges the release), and writes one
 * disclosure entry per person, in the caller's transaction.
 */
export async function disclose(ctx: Ctx, release: Release): Promise<void> {
  const fields = personalFields(ctx.platform);
  const unknown = release.fields.filter((f) => !fields.has(f));
  if (unknown.length > 0) throw new Error(`fields not in the personal-data registry: ${unknown.join(", ")}`);
  if (release.residentIds.length === 0) return;
  if (release.legalBasis !== "legal_obligation") {
    const unusable = await unusableResidents(ctx, release.residentIds);
    if (unusable.size > 0) throw errors.rule("RESIDENT_RESTRICTED", { count: unusable.size });
  }
  await ctx.tx.insert(disclosures).values(
    release.residentIds.map((residentId) => ({
      companyId: ctx.companyId,
      residentId,
      recipientKind: DISCLOSURE_PATHS[release.path].recipientKind,
      recipient: release.recipient,
      fields: [...release.fields],
      purpose: release.purpose,
      legalBasis: release.legalBasis,
      reference: release.reference ?? null,
      path: release.path,
      actorAccountId: ctx.actor.accountId,
      actorRole: ctx.actor.role,
    })),
  );
}

export async function listDisclosures(
  ctx: Ctx,
  q: z.infer<typeof DisclosureQuery>,
): Promise<Page<Disclosure>> {
  const where = and(
    eq(disclosures.companyId, ctx.companyId),
    q.residentId ? eq(disclosures.residentId, q.residentId) : undefined,
    q.recipientKind ? eq(disclosures.recipientKind, q.recipientKind) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(disclosures)
      .where(where)
      .orderBy(desc(disclosures.at), desc(disclosures.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(disclosures).where(where),
  ]);
  const names = await residentNames(
    ctx,
    rows.map((r) => r.residentId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      residentId: r.residentId,
      residentName: names.get(r.residentId)?.name ?? "",
      recipientKind: r.recipientKind as RecipientKind,
      recipient: r.recipient,
      fields: r.fields,
      purpose: r.purpose,
      legalBasis: r.legalBasis as LegalBasis,
      reference: r.reference,
      path: r.path,
      at: r.at.toISOString(),
      actorRole: r.actorRole,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * A state agency's written request (police, court, tax office), entered by the company admin with its
 * reference: the requested fields of the named people are released once, and the release is logged per person.
 */
export async function releaseToAgency(ctx: Ctx, body: z.infer<typeof AgencyRequestBody>) {
  const people = await openResidentFields(ctx, body.residentIds);
  if (people.length !== new Set(body.residentIds).size) throw errors.notFound("resident");
  const released = people.filter((p) => !p.erased);
  await disclose(ctx, {
    path: "privacy.agency_request",
    residentIds: released.map((p) => p.residentId),
    recipient: body.agency,
    fields: body.fields,
    purpose: body.legalBasis,
    legalBasis: "legal_obligation",
    reference: body.reference,
  });
  await audit(ctx, {
    action: "privacy.agency_release",
    entity: "disclosure",
    changes: {
      ...bulkChanges(released.map((p) => p.residentId)),
      reference: body.reference,
      fields: body.fields,
    },
  });
  return {
    agency: body.agency,
    reference: body.reference,
    releasedAt: new Date().toISOString(),
    people: released.map((p) => ({
      residentId: p.residentId,
      values: Object.fromEntries(body.fields.map((f) => [f, p.values[f] ?? null])),
    })),
  };
}
