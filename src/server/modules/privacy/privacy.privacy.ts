import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { anonymiseAccessLogs } from "../../platform/accesslog/purge.js";
import type { Ctx, DataOwner, ErasureHold, ErasureSubject } from "../../platform/context.js";
import { message } from "../../platform/i18n/messages.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { consentHistory } from "./consents/consents.service.js";
import { disclosures } from "./disclosures/disclosures.table.js";
import { legalHolds } from "./erasure/holds.table.js";
import { dataExports } from "./mydata/exports.table.js";
import { identityChecks, privacyRequests } from "./requests/requests.table.js";

/*
 * What the privacy center itself holds about a person: the access log of their traffic, who received their
 * data, their consents and requests. Consent records and disclosures outlive an erasure as proof — they hold
 * ids and field names, never values.
 */

async function collect(ctx: Ctx, owner: DataOwner) {
  const ids = [...owner.residentIds];
  const [released, requests, consents] = await Promise.all([
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
      .where(
        and(eq(privacyRequests.companyId, ctx.companyId), eq(privacyRequests.accountId, owner.accountId)),
      )
      .orderBy(desc(privacyRequests.createdAt)),
    consentHistory(ctx, owner.accountId),
  ]);
  return {
    records: ids.map((residentId) => ({
      residentId,
      disclosures: released
        .filter((d) => d.residentId === residentId)
        .map((d) => ({
          recipient: d.recipient,
          recipientKind: d.recipientKind,
          fields: d.fields,
          purpose: d.purpose,
          legalBasis: d.legalBasis,
          at: d.at.toISOString(),
        })),
    })),
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

export async function openDisputes(ctx: Ctx, residentId: string) {
  return ctx.tx
    .select()
    .from(legalHolds)
    .where(
      and(
        eq(legalHolds.companyId, ctx.companyId),
        eq(legalHolds.residentId, residentId),
        isNull(legalHolds.releasedAt),
      ),
    );
}

/** An open dispute (a claim, a court case) keeps everything until it is released. */
async function disputeHolds(ctx: Ctx, person: ErasureSubject): Promise<ErasureHold[]> {
  const disputes = await openDisputes(ctx, person.id);
  return disputes.map((d) => ({
    what: message(person.lang, "ERASURE_KEPT_ALL"),
    reason: message(person.lang, "ERASURE_REASON_DISPUTE", {
      reason: d.reason,
      reference: d.reference ?? "—",
    }),
    until: null,
    keeps: "everything",
  }));
}

/**
 * Export links, identity checks and the free text of the person's requests go; the access log keeps the
 * traffic, anonymised.
 */
async function forget(ctx: Ctx, person: ErasureSubject) {
  const tables = ["privacy_requests", "identity_checks", "data_exports"];
  const { accountId } = person;
  if (!accountId) return { erased: [], tables };
  const c = ctx.companyId;
  await ctx.tx
    .delete(dataExports)
    .where(and(eq(dataExports.companyId, c), eq(dataExports.accountId, accountId)));
  await ctx.tx
    .delete(identityChecks)
    .where(and(eq(identityChecks.companyId, c), eq(identityChecks.residentId, person.id)));
  await ctx.tx
    .update(privacyRequests)
    .set({ details: null, accountId: null })
    .where(and(eq(privacyRequests.companyId, c), eq(privacyRequests.residentId, person.id)));
  const accessLogRows = await anonymiseAccessLogs(ctx.tx, c, accountId);
  return { erased: accessLogRows > 0 ? ["accessLog.entry"] : [], tables };
}

export const privacyPersonalData = definePersonalData({
  fields: [
    {
      key: "accessLog.entry",
      label: {
        vi: "Nhật ký truy cập (IP, trình duyệt, đường dẫn, thời gian)",
        en: "Access log (IP, browser, path, time)",
      },
      purposes: ["account_security", "analytics"],
      retention: RETENTION.accessLogs,
      records: ["access_log"],
      columns: [
        "access_log.ip",
        "access_log.user_agent",
        "access_log.path",
        "access_log.referrer",
        "access_log.sealed",
      ],
    },
  ],
  collect,
  holds: disputeHolds,
  erase: forget,
});
