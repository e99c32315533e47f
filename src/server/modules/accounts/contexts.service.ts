import { sql } from "drizzle-orm";
import type { Context } from "../../../contracts/auth.js";
import type { CompanyRole } from "../../../contracts/common.js";
import type { Actor } from "../../platform/authz/actor.js";
import { queryRows, type Tx } from "../../platform/db/client.js";

const AREA: Record<CompanyRole, Context["area"]> = {
  company_admin: "console",
  building_manager: "console",
  accountant: "console",
  owners_board: "console",
  technician: "console",
  customer_care: "console",
  resident: "resident",
  partner: "partner",
};

/** Every role the person holds, across companies (answered by a SECURITY DEFINER function for this account only). */
export async function listContexts(tx: Tx, accountId: string, platformAdmin: boolean): Promise<Context[]> {
  const rows = await queryRows<{
    membership_id: string;
    company_id: string;
    company_name: string;
    role: CompanyRole;
    building_ids: string[] | string;
    unit_ids: string[] | string;
  }>(tx, sql`select * from app_account_contexts(${accountId})`);
  const contexts: Context[] = rows.map((r) => ({
    id: r.membership_id,
    companyId: r.company_id,
    companyName: r.company_name,
    role: r.role,
    area: AREA[r.role],
    buildingIds: pgArray(r.building_ids),
    unitIds: pgArray(r.unit_ids),
  }));
  if (platformAdmin) {
    contexts.unshift({
      id: "platform",
      companyId: null,
      companyName: null,
      role: "platform_admin",
      area: "platform",
      buildingIds: [],
      unitIds: [],
    });
  }
  return contexts;
}

/** The chosen context, or the first company role (platform last resort). */
export function pickContext(contexts: Context[], chosen: string | null): Context | null {
  return (
    contexts.find((c) => c.id === chosen) ?? contexts.find((c) => c.companyId !== null) ?? contexts[0] ?? null
  );
}

export function actorFor(accountId: string, context: Context | null): Actor {
  return {
    accountId,
    platformAdmin: context?.role === "platform_admin",
    membershipId: context?.companyId ? context.id : null,
    role: context?.role ?? null,
    buildingIds: context?.buildingIds ?? [],
    unitIds: context?.unitIds ?? [],
  };
}

/** Raw execute() results do not parse array columns the same way on both drivers. */
function pgArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",") : [];
}
