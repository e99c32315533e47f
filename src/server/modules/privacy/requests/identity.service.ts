import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { maskEmail, maskPhone } from "../../../platform/crypto/contact.js";
import { sha256 } from "../../../platform/crypto/crypto.js";
import { type AppError, errors } from "../../../platform/errors.js";
import { type MessageCode, message } from "../../../platform/i18n/messages.js";
import { openResidentFields } from "../../registry/index.js";
import { identityChecks } from "./requests.table.js";

const TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;

const codeHash = (checkId: string, code: string) => sha256(`${checkId}:${code}`);

/**
 * Customer care confirms who is asking (on the phone, at the desk) before recording a request for them: a
 * 6-digit code goes to the contact the registry holds, and the person reads it back.
 */
export async function sendIdentityCheck(ctx: Ctx, residentId: string, wanted?: "email" | "sms") {
  const [person] = await openResidentFields(ctx, [residentId]);
  if (!person || person.erased) throw errors.notFound("resident");
  const email = person.values["resident.email"] ?? null;
  const phone = person.values["resident.phone"] ?? null;
  const channel = wanted ?? (email ? "email" : "sms");
  const to = channel === "email" ? email : phone;
  if (!to || !ctx.platform.messenger.available(channel)) throw errors.rule("IDENTITY_CHANNEL_UNAVAILABLE");
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + TTL_MS);
  await ctx.tx.insert(identityChecks).values({
    companyId: ctx.companyId,
    id,
    residentId,
    channel,
    codeHash: codeHash(id, code),
    expiresAt,
    sentBy: ctx.actor.accountId,
  });
  await audit(ctx, {
    action: "privacy.identity_check",
    entity: "resident",
    entityId: residentId,
    changes: { channel },
  });
  const text = message(person.lang, "IDENTITY_CODE_TEXT", { code });
  ctx.afterCommit(async () => {
    await ctx.platform.messenger.send(
      channel === "email"
        ? { channel, to, subject: message(person.lang, "IDENTITY_CODE_SUBJECT"), text }
        : { channel, to, text, smsType: "otp" },
    );
  });
  return {
    id,
    channel,
    sentTo: channel === "email" ? maskEmail(to) : maskPhone(to),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Consumes a check when the code matches. A wrong code counts an attempt, so the refusal is returned (to be
 * thrown after the commit) rather than thrown here, which would roll the count back.
 */
export async function verifyIdentityCheck(
  ctx: Ctx,
  checkId: string,
  residentId: string,
  code: string,
): Promise<AppError | null> {
  const where = and(eq(identityChecks.companyId, ctx.companyId), eq(identityChecks.id, checkId));
  const [check] = await ctx.tx.select().from(identityChecks).where(where).for("update");
  const refuse = (reason: MessageCode) => errors.validation({ code: reason });
  if (!check || check.residentId !== residentId || check.consumedAt) return refuse("OTP_INVALID");
  if (check.expiresAt.getTime() < Date.now()) return refuse("OTP_EXPIRED");
  if (check.codeHash !== codeHash(checkId, code)) {
    const attempts = check.attempts + 1;
    await ctx.tx
      .update(identityChecks)
      .set({ attempts, consumedAt: attempts >= MAX_ATTEMPTS ? new Date() : null })
      .where(where);
    return refuse(attempts >= MAX_ATTEMPTS ? "OTP_TOO_MANY_ATTEMPTS" : "OTP_INVALID");
  }
  await ctx.tx.update(identityChecks).set({ consumedAt: new Date() }).where(where);
  return null;
}
