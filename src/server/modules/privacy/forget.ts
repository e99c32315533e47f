import { and, eq } from "drizzle-orm";
import { anonymiseAccessLogs } from "../../platform/accesslog/purge.js";
import type { Ctx } from "../../platform/context.js";
import { forgetInbox } from "../notifications/notifications.service.js";
import { dataExports, identityChecks, privacyRequests } from "./privacy.table.js";

/**
 * What the privacy center and the inbox hold about an erased person in this company: their inbox, export
 * links, identity checks and the free text of their requests go; the access log keeps the traffic, anonymised.
 * Consent records and disclosures stay as proof — they hold ids and field names, never values.
 */
export async function forgetAccountInCompany(
  ctx: Ctx,
  accountId: string,
  residentId: string,
): Promise<{ accessLogRows: number }> {
  const c = ctx.companyId;
  await forgetInbox(ctx, accountId);
  await ctx.tx
    .delete(dataExports)
    .where(and(eq(dataExports.companyId, c), eq(dataExports.accountId, accountId)));
  await ctx.tx
    .delete(identityChecks)
    .where(and(eq(identityChecks.companyId, c), eq(identityChecks.residentId, residentId)));
  await ctx.tx
    .update(privacyRequests)
    .set({ details: null, accountId: null })
    .where(and(eq(privacyRequests.companyId, c), eq(privacyRequests.residentId, residentId)));
  return { accessLogRows: await anonymiseAccessLogs(ctx.tx, c, accountId) };
}
