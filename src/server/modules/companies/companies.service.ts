import type { z } from "zod";
import type { Page, PageQuery } from "../../../contracts/common.js";
import type { Company, CompanyBody } from "../../../contracts/organisation.js";
import type { AccessLogRetention } from "../../platform/accesslog/purge.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../platform/db/client.js";
import { pageOf } from "../../platform/db/paging.js";
import { enterCompany } from "../../platform/db/scope.js";
import {
  allCompanySettings,
  companyPage,
  findCompany,
  insertCompany,
  mergeSettings,
} from "./companies.repo.js";
import type { CompanySettings } from "./companies.table.js";
import "./companies.policy.js";

/** Every company's access-log retention, for the platform's daily purge. */
export async function accessLogRetentions(db: Database): Promise<AccessLogRetention[]> {
  const rows = await db.transaction(PLATFORM_SCOPE, (tx) => allCompanySettings(tx));
  return rows.map((c) => ({ id: c.id, accessLogRetentionDays: c.settings.accessLogRetentionDays }));
}

/** Companies with their building and staff counts. */
export async function listCompanies(ctx: Ctx, q: PageQuery): Promise<Page<Company>> {
  return pageOf(q, companyPage(ctx.tx, { q: q.q }), ({ c, buildingCount, staffCount }) => ({
    id: c.id,
    name: c.name,
    taxCode: c.taxCode,
    createdAt: c.createdAt.toISOString(),
    buildingCount: Number(buildingCount),
    staffCount: Number(staffCount),
  }));
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
  const row = await insertCompany(ctx.tx, { name: body.name, taxCode: body.taxCode ?? null });
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
  return findCompany(ctx.tx, { id });
}

/** Changes some of the company's settings (the rest are kept). */
export async function updateCompanySettings(
  ctx: Ctx,
  patch: Partial<CompanySettings>,
): Promise<CompanySettings> {
  const settings = await mergeSettings(ctx.tx, { id: ctx.companyId, patch });
  if (!settings) throw new Error("company not found");
  return settings;
}
