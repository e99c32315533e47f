import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { ConsentBody, ConsentOverview, ConsentRecord, Purpose } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { CONSENT_WORDING } from "../../../platform/privacy/consent-wording.js";
import { PURPOSES } from "../../../platform/privacy/purposes.js";
import { cancelQueued } from "../../notifications/index.js";
import { currentPolicyVersion } from "../policies/policies.service.js";
import { consents } from "./consents.table.js";

type Row = typeof consents.$inferSelect;
type ConsentPurpose = keyof typeof CONSENT_WORDING;

const isConsentPurpose = (p: Purpose): p is ConsentPurpose => PURPOSES[p].basis === "consent";

const toRecord = (r: Row): ConsentRecord => ({
  id: r.id,
  purpose: r.purpose as Purpose,
  policyVersion: r.policyVersion,
  givenAt: r.givenAt.toISOString(),
  givenChannel: r.givenChannel as ConsentRecord["givenChannel"],
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  withdrawnChannel: (r.withdrawnChannel as ConsentRecord["withdrawnChannel"]) ?? null,
  wording: r.wording,
  lang: r.lang as ConsentRecord["lang"],
});

function accountOf(ctx: Ctx): string {
  if (!ctx.actor.accountId) throw errors.unauthenticated();
  return ctx.actor.accountId;
}

/** Every consent record of a person in this company, newest first. */
export async function consentHistory(ctx: Ctx, accountId: string): Promise<ConsentRecord[]> {
  const rows = await ctx.tx
    .select()
    .from(consents)
    .where(and(eq(consents.companyId, ctx.companyId), eq(consents.accountId, accountId)))
    .orderBy(desc(consents.givenAt));
  return rows.map(toRecord);
}

/** Each purpose with its legal basis and, for those resting on consent, whether it is given now. */
export async function consentOverview(ctx: Ctx): Promise<z.infer<typeof ConsentOverview>> {
  const history = await consentHistory(ctx, accountOf(ctx));
  return {
    policyVersion: await currentPolicyVersion(ctx),
    purposes: (Object.keys(PURPOSES) as Purpose[]).map((purpose) => {
      const info = PURPOSES[purpose];
      const consent = history.find((c) => c.purpose === purpose && c.withdrawnAt === null) ?? null;
      return {
        purpose,
        name: info[ctx.lang],
        description: info.description[ctx.lang],
        basis: info.basis,
        wording: isConsentPurpose(purpose) ? CONSENT_WORDING[purpose][ctx.lang] : null,
        active: info.basis !== "consent" || consent !== null,
        consent,
      };
    }),
    history,
  };
}

/**
 * Gives or withdraws consent for one purpose, at once. Giving records the exact sentence shown (in the
 * person's language) and the policy version; withdrawing closes the open record. Repeating either is a no-op.
 */
export async function setConsent(ctx: Ctx, body: z.infer<typeof ConsentBody>) {
  const accountId = accountOf(ctx);
  if (!isConsentPurpose(body.purpose)) throw errors.rule("CONSENT_NOT_APPLICABLE", { purpose: body.purpose });
  const open = and(
    eq(consents.companyId, ctx.companyId),
    eq(consents.accountId, accountId),
    eq(consents.purpose, body.purpose),
    isNull(consents.withdrawnAt),
  );
  if (body.given) {
    const inserted = await ctx.tx
      .insert(consents)
      .values({
        companyId: ctx.companyId,
        accountId,
        purpose: body.purpose,
        policyVersion: await currentPolicyVersion(ctx),
        wording: CONSENT_WORDING[body.purpose][ctx.lang],
        lang: ctx.lang,
        givenChannel: body.channel,
        recordedBy: ctx.actor.accountId,
      })
      .onConflictDoNothing()
      .returning({ id: consents.id });
    if (inserted[0]) {
      await audit(ctx, {
        action: "consent.give",
        entity: "consent",
        entityId: inserted[0].id,
        changes: { purpose: body.purpose, channel: body.channel },
      });
    }
  } else {
    const closed = await ctx.tx
      .update(consents)
      .set({ withdrawnAt: new Date(), withdrawnChannel: body.channel })
      .where(open)
      .returning({ id: consents.id });
    if (closed[0]) {
      // Marketing already queued for the person stops with the consent.
      const cancelled = body.purpose === "marketing" ? await cancelQueued(ctx, accountId, "marketing") : 0;
      await audit(ctx, {
        action: "consent.withdraw",
        entity: "consent",
        entityId: closed[0].id,
        changes: { purpose: body.purpose, channel: body.channel, cancelled },
      });
    }
  }
  return consentOverview(ctx);
}

/** Of these accounts, those who consent to a purpose now (marketing messages go to them only). */
export async function consentingAccounts(
  ctx: Ctx,
  accountIds: readonly string[],
  purpose: ConsentPurpose,
): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await ctx.tx
    .select({ accountId: consents.accountId })
    .from(consents)
    .where(
      and(
        eq(consents.companyId, ctx.companyId),
        eq(consents.purpose, purpose),
        isNull(consents.withdrawnAt),
        inArray(consents.accountId, [...accountIds]),
      ),
    );
  return new Set(rows.map((r) => r.accountId));
}
