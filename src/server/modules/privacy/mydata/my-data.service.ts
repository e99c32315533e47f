import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { MyData } from "../../../../contracts/registry.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { PURPOSES_VERSION } from "../../../platform/privacy/purposes.js";
import { contactsOf, getAccount } from "../../accounts/accounts.service.js";
import { listSessions } from "../../accounts/sessions.service.js";
import { billingHistory } from "../../billing/billing.privacy.js";
import { registryRecords, residentIdsOfAccount } from "../../registry/residents/my-data.service.js";
import { consentHistory } from "../consents/consents.service.js";
import { disclosures, privacyRequests } from "../privacy.table.js";

/**
 * Everything held about the signed-in person in this company and on their account: the registry record(s),
 * the fee notices and payments of their stays, who has seen or received what, their consents and requests.
 * The privacy center shows it and the export writes exactly this (a test holds them to the database).
 */
export async function myData(ctx: Ctx): Promise<z.infer<typeof MyData>> {
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.unauthenticated();
  const ids = await residentIdsOfAccount(ctx, accountId);
  const [records, released, requests, consents, account, sessions] = await Promise.all([
    registryRecords(ctx, ids),
    ids.length
      ? ctx.tx
          .select()
          .from(disclosures)
          .where(and(eq(disclosures.companyId, ctx.companyId), inArray(disclosures.residentId, ids)))
          .orderBy(desc(disclosures.at))
      : [],
    ctx.tx
      .select()
      .from(privacyRequests)
      .where(and(eq(privacyRequests.companyId, ctx.companyId), eq(privacyRequests.accountId, accountId)))
      .orderBy(desc(privacyRequests.createdAt)),
    consentHistory(ctx, accountId),
    getAccount(ctx.tx, accountId),
    listSessions(ctx, { accountId, sessionId: "" }),
  ]);
  const withBilling = [];
  for (const { tenures, ...record } of records) {
    const history = await billingHistory(
      ctx,
      tenures.map((t, i) => ({ ...t, unitCode: record.households[i]?.unitCode ?? "" })),
    );
    withBilling.push({
      ...record,
      ...history,
      disclosures: released
        .filter((d) => d.residentId === record.residentId)
        .map((d) => ({
          recipient: d.recipient,
          recipientKind: d.recipientKind,
          fields: d.fields,
          purpose: d.purpose,
          legalBasis: d.legalBasis,
          at: d.at.toISOString(),
        })),
    });
  }
  return {
    purposesVersion: PURPOSES_VERSION,
    records: withBilling,
    account: {
      displayName: account.displayName,
      ...contactsOf(ctx.platform, account),
      lang: account.lang,
      createdAt: account.createdAt.toISOString(),
      sessions: sessions.items.map((s) => ({ device: s.deviceLabel, ip: s.ip, lastUsedAt: s.lastUsedAt })),
    },
    consents: consents.map((c) => ({
      purpose: c.purpose,
      policyVersion: c.policyVersion,
      givenAt: c.givenAt,
      withdrawnAt: c.withdrawnAt,
      channel: c.givenChannel,
      wording: c.wording,
    })),
    requests: requests.map((r) => ({
      kind: r.kind,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
    })),
  };
}
