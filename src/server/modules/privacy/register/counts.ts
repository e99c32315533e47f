import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { countResidents } from "../../registry/index.js";

/** How many people and buildings the register covers (numbers only, read under the tenant's row security). */
export async function registerCounts(ctx: Ctx) {
  const [row] = await queryRows<{ accounts: number; buildings: number }>(
    ctx.tx,
    sql`select
      (select count(distinct account_id)::int from memberships where company_id = ${ctx.companyId}) as accounts,
      (select count(*)::int from buildings where company_id = ${ctx.companyId}) as buildings`,
  );
  return {
    residents: await countResidents(ctx),
    accounts: row?.accounts ?? 0,
    buildings: row?.buildings ?? 0,
  };
}
