import { and, count, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { z } from "zod";
import type {
  CatalogReviewBody,
  Promotion,
  PromotionBody,
  PromotionQuery,
  Shop,
} from "../../../contracts/marketplace.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { abilitiesOf, authorize, authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { todayInVietnam } from "../../platform/time.js";
import { partnersById } from "../partners/index.js";
import { consentingAccounts } from "../privacy/index.js";
import { actingPartner } from "./acting-partner.js";
import { catalogItemPolicy } from "./marketplace.policy.js";
import { catalogItems, promotions } from "./marketplace.table.js";

type Row = typeof promotions.$inferSelect;

const byId = (ctx: Ctx, id: string) => and(eq(promotions.companyId, ctx.companyId), eq(promotions.id, id));

function view(ctx: Ctx, p: Row, partnerName: string): z.infer<typeof Promotion> {
  return {
    id: p.id,
    partnerId: p.partnerId,
    partnerName,
    itemId: p.itemId,
    titleVi: p.titleVi,
    titleEn: p.titleEn,
    bodyVi: p.bodyVi,
    bodyEn: p.bodyEn,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status as z.infer<typeof Promotion>["status"],
    reviewNote: p.reviewNote,
    can: { review: abilitiesOf(ctx.actor, catalogItemPolicy, { status: p.status }).review },
  };
}

/** Promotions as the management reviews them, or as a partner's staff keep their own. */
export async function listPromotions(ctx: Ctx, q: z.infer<typeof PromotionQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", catalogItemPolicy);
  const own = ctx.actor.role === "partner" ? await actingPartner(ctx) : null;
  const where = and(
    eq(promotions.companyId, ctx.companyId),
    own ? eq(promotions.partnerId, own.id) : undefined,
    q.status ? eq(promotions.status, q.status) : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(promotions)
          .where(where)
          .orderBy(desc(promotions.updatedAt), promotions.id)
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(promotions).where(where),
    },
    (p) => p,
  );
  const names = await partnersById(
    ctx,
    page.items.map((p) => p.partnerId),
  );
  return { ...page, items: page.items.map((p) => view(ctx, p, names.get(p.partnerId)?.displayName ?? "")) };
}

/** A partner proposes a promotion, about one of its own items or its whole shop; the management approves it. */
export async function createPromotion(ctx: Ctx, body: z.infer<typeof PromotionBody>) {
  authorize(ctx.actor, "update", catalogItemPolicy);
  const partner = await actingPartner(ctx);
  if (body.endsOn < todayInVietnam()) throw errors.validation({ endsOn: "DATE_PAST" });
  if (body.itemId) {
    const [item] = await ctx.tx
      .select({ id: catalogItems.id })
      .from(catalogItems)
      .where(
        and(
          eq(catalogItems.companyId, ctx.companyId),
          eq(catalogItems.id, body.itemId),
          eq(catalogItems.partnerId, partner.id),
        ),
      );
    if (!item) throw errors.validation({ itemId: "ITEM_NOT_OFFERED" });
  }
  const row = await insertOne(
    ctx.tx
      .insert(promotions)
      .values({ ...body, companyId: ctx.companyId, partnerId: partner.id })
      .returning(),
  );
  await audit(ctx, { action: "promotion.create", entity: "promotion", entityId: row.id, changes: body });
  return view(ctx, row, partner.displayName);
}

/** The management approves a partner's promotion or refuses it with a reason. */
export async function reviewPromotion(ctx: Ctx, id: string, body: z.infer<typeof CatalogReviewBody>) {
  const [before] = await ctx.tx.select().from(promotions).where(byId(ctx, id)).for("update");
  if (!before) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "review", subject(catalogItemPolicy, { status: before.status }));
  const status = body.decision === "approve" ? "approved" : "rejected";
  const [row] = await ctx.tx
    .update(promotions)
    .set({ status, reviewNote: body.decision === "reject" ? body.note : null, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: `promotion.${body.decision}`,
    entity: "promotion",
    entityId: id,
    changes: { status: [before.status, status] },
  });
  const names = await partnersById(ctx, [row.partnerId]);
  return view(ctx, row, names.get(row.partnerId)?.displayName ?? "");
}

/**
 * The approved promotions running today of some partners, for a resident who consents to marketing (DESIGN §3:
 * promotional content only with that consent); nothing otherwise.
 */
export async function runningPromotions(
  ctx: Ctx,
  partnerIds: readonly string[],
): Promise<Pick<Shop, "marketingConsent" | "promotions">> {
  const accountId = ctx.actor.accountId ?? "";
  const consent = (await consentingAccounts(ctx, [accountId], "marketing")).has(accountId);
  if (!consent || partnerIds.length === 0) return { marketingConsent: consent, promotions: [] };
  const today = todayInVietnam();
  const rows = await ctx.tx
    .select()
    .from(promotions)
    .where(
      and(
        eq(promotions.companyId, ctx.companyId),
        eq(promotions.status, "approved"),
        inArray(promotions.partnerId, [...partnerIds]),
        lte(promotions.startsOn, today),
        gte(promotions.endsOn, today),
      ),
    )
    .orderBy(promotions.endsOn);
  const en = ctx.lang === "en";
  return {
    marketingConsent: true,
    promotions: rows.map((p) => ({
      id: p.id,
      partnerId: p.partnerId,
      itemId: p.itemId,
      title: en ? p.titleEn : p.titleVi,
      body: en ? p.bodyEn : p.bodyVi,
      endsOn: p.endsOn,
    })),
  };
}
