import { count, desc, ilike, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Page, PageQuery } from "../../../contracts/common.js";
import type { Company, CompanyBody } from "../../../contracts/organisation.js";
import type { AccessLogRetention } from "../../platform/accesslog/purge.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../platform/db/client.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { enterCompany } from "../../platform/db/scope.js";
import { type CompanySettings, companies } from "./companies.table.js";
import "./companies.policy.js";

/** Every company's access-log retention, for the platform's daily purge. */
export async function accessLogRetentions(db: Database): Promise<AccessLogRetention[]> {
  const rows = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.select({ id: companies.id, settings: companies.settings }).from(companies),
  );
  return rows.map((c) => ({ id: c.id, accessLogRetentionDays: c.settings.accessLogRetentionDays }));
}

/**
 * Companies with their building and staff counts. The counts are read by the owner-defined view of
 * each company's size, which exposes numbers only, never a company's rows.
 */
export async function listCompanies(ctx: Ctx, q: PageQuery): Promise<Page<Company>> {
  const where = q.q ? ilike(companies.name, containing(q.q)) : undefined;
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select({
            c: companies,
            buildingCount: sql<number>`(select building_count from app_company_sizes(companies.id))`,
            staffCount: sql<number>`(select staff_count from app_company_sizes(companies.id))`,
          })
          .from(companies)
          .where(where)
          .orderBy(desc(companies.createdAt))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(companies).where(where),
    },
    ({ c, buildingCount, staffCount }) => ({
      id: c.id,
      name: c.name,
      taxCode: c.taxCode,
      createdAt: c.createdAt.toISOString(),
      buildingCount: Number(buildingCount),
      staffCount: Number(staffCount),
    }),
  );
}

/** Work another module does when a company is created, in the same transaction and inside the new company. */
export type CompanyCreatedHook = (ctx: Ctx, admin: { contact: string; displayName: string }) => Promise<void>;
const createdHooks: CompanyCreatedHook[] = [];

/**
 * Lets a module act on a new company: staff invites its first admin. A hook, because staff depends on
 * companies (an invitation names its company) and not the other way round.
 */
export function onCompanyCreated(hook: CompanyCreatedHook): void {
  createdHooks.push(hook);
}

/** Creates a company and invites its first admin (through the staff module's hook), in one transaction. */
export async function createCompany(ctx: Ctx, body: z.infer<typeof CompanyBody>): Promise<Company> {
  const [row] = await ctx.tx
    .insert(companies)
    .values({ name: body.name, taxCode: body.taxCode ?? null })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await audit(ctx, {
    action: "company.create",
    entity: "company",
    entityId: row.id,
    changes: { name: [null, row.name] },
  });
  const inCompany = await enterCompany(ctx, row.id);
  for (const hook of createdHooks)
    await hook(inCompany, { contact: body.adminContact, displayName: body.adminName });
  return {
    id: row.id,
    name: row.name,
    taxCode: row.taxCode,
    createdAt: row.createdAt.toISOString(),
    buildingCount: 0,
    staffCount: 0,
  };
}

/** The company's name and tax code (shown on its policies, reports and the impact-assessment dossier). */
export async function companyProfile(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select({
      id: companies.id,
      name: companies.name,
      taxCode: companies.taxCode,
      settings: companies.settings,
    })
    .from(companies)
    .where(sql`${companies.id} = ${id}`);
  return row ?? null;
}

/** Changes some of the company's settings (the rest are kept). */
export async function updateCompanySettings(
  ctx: Ctx,
  patch: Partial<CompanySettings>,
): Promise<CompanySettings> {
  const [row] = await ctx.tx
    .update(companies)
    .set({ settings: sql`${companies.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(sql`${companies.id} = ${ctx.companyId}`)
    .returning({ settings: companies.settings });
  if (!row) throw new Error("company not found");
  return row.settings;
}
