import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";

/** How many people and buildings the register covers (numbers only, read under the tenant's row security). */
export async function registerCounts(ctx: Ctx) {
  const [row] = await queryRows<{ residents: number; accounts: number; buildings: number }>(
    ctx.tx,
    sql`select
      (select count(*)::int from residents where company_id = ${ctx.companyId} and erased_at is null) as residents,
      (select count(distinct account_id)::int from memberships where company_id = ${ctx.companyId}) as accounts,
      (select count(*)::int from buildings where company_id = ${ctx.companyId}) as buildings`,
  );
  return row ?? { residents: 0, accounts: 0, buildings: 0 };
}
