import { and, eq, isNull } from "drizzle-orm";
import type { ErasureOutcome } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { message } from "../../../platform/i18n/messages.js";
import { fieldLabel } from "../../../platform/privacy/purposes.js";
import { closeAccountForErasure } from "../../accounts/accounts.service.js";
import {
  accountingRecords,
  forgetPayer,
  type UnpaidHold,
  unpaidNoticesOf,
} from "../../billing/billing.privacy.js";
import {
  eraseResidentRecord,
  markErasurePending,
  openResidentFields,
  type ResidentFacts,
  residentFacts,
} from "../../registry/residents/residents.service.js";
import { forgetResidentAccess } from "../../staff/staff.service.js";
import { forgetAccountInCompany } from "../forget.js";
import { legalHolds } from "../privacy.table.js";

/** Years issued invoices and payments are kept (Law on Accounting 88/2015/QH13, art. 41: 10 years). */
export const ACCOUNTING_YEARS = 10;

type Hold = ErasureOutcome["kept"][number];

/**
 * Tables an erasure rewrites in place (anonymised rows, replaced card numbers, a destroyed wrapped data key,
 * deleted invitations, sessions and accounts): their old row versions are removed from disk once it commits.
 * The audit and access logs are not among them: they never held the values in clear (masked, or sealed with
 * the destroyed key).
 */
export const ERASURE_TABLES = [
  "residents",
  "household_members",
  "vehicles",
  "access_cards",
  "change_requests",
  "privacy_requests",
  "identity_checks",
  "data_exports",
  "invitations",
  "memberships",
  "notifications",
  "autopay_mandates",
];
const ACCOUNT_TABLES = ["accounts", "sessions", "devices", "otp_codes"];

const compactions = new WeakMap<object, Set<string>>();
/** Compacts the tables once the transaction has committed, once per transaction however many it erased. */
function compactAfterCommit(ctx: Ctx, tables: readonly string[]) {
  let pending = compactions.get(ctx.afterCommit);
  if (!pending) {
    const set = new Set<string>();
    pending = set;
    compactions.set(ctx.afterCommit, set);
    ctx.afterCommit(() => ctx.platform.compactTables([...set]));
  }
  for (const t of tables) pending.add(t);
}

/**
 * Erases a resident as far as the law allows, now. Holds are checked first: an open dispute keeps everything;
 * an unpaid notice keeps the name, address and contacts needed to collect it; issued notices keep the name
 * they were issued to for the accounting period. Everything else goes: the data key is destroyed (so every
 * field and log detail sealed with it is unreadable), the registry rows are anonymised, the account is closed
 * (or, if it serves another company, signed out everywhere). The person is told what went and what stays.
 */
export async function eraseResident(
  ctx: Ctx,
  residentId: string,
  why: { requestId?: string; retention?: boolean },
) {
  const facts = await residentFacts(ctx, residentId);
  if (!facts) throw errors.notFound("resident");
  const [contact] = await openResidentFields(ctx, [residentId]);
  const lang = contact?.lang ?? ctx.lang;
  const disputes = await openDisputes(ctx, residentId);
  const kept: Hold[] = [];
  const executedAt = new Date().toISOString();
  if (disputes.length > 0) {
    kept.push(
      ...disputes.map((d) => ({
        what: message(lang, "ERASURE_KEPT_ALL"),
        reason: message(lang, "ERASURE_REASON_DISPUTE", { reason: d.reason, reference: d.reference ?? "—" }),
        until: null,
      })),
    );
    await markErasurePending(ctx, residentId);
    await record(ctx, residentId, why, [], kept);
    return { executedAt, erased: [], kept };
  }
  const { unpaid } = await erasureHolds(ctx, facts);
  const accounting = await accountingRecords(ctx, facts.unitIds, facts.fullName, ACCOUNTING_YEARS);
  const keepContacts = unpaid.length > 0;
  const erasedFields = await eraseResidentRecord(ctx, residentId, keepContacts);
  const billing = await forgetPayer(ctx, {
    unitIds: keepContacts ? [] : facts.unitIds,
    name: facts.fullName,
    accountId: facts.accountId,
  });
  await forgetResidentAccess(ctx, residentId, facts.accountId);
  let accountClosed = false;
  let accessLogRows = 0;
  if (facts.accountId) {
    ({ accessLogRows } = await forgetAccountInCompany(ctx, facts.accountId, residentId));
    accountClosed = await closeAccountForErasure(ctx, facts.accountId);
  }
  if (keepContacts) kept.push(...unpaidHolds(lang, unpaid, facts));
  if (accounting.notices > 0) {
    kept.push({
      what: message(lang, "ERASURE_KEPT_ACCOUNTING", { count: accounting.notices }),
      reason: message(lang, "ERASURE_REASON_ACCOUNTING", { years: ACCOUNTING_YEARS }),
      until: accounting.keepUntil,
    });
  }
  const erased = [
    ...erasedFields.map((f) => fieldLabel(f, lang)),
    ...(billing.cards > 0 ? [fieldLabel("billing.cardToken", lang)] : []),
    ...(facts.accountId ? [fieldLabel("account.sessions", lang)] : []),
    ...(accessLogRows > 0 ? [fieldLabel("accessLog.entry", lang)] : []),
    ...(accountClosed
      ? [
          fieldLabel("account.displayName", lang),
          fieldLabel("account.email", lang),
          fieldLabel("account.phone", lang),
        ]
      : []),
  ];
  await record(ctx, residentId, why, erased, kept, {
    accountClosed,
    drafts: billing.drafts,
    cards: billing.cards,
  });
  const outcome = { executedAt, erased, kept };
  compactAfterCommit(ctx, facts.accountId ? [...ERASURE_TABLES, ...ACCOUNT_TABLES] : ERASURE_TABLES);
  if (contact) tellPerson(ctx, contact.values, contact.lang, outcome);
  return outcome;
}

/**
 * What notices still owed keep, one entry per reason it concerns the person: notices billed to them, and
 * notices of a unit they own (the owner answers for its fees). Each names its notices.
 */
function unpaidHolds(lang: "vi" | "en", unpaid: UnpaidHold[], facts: ResidentFacts): Hold[] {
  const what = [
    "resident.fullName",
    "resident.phone",
    "resident.email",
    "resident.contactAddress",
    "household.membership",
  ]
    .map((f) => fieldLabel(f, lang))
    .join(", ");
  const billed = unpaid.filter((u) => u.basis === "billed");
  const owned = unpaid.filter((u) => u.basis === "owner");
  const holds: Hold[] = [];
  if (billed.length > 0) {
    holds.push({
      what,
      reason: message(lang, "ERASURE_REASON_UNPAID_BILLED", {
        count: billed.length,
        notices: billed.map((u) => u.notice).join(", "),
      }),
      until: null,
    });
  }
  if (owned.length > 0) {
    const codes = facts.owned.filter((o) => owned.some((u) => u.unitId === o.unitId)).map((o) => o.code);
    holds.push({
      what,
      reason: message(lang, "ERASURE_REASON_UNPAID_OWNER", {
        count: owned.length,
        notices: owned.map((u) => u.notice).join(", "),
        units: codes.join(", "),
      }),
      until: null,
    });
  }
  return holds;
}

async function openDisputes(ctx: Ctx, residentId: string) {
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

/**
 * The holds that stop an erasure from finishing: the person's open disputes, and notices still owed that
 * concern them (billed to them, or of a unit they own).
 */
export async function erasureHolds(ctx: Ctx, facts: ResidentFacts) {
  const [disputes, unpaid] = await Promise.all([
    openDisputes(ctx, facts.id),
    unpaidNoticesOf(ctx, {
      unitIds: facts.unitIds,
      ownedUnitIds: facts.owned.map((o) => o.unitId),
      name: facts.fullName,
    }),
  ]);
  return { disputes: disputes.length, unpaid };
}

/** One audit entry, holding references and counts only (the entry outlives the person's data). */
async function record(
  ctx: Ctx,
  residentId: string,
  why: { requestId?: string; retention?: boolean },
  erased: string[],
  kept: Hold[],
  counts: Record<string, unknown> = {},
) {
  await audit(ctx, {
    action: kept.length > 0 && erased.length === 0 ? "privacy.erasure_held" : "privacy.erasure",
    entity: "resident",
    entityId: residentId,
    changes: {
      request: why.requestId ?? null,
      retention: why.retention ?? false,
      erased: erased.length,
      kept: kept.map((k) => k.until ?? "while held"),
      ...counts,
    },
  });
}

/** The person learns, at the address they gave, what was erased and what is kept and why (after the commit). */
function tellPerson(
  ctx: Ctx,
  values: Record<string, string | null>,
  lang: "vi" | "en",
  outcome: ErasureOutcome,
) {
  const email = values["resident.email"];
  const phone = values["resident.phone"];
  const kept = outcome.kept
    .map((k) => `- ${k.what}: ${k.reason}${k.until ? ` (${k.until})` : ""}`)
    .join("\n");
  const text = message(lang, "ERASURE_DONE_TEXT", {
    erased: outcome.erased.join(", ") || "—",
    kept: kept || message(lang, "ERASURE_NOTHING_KEPT"),
  });
  ctx.afterCommit(async () => {
    if (email) {
      await ctx.platform.messenger.send({
        channel: "email",
        to: email,
        subject: message(lang, "ERASURE_DONE_SUBJECT"),
        text,
      });
    } else if (phone && ctx.platform.messenger.available("sms")) {
      await ctx.platform.messenger.send({
        channel: "sms",
        to: phone,
        text: message(lang, "ERASURE_DONE_SMS"),
      });
    }
  });
}
