import { and, arrayContains, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type {
  CatalogItem,
  CatalogItemBody,
  CatalogItemPatch,
  CatalogItemQuery,
  CatalogReviewBody,
  PartnerProfile,
  Shop,
} from "../../../contracts/marketplace.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { abilitiesOf, authorize, authorizeVisible, can, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { loadBuilding } from "../buildings/index.js";
import { claimFiles, deleteFiles, filesOf, readFile } from "../files/index.js";
import { partnerOfActor, partnersById } from "../partners/index.js";
import { buildingsOfUnits, unitRef } from "../registry/index.js";
import { actingPartner, type Partner } from "./acting-partner.js";
import { catalogItemPolicy } from "./marketplace.policy.js";
import { catalogItems } from "./marketplace.table.js";
import { runningPromotions } from "./promotions.service.js";

type ItemRow = typeof catalogItems.$inferSelect;

const byId = (ctx: Ctx, id: string) =>
  and(eq(catalogItems.companyId, ctx.companyId), eq(catalogItems.id, id));

type Photos = Awaited<ReturnType<typeof filesOf>>;

function view(ctx: Ctx, i: ItemRow, partnerName: string, photos: Photos): CatalogItem {
  return {
    id: i.id,
    partnerId: i.partnerId,
    partnerName,
    kind: i.kind as CatalogItem["kind"],
    category: i.category as CatalogItem["category"],
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    descriptionVi: i.descriptionVi,
    descriptionEn: i.descriptionEn,
    price: i.price,
    vatRate: i.vatRate as CatalogItem["vatRate"],
    stock: i.stock,
    buildingIds: i.buildingIds,
    photos: photos.get(i.id) ?? [],
    status: i.status as CatalogItem["status"],
    reviewNote: i.reviewNote,
    updatedAt: i.updatedAt.toISOString(),
    can: abilitiesOf(ctx.actor, catalogItemPolicy, { status: i.status }),
  };
}

/** An item's buildings must be among those its partner serves. */
function assertServed(partner: Partner, buildingIds: readonly string[]) {
  if (buildingIds.some((b) => !partner.buildingIds.includes(b)))
    throw errors.validation({ buildingIds: "BUILDING_NOT_SERVED" });
}

/** The partner the acting person works for, as its portal shows it: name, categories, buildings served. */
export async function partnerProfile(ctx: Ctx) {
  nothingToAudit(ctx);
  const partner = await actingPartner(ctx);
  const buildings = await Promise.all(partner.buildingIds.map((id) => loadBuilding(ctx, id)));
  return {
    id: partner.id,
    displayName: partner.displayName,
    hotline: partner.hotline,
    categories: partner.categories as PartnerProfile["categories"],
    buildings: buildings.map((b) => ({ id: b.id, name: b.name, address: b.address })),
    commissionKind: partner.commissionKind as "percent" | "fixed",
    commissionValue: partner.commissionValue,
  };
}

/** The catalogue as the management reviews it, or as a partner's staff keep their own. */
export async function listItems(ctx: Ctx, q: z.infer<typeof CatalogItemQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", catalogItemPolicy);
  const own = ctx.actor.role === "partner" ? await actingPartner(ctx) : null;
  const where: SQL | undefined = and(
    eq(catalogItems.companyId, ctx.companyId),
    own
      ? eq(catalogItems.partnerId, own.id)
      : q.partnerId
        ? eq(catalogItems.partnerId, q.partnerId)
        : undefined,
    q.status ? eq(catalogItems.status, q.status) : undefined,
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(catalogItems)
          .where(where)
          .orderBy(desc(catalogItems.updatedAt), catalogItems.id)
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(catalogItems).where(where),
    },
    (i) => i,
  );
  const [names, photos] = await Promise.all([
    partnersById(
      ctx,
      page.items.map((i) => i.partnerId),
    ),
    filesOf(
      ctx,
      page.items.map((i) => i.id),
    ),
  ]);
  return {
    ...page,
    items: page.items.map((i) => view(ctx, i, names.get(i.partnerId)?.displayName ?? "", photos)),
  };
}

export async function createItem(ctx: Ctx, body: z.infer<typeof CatalogItemBody>) {
  authorize(ctx.actor, "update", catalogItemPolicy);
  const partner = await actingPartner(ctx);
  const buildingIds = [...new Set(body.buildingIds ?? partner.buildingIds)];
  assertServed(partner, buildingIds);
  const { photos, ...fields } = body;
  const row = await insertOne(
    ctx.tx
      .insert(catalogItems)
      .values({ ...fields, buildingIds, companyId: ctx.companyId, partnerId: partner.id })
      .returning(),
  );
  await claimFiles(ctx, photos, "catalog_item", row.id);
  await audit(ctx, {
    action: "catalog_item.create",
    entity: "catalog_item",
    entityId: row.id,
    changes: body,
  });
  return view(ctx, row, partner.displayName, await filesOf(ctx, [row.id]));
}

/** A partner changes its item; anything but the stock count goes back to the management for approval. */
export async function updateItem(ctx: Ctx, id: string, patch: z.infer<typeof CatalogItemPatch>) {
  const partner = await actingPartner(ctx);
  const [before] = await ctx.tx
    .select()
    .from(catalogItems)
    .where(and(byId(ctx, id), eq(catalogItems.partnerId, partner.id)))
    .for("update");
  if (!before) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "update", subject(catalogItemPolicy, { status: before.status }));
  const { photos, ...fields } = patch;
  if (fields.buildingIds) assertServed(partner, fields.buildingIds);
  const changed = Object.keys(fields).filter(
    (k) => JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(before[k as keyof ItemRow]),
  );
  if (photos) {
    const had = (await filesOf(ctx, [id])).get(id)?.map((f) => f.id) ?? [];
    const added = photos.filter((f) => !had.includes(f));
    const removed = had.filter((f) => !photos.includes(f));
    await claimFiles(ctx, added, "catalog_item", id);
    await deleteFiles(ctx, id, removed);
    if (added.length + removed.length > 0) changed.push("photos");
  }
  const reviewAgain = changed.some((k) => k !== "stock");
  const [row] = await ctx.tx
    .update(catalogItems)
    .set({
      ...fields,
      ...(reviewAgain ? { status: "pending", reviewNote: null } : {}),
      updatedAt: new Date(),
    })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "catalog_item.update",
    entity: "catalog_item",
    entityId: id,
    changes: Object.fromEntries(
      changed.map((k) => [
        k,
        k === "photos" ? photos : [before[k as keyof ItemRow], fields[k as keyof typeof fields]],
      ]),
    ),
  });
  return view(ctx, row, partner.displayName, await filesOf(ctx, [id]));
}

/** The management approves a partner's item (residents see it from then on) or refuses it with a reason. */
export async function reviewItem(ctx: Ctx, id: string, body: z.infer<typeof CatalogReviewBody>) {
  const [before] = await ctx.tx.select().from(catalogItems).where(byId(ctx, id)).for("update");
  if (!before) throw errors.notFound("resource");
  authorizeVisible(ctx.actor, "review", subject(catalogItemPolicy, { status: before.status }));
  const status = body.decision === "approve" ? "approved" : "rejected";
  const note = body.decision === "reject" ? body.note : null;
  const [row] = await ctx.tx
    .update(catalogItems)
    .set({ status, reviewNote: note, reviewedBy: ctx.actor.accountId, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: `catalog_item.${status === "approved" ? "approve" : "reject"}`,
    entity: "catalog_item",
    entityId: id,
    changes: { status: [before.status, status], ...(note ? { note } : {}) },
  });
  const names = await partnersById(ctx, [row.partnerId]);
  return view(ctx, row, names.get(row.partnerId)?.displayName ?? "", await filesOf(ctx, [id]));
}

/**
 * What a household can order for one of its units: each active partner serving the unit's building, with its
 * approved items offered there, in the reader's language.
 */
export async function shopOf(ctx: Ctx, unitId: string): Promise<Shop> {
  nothingToAudit(ctx);
  if (ctx.actor.role !== "resident" || !ctx.actor.unitIds.includes(unitId)) throw errors.notFound("unit");
  const unit = await unitRef(ctx, unitId);
  const items = await ctx.tx
    .select()
    .from(catalogItems)
    .where(
      and(
        eq(catalogItems.companyId, ctx.companyId),
        eq(catalogItems.status, "approved"),
        arrayContains(catalogItems.buildingIds, [unit.buildingId]),
      ),
    )
    .orderBy(catalogItems.nameVi);
  const [partners, photos] = await Promise.all([
    partnersById(
      ctx,
      items.map((i) => i.partnerId),
    ),
    filesOf(
      ctx,
      items.map((i) => i.id),
    ),
  ]);
  const open = [...partners.values()]
    .filter((p) => p.status === "active" && p.buildingIds.includes(unit.buildingId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "vi"));
  const en = ctx.lang === "en";
  return {
    ...(await runningPromotions(
      ctx,
      open.map((p) => p.id),
    )),
    partners: open.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      hotline: p.hotline,
      categories: p.categories as Shop["partners"][number]["categories"],
      items: items
        .filter((i) => i.partnerId === p.id)
        .map((i) => ({
          id: i.id,
          kind: i.kind as "goods" | "service",
          category: i.category as Shop["partners"][number]["categories"][number],
          name: en ? i.nameEn : i.nameVi,
          description: en ? i.descriptionEn : i.descriptionVi,
          price: i.price,
          vatRate: i.vatRate as 0 | 5 | 8 | 10,
          available: i.stock === null || i.stock > 0,
          photoId: photos.get(i.id)?.[0]?.id ?? null,
        })),
    })),
  };
}

/**
 * A photo of an item, for whoever may see the item: the management, the partner's own staff, and residents of a
 * building where it is offered once approved. Anything else is not found.
 */
export async function itemPhoto(ctx: Ctx, id: string, fileId: string, variant: "display" | "thumbnail") {
  nothingToAudit(ctx);
  const [item] = await ctx.tx.select().from(catalogItems).where(byId(ctx, id));
  if (!item) throw errors.notFound("file");
  const visible =
    ctx.actor.role === "resident"
      ? item.status === "approved" &&
        (await buildingsOfUnits(ctx, ctx.actor.unitIds)).some((b) => item.buildingIds.includes(b))
      : ctx.actor.role === "partner"
        ? (await partnerOfActor(ctx))?.id === item.partnerId
        : can(ctx.actor, "read", catalogItemPolicy);
  if (!visible) throw errors.notFound("file");
  const photos = (await filesOf(ctx, [id])).get(id) ?? [];
  if (!photos.some((p) => p.id === fileId)) throw errors.notFound("file");
  return readFile(ctx, fileId, [id], variant);
}

/** Items of the company by id, as an order reads them. */
export async function itemsForOrder(ctx: Ctx, ids: readonly string[]) {
  return ctx.tx
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.companyId, ctx.companyId), inArray(catalogItems.id, [...new Set(ids)])));
}
