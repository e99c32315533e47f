import { and, arrayContains, count, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { bankByBin } from "../../../contracts/banks.js";
import type {
  Partner,
  PartnerBody,
  PartnerListQuery,
  PartnerPatch,
  PayoutAccountBody,
} from "../../../contracts/partners.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { abilitiesOf, authorize } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { existingBuildingIds } from "../buildings/index.js";
import { partnerPolicy } from "./partners.policy.js";
import { partners } from "./partners.table.js";

type Row = typeof partners.$inferSelect;

const byId = (ctx: Ctx, id: string) => and(eq(partners.companyId, ctx.companyId), eq(partners.id, id));

function view(ctx: Ctx, p: Row): z.infer<typeof Partner> {
  return {
    id: p.id,
    legalName: p.legalName,
    displayName: p.displayName,
    taxCode: p.taxCode,
    hotline: p.hotline,
    orgEmail: p.orgEmail,
    categories: p.categories as z.infer<typeof Partner>["categories"],
    buildingIds: p.buildingIds,
    commissionKind: p.commissionKind as "percent" | "fixed",
    commissionValue: p.commissionValue,
    bankBin: p.bankBin,
    bankName: bankByBin(p.bankBin)?.shortName ?? null,
    accountNumber: p.accountNumber,
    accountName: p.accountName,
    status: p.status as "active" | "suspended",
    statusReason: p.statusReason,
    createdAt: p.createdAt.toISOString(),
    can: abilitiesOf(ctx.actor, partnerPolicy, undefined as never),
  };
}

/** The buildings named must be the company's. */
async function assertBuildings(ctx: Ctx, ids: readonly string[]) {
  const found = new Set(await existingBuildingIds(ctx, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw errors.validation({ buildingIds: "BUILDING_UNKNOWN" });
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  authorize(ctx.actor, "read", partnerPolicy);
  const [row] = await ctx.tx.select().from(partners).where(byId(ctx, id));
  if (!row) throw errors.notFound("resource");
  return row;
}

export async function listPartners(ctx: Ctx, q: z.infer<typeof PartnerListQuery>) {
  nothingToAudit(ctx);
  authorize(ctx.actor, "read", partnerPolicy);
  const where: SQL | undefined = and(
    eq(partners.companyId, ctx.companyId),
    q.status ? eq(partners.status, q.status) : undefined,
    q.category ? arrayContains(partners.categories, [q.category]) : undefined,
    q.buildingId ? arrayContains(partners.buildingIds, [q.buildingId]) : undefined,
  );
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx.select().from(partners).where(where).orderBy(partners.displayName).limit(limit).offset(offset),
      total: ctx.tx.select({ n: count() }).from(partners).where(where),
    },
    (p) => view(ctx, p),
  );
}

export async function getPartner(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return view(ctx, await load(ctx, id));
}

export async function createPartner(ctx: Ctx, body: z.infer<typeof PartnerBody>) {
  authorize(ctx.actor, "update", partnerPolicy);
  await assertBuildings(ctx, body.buildingIds);
  const row = await insertOne(
    ctx.tx
      .insert(partners)
      .values({ ...body, categories: [...new Set(body.categories)], companyId: ctx.companyId })
      .returning(),
  );
  const { accountNumber: _hidden, ...changes } = body;
  await audit(ctx, { action: "partner.create", entity: "partner", entityId: row.id, changes });
  return view(ctx, row);
}

export async function updatePartner(ctx: Ctx, id: string, patch: z.infer<typeof PartnerPatch>) {
  authorize(ctx.actor, "update", partnerPolicy);
  const before = await load(ctx, id);
  if (patch.buildingIds) await assertBuildings(ctx, patch.buildingIds);
  const next = { ...before, ...patch };
  if (next.commissionKind === "percent" && next.commissionValue > 10_000)
    throw errors.validation({ commissionValue: "COMMISSION_PERCENT" });
  const [row] = await ctx.tx
    .update(partners)
    .set({
      ...patch,
      ...(patch.status === "active" ? { statusReason: null } : {}),
      updatedAt: new Date(),
    })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  const changes = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, [before[k as keyof Row], v]]));
  await audit(ctx, { action: "partner.update", entity: "partner", entityId: id, changes });
  return view(ctx, row);
}

/** A new payout account (the route asks for the password again): audited with the old and new account. */
export async function setPayoutAccount(ctx: Ctx, id: string, body: z.infer<typeof PayoutAccountBody>) {
  authorize(ctx.actor, "update", partnerPolicy);
  const before = await load(ctx, id);
  const [row] = await ctx.tx
    .update(partners)
    .set({ ...body, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  if (!row) throw errors.notFound("resource");
  await audit(ctx, {
    action: "partner.payout_account",
    entity: "partner",
    entityId: id,
    changes: {
      bankBin: [before.bankBin, body.bankBin],
      accountNumber: [`…${before.accountNumber.slice(-4)}`, `…${body.accountNumber.slice(-4)}`],
      accountName: [before.accountName, body.accountName],
    },
  });
  return view(ctx, row);
}
