import { sql } from "drizzle-orm";
import type { Ctx } from "../context.js";
import { queryRows, type Tx } from "./client.js";

/**
 * Moves an open transaction into one company's tenant context, for the few platform-level flows that
 * act inside a company they have just found or created (accepting an invitation, creating a company).
 */
export async function enterCompany(ctx: Ctx, companyId: string): Promise<Ctx> {
  await ctx.tx.execute(sql`select set_config('app.company_id', ${companyId}, true)`);
  return { ...ctx, companyId };
}

/** The company the transaction is in now (a flow may have entered one since it began). */
export async function currentCompany(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select current_setting('app.company_id', true) as id`,
  );
  return row?.id ?? "";
}
