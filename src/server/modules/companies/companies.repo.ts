import { count, desc, eq, ilike, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { containing } from "../../platform/db/paging.js";
import { type CompanySettings, companies } from "./companies.table.js";

/** Every company's id and settings (platform scope). */
export function allCompanySettings(tx: Tx) {
  return tx.select({ id: companies.id, settings: companies.settings }).from(companies);
}

/**
 * Companies with their building and staff counts, newest first, as the two queries of pageOf(). The
 * counts are read by the owner-defined view of each company's size, which exposes numbers only.
 */
export function companyPage(tx: Tx, p: { q?: string }) {
  const where = p.q ? ilike(companies.name, containing(p.q)) : undefined;
  return {
    rows: (limit: number, offset: number) =>
      tx
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
    total: tx.select({ n: count() }).from(companies).where(where),
  };
}

export async function insertCompany(tx: Tx, values: typeof companies.$inferInsert) {
  return insertOne(tx.insert(companies).values(values).returning());
}

export async function findCompany(tx: Tx, p: { id: string }) {
  const [row] = await tx
    .select({
      id: companies.id,
      name: companies.name,
      taxCode: companies.taxCode,
      settings: companies.settings,
      legalName: companies.legalName,
      address: companies.address,
      hotline: companies.hotline,
      email: companies.email,
      logoVersion: companies.logoVersion,
      hasLogo: sql<boolean>`${companies.logo} is not null`,
    })
    .from(companies)
    .where(eq(companies.id, p.id));
  return row ?? null;
}

/** Merges `patch` into the company's settings; answers them as they are now, null without the company. */
export async function mergeSettings(tx: Tx, p: { id: string; patch: Partial<CompanySettings> }) {
  const [row] = await tx
    .update(companies)
    .set({ settings: sql`${companies.settings} || ${JSON.stringify(p.patch)}::jsonb` })
    .where(eq(companies.id, p.id))
    .returning({ settings: companies.settings });
  return row?.settings ?? null;
}

/** Sets the company's profile columns; answers null without the company. */
export async function updateProfile(
  tx: Tx,
  p: {
    id: string;
    values: Pick<
      typeof companies.$inferInsert,
      "name" | "legalName" | "taxCode" | "address" | "hotline" | "email"
    >;
  },
) {
  const [row] = await tx
    .update(companies)
    .set(p.values)
    .where(eq(companies.id, p.id))
    .returning({ id: companies.id });
  return row ?? null;
}

/** Replaces (or with null removes) the logo; the version moves on so that cached copies are not shown. */
export async function setLogo(tx: Tx, p: { id: string; logo: { data: Buffer; type: string } | null }) {
  const [row] = await tx
    .update(companies)
    .set({
      logo: p.logo?.data ?? null,
      logoType: p.logo?.type ?? null,
      logoVersion: sql`${companies.logoVersion} + 1`,
      logoUpdatedAt: new Date(),
    })
    .where(eq(companies.id, p.id))
    .returning({ logoVersion: companies.logoVersion });
  return row ?? null;
}

export async function findLogo(tx: Tx, p: { id: string }) {
  const [row] = await tx
    .select({ data: companies.logo, type: companies.logoType, version: companies.logoVersion })
    .from(companies)
    .where(eq(companies.id, p.id));
  return row?.data && row.type ? { data: row.data, type: row.type, version: row.version } : null;
}
