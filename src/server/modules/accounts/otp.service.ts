import { randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { maskContact } from "../../platform/crypto/contact.js";
import { errors } from "../../platform/errors.js";
import { type AccountRow, contactsOf } from "./accounts.service.js";
import { otpCodes } from "./accounts.table.js";

export const OTP_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export type OtpPurpose = "sign_in" | "reset" | "reauth";

/**
 * How many codes one account may be sent per purpose and window. Each purpose counts only its own codes,
 * so anonymous reset requests (anyone who knows an address can make them) never use up the sign-in
 * quota, and they are held to a few per hour so they cannot flood the person's inbox.
 */
export const OTP_QUOTAS: Record<OtpPurpose, { max: number; windowMs: number }> = {
  sign_in: { max: 10, windowMs: 15 * 60_000 },
  reauth: { max: 5, windowMs: 15 * 60_000 },
  reset: { max: 3, windowMs: 60 * 60_000 },
};
export type OtpChannel = "email" | "sms";

const codeHash = (ctx: Ctx, accountId: string, code: string) =>
  ctx.platform.keyring.blindIndex("otp", `${accountId}:${code}`);

/** Channels on which this person can receive a code now. */
export function otpChannels(ctx: Ctx, account: AccountRow): OtpChannel[] {
  const { messenger } = ctx.platform;
  const out: OtpChannel[] = [];
  if (account.emailEnc && messenger.available("email")) out.push("email");
  if (account.phoneEnc && messenger.available("sms")) out.push("sms");
  return out;
}

const TEXT = {
  sign_in: {
    vi: (c: string) =>
      `Mã đăng nhập Chungcu của bạn là ${c}. Mã có hiệu lực 5 phút. Không chia sẻ mã này với bất kỳ ai.`,
    en: (c: string) =>
      `Your Chungcu sign-in code is ${c}. It is valid for 5 minutes. Never share it with anyone.`,
  },
  reset: {
    vi: (c: string) =>
      `Mã đặt lại mật khẩu Chungcu: ${c} (hiệu lực 5 phút). Nếu không phải bạn yêu cầu, hãy bỏ qua.`,
    en: (c: string) =>
      `Your Chungcu password reset code: ${c} (valid 5 minutes). If you did not ask, ignore this.`,
  },
  reauth: {
    vi: (c: string) => `Mã xác nhận thao tác Chungcu: ${c} (hiệu lực 5 phút).`,
    en: (c: string) => `Your Chungcu confirmation code: ${c} (valid 5 minutes).`,
  },
} as const;
const SUBJECT = {
  sign_in: { vi: "Mã đăng nhập Chungcu", en: "Your Chungcu sign-in code" },
  reset: { vi: "Đặt lại mật khẩu Chungcu", en: "Reset your Chungcu password" },
  reauth: { vi: "Mã xác nhận Chungcu", en: "Your Chungcu confirmation code" },
} as const;

/**
 * Creates a 6-digit code (only its keyed hash is stored), replaces earlier open codes for the same purpose,
 * and sends it after commit. At most `OTP_QUOTAS[purpose]` codes per person and window (429 beyond).
 */
export async function issueOtp(
  ctx: Ctx,
  account: AccountRow,
  purpose: OtpPurpose,
  opts: { sessionId?: string; channel?: OtpChannel } = {},
): Promise<{ channel: OtpChannel; destination: string; channels: OtpChannel[]; expiresAt: string }> {
  const channels = otpChannels(ctx, account);
  const channel = opts.channel ?? channels[0];
  if (!channel || !channels.includes(channel)) throw errors.rule("OTP_CHANNEL_UNAVAILABLE");

  // The sign-in quota is the installation's (SIGN_IN_CODES_PER_15_MINUTES); the others are fixed.
  const quota =
    purpose === "sign_in"
      ? { ...OTP_QUOTAS.sign_in, max: ctx.platform.config.signInCodesPer15Minutes }
      : OTP_QUOTAS[purpose];
  const [recent] = await ctx.tx
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${otpCodes.createdAt})` })
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.accountId, account.id),
        eq(otpCodes.purpose, purpose),
        gt(otpCodes.createdAt, new Date(Date.now() - quota.windowMs)),
      ),
    );
  if ((recent?.n ?? 0) >= quota.max) {
    // Retry when the oldest code of the window leaves it.
    const oldest = recent?.oldest ? new Date(recent.oldest).getTime() : Date.now();
    throw errors.rateLimited(Math.max(1, Math.ceil((oldest + quota.windowMs - Date.now()) / 1000)));
  }

  await ctx.tx
    .update(otpCodes)
    .set({ consumedAt: new Date() })
    .where(
      and(eq(otpCodes.accountId, account.id), eq(otpCodes.purpose, purpose), isNull(otpCodes.consumedAt)),
    );

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(Date.now() + OTP_TTL_MS);
  await ctx.tx.insert(otpCodes).values({
    accountId: account.id,
    sessionId: opts.sessionId ?? null,
    purpose,
    channel,
    codeHash: codeHash(ctx, account.id, code),
    expiresAt,
  });

  const contacts = contactsOf(ctx.platform, account);
  const to = (channel === "email" ? contacts.email : contacts.phone) ?? "";
  const lang = account.lang === "en" ? "en" : "vi";
  const text = TEXT[purpose][lang](code);
  ctx.afterCommit(async () => {
    await ctx.platform.messenger.send(
      channel === "email"
        ? { channel, to, subject: SUBJECT[purpose][lang], text }
        : { channel, to, text, smsType: "otp" },
    );
  });
  return {
    channel,
    destination: maskContact({ kind: channel === "email" ? "email" : "phone", value: to }),
    channels,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Checks a code against the newest open code for the purpose (and session, for sign-in).
 * A wrong code counts an attempt; the 5th wrong attempt spends the code. A right code is spent at once.
 * Returns an error to throw after commit (so the attempt is counted) or null when the code is right.
 */
export async function checkOtp(
  ctx: Ctx,
  accountId: string,
  purpose: OtpPurpose,
  code: string,
  sessionId?: string,
): Promise<ReturnType<typeof errors.rule> | null> {
  const conditions = [eq(otpCodes.accountId, accountId), eq(otpCodes.purpose, purpose)];
  if (sessionId) conditions.push(eq(otpCodes.sessionId, sessionId));
  const [row] = await ctx.tx
    .select()
    .from(otpCodes)
    .where(and(...conditions))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for("update");
  if (!row || row.consumedAt) return errors.rule("OTP_INVALID");
  if (row.expiresAt.getTime() < Date.now()) return errors.rule("OTP_EXPIRED");
  if (row.codeHash !== codeHash(ctx, accountId, code)) {
    const attempts = row.attempts + 1;
    await ctx.tx
      .update(otpCodes)
      .set({ attempts, consumedAt: attempts >= MAX_ATTEMPTS ? new Date() : null })
      .where(eq(otpCodes.id, row.id));
    return errors.rule(attempts >= MAX_ATTEMPTS ? "OTP_TOO_MANY_ATTEMPTS" : "OTP_INVALID");
  }
  await ctx.tx.update(otpCodes).set({ consumedAt: new Date() }).where(eq(otpCodes.id, row.id));
  return null;
}
