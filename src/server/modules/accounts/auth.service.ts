import { eq, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify as verifyTotpCode } from "otplib";
import QRCode from "qrcode";
import type { Me, SignInResult } from "../../../contracts/auth.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { decrypt, encrypt } from "../../platform/crypto/crypto.js";
import { type AppError, errors } from "../../platform/errors.js";
import type { AuthState } from "../../platform/http/types.js";
import {
  type AccountRow,
  dataKeyOf,
  findAccountByContact,
  getAccount,
  parseContactOrFail,
} from "./accounts.service.js";
import { accounts, devices, sessions } from "./accounts.table.js";
import { meOf } from "./me.service.js";
import { checkOtp, issueOtp, type OtpChannel } from "./otp.service.js";
import { hashPassword, isStrongPassword, verifyPassword } from "./passwords.js";
import {
  activateSession,
  createSession,
  findDevice,
  isTrusted,
  markReauth,
  recordDevice,
  revokeAllSessions,
  sessionsChanged,
} from "./sessions.service.js";

const LOCK_AFTER = 5;

const contextIdOf = (auth: AuthState) =>
  auth.actor.membershipId ?? (auth.actor.platformAdmin ? "platform" : null);
const MAX_LOCK_SECONDS = 3600;

/** What the route turns into cookies and a body. An error is thrown by the route after the commit, so counters stick. */
export type AuthOutcome = {
  error?: AppError;
  result?: SignInResult;
  sessionToken?: string;
  deviceToken?: string | null;
};

export type ClientInfo = { ip: string; userAgent: string | undefined; deviceToken: string | undefined };

const lockSeconds = (failures: number) => Math.min(MAX_LOCK_SECONDS, 60 * 2 ** (failures - LOCK_AFTER));

/**
 * Password sign-in. Unknown identifiers and wrong passwords answer alike. After 5 failures the account
 * locks for 1 minute, doubling with each further failure (at most 1 hour). A browser not remembered
 * for this account owes a second factor: the authenticator code if enabled, else a code by email/SMS.
 */
export async function signIn(ctx: Ctx, body: { identifier: string; password: string }, client: ClientInfo) {
  const contact = parseContactOrFail(body.identifier, "identifier");
  const account = await findAccountByContact(ctx.tx, ctx.platform, contact);
  if (!account) {
    await verifyPassword(null, body.password); // the same cost as a real check
    return { error: errors.invalidCredentials() };
  }
  // A browser the person asked to remember is not held by a lockout someone else set off.
  const device = await findDevice(ctx, account.id, client.deviceToken);
  const refused = await confirmPassword(ctx, account, body.password, {
    trustedDeviceId: isTrusted(device) ? (device?.id ?? null) : null,
  });
  if (refused) return { error: refused };
  if (account.status !== "active") return { error: errors.invalidCredentials() };

  const stage = isTrusted(device) ? "active" : account.totpEnabledAt ? "totp" : "otp";
  const session = await createSession(ctx, {
    accountId: account.id,
    stage,
    deviceId: device?.id ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  if (stage === "active") {
    await recordDevice(ctx, account.id, client.deviceToken, client.userAgent, false);
    await audit(ctx, {
      action: "auth.sign_in",
      entity: "account",
      entityId: account.id,
      changes: { method: "trusted_device" },
    });
    return {
      result: { status: "signed_in" as const, me: await meOf(ctx, account, null, new Date()) },
      sessionToken: session.token,
    };
  }
  if (stage === "totp") return { result: { status: "totp_required" as const }, sessionToken: session.token };
  const sent = await issueOtp(ctx, account, "sign_in", { sessionId: session.id });
  return { result: { status: "otp_required" as const, ...sent }, sessionToken: session.token };
}

const lockedFor = (account: AccountRow): AppError | null =>
  account.lockedUntil && account.lockedUntil.getTime() > Date.now()
    ? errors.locked(Math.ceil((account.lockedUntil.getTime() - Date.now()) / 1000))
    : null;

/**
 * The one password check of every flow that asks for the password (sign-in, re-confirmation, password
 * change, accepting an invitation as an existing account): a locked account is refused before the password
 * is looked at, a wrong password counts toward the one lockout, a right one clears the count.
 * Returns the error to throw after commit (so the count sticks), or null when the password is right.
 */
export async function confirmPassword(
  ctx: Ctx,
  account: AccountRow,
  password: string,
  opts: { trustedDeviceId?: string | null } = {},
): Promise<AppError | null> {
  // A remembered browser of the account (sign-in only) may try while locked, so nobody can lock a person
  // out of their own browser; a wrong password from it ends its trust, so the exemption buys one guess.
  const locked = opts.trustedDeviceId ? null : lockedFor(account);
  if (locked) return locked;
  if (!(await verifyPassword(account.passwordHash, password))) {
    await recordFailure(ctx, account);
    if (opts.trustedDeviceId)
      await ctx.tx.update(devices).set({ trustedUntil: null }).where(eq(devices.id, opts.trustedDeviceId));
    return errors.invalidCredentials();
  }
  if (account.failedLogins > 0 || account.lockedUntil) {
    await ctx.tx
      .update(accounts)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(accounts.id, account.id));
  }
  return null;
}

async function recordFailure(ctx: Ctx, account: AccountRow): Promise<void> {
  const failures = account.failedLogins + 1;
  const lockedUntil = failures >= LOCK_AFTER ? new Date(Date.now() + lockSeconds(failures) * 1000) : null;
  await ctx.tx
    .update(accounts)
    .set({ failedLogins: failures, lockedUntil })
    .where(eq(accounts.id, account.id));
  await audit(ctx, {
    action: lockedUntil ? "auth.locked" : "auth.sign_in_failed",
    entity: "account",
    entityId: account.id,
    changes: { failures },
  });
}

/** Second step by a code sent by email/SMS. */
export async function verifySignInOtp(
  ctx: Ctx,
  auth: AuthState,
  body: { code: string; rememberDevice: boolean },
  client: ClientInfo,
): Promise<AuthOutcome> {
  if (auth.stage === "active") return { error: errors.rule("OTP_INVALID") };
  const error = await checkOtp(ctx, auth.accountId, "sign_in", body.code, auth.sessionId);
  if (error) return { error };
  return completeSecondFactor(ctx, auth, body.rememberDevice, client, "otp");
}

/** Second step by the authenticator app (or a code by email/SMS when the app is not at hand: see resend). */
export async function verifySignInTotp(
  ctx: Ctx,
  auth: AuthState,
  body: { code: string; rememberDevice: boolean },
  client: ClientInfo,
): Promise<AuthOutcome> {
  if (auth.stage !== "totp") return { error: errors.rule("TOTP_NOT_ENABLED") };
  const account = await getAccount(ctx.tx, auth.accountId);
  const locked = lockedFor(account);
  if (locked) return { error: locked };
  if (!(await totpValid(ctx, account, body.code))) {
    await recordFailure(ctx, account);
    return { error: errors.rule("TOTP_INVALID") };
  }
  return completeSecondFactor(ctx, auth, body.rememberDevice, client, "totp");
}

async function completeSecondFactor(
  ctx: Ctx,
  auth: AuthState,
  remember: boolean,
  client: ClientInfo,
  method: "otp" | "totp",
): Promise<AuthOutcome> {
  const device = await recordDevice(ctx, auth.accountId, client.deviceToken, client.userAgent, remember);
  const sessionToken = await activateSession(ctx, auth.sessionId, device.deviceId);
  await audit(ctx, {
    action: "auth.sign_in",
    entity: "account",
    entityId: auth.accountId,
    changes: { method, rememberDevice: remember },
  });
  const account = await getAccount(ctx.tx, auth.accountId);
  return {
    result: { status: "signed_in", me: await meOf(ctx, account, null, new Date()) },
    sessionToken,
    deviceToken: device.newToken,
  };
}

/**
 * Signs in a person who followed an invitation link: the link came through their email or phone, which
 * stands for the one-time code, so the session opens active, in the context the invitation gave them.
 */
export async function signInInvited(ctx: Ctx, account: AccountRow, contextId: string, client: ClientInfo) {
  const device = await recordDevice(ctx, account.id, client.deviceToken, client.userAgent, false);
  const session = await createSession(ctx, {
    accountId: account.id,
    stage: "active",
    deviceId: device.deviceId,
    ip: client.ip,
    userAgent: client.userAgent,
    contextId,
  });
  return {
    me: await meOf(ctx, account, contextId, new Date()),
    sessionToken: session.token,
    deviceToken: device.newToken,
  };
}

/** Sends a new sign-in code, optionally on the other channel (also the way out when the authenticator app is lost). */
export async function resendSignInOtp(ctx: Ctx, auth: AuthState, channel: OtpChannel | undefined) {
  if (auth.stage === "active") throw errors.rule("OTP_INVALID");
  const account = await getAccount(ctx.tx, auth.accountId);
  const sent = await issueOtp(ctx, account, "sign_in", { sessionId: auth.sessionId, channel });
  return { status: "otp_required" as const, ...sent };
}

/** Re-confirmation before a sensitive action: the password, or a code sent for the purpose. */
export async function reauthenticate(
  ctx: Ctx,
  auth: AuthState,
  body: { password: string } | { code: string },
) {
  const account = await getAccount(ctx.tx, auth.accountId);
  if ("password" in body) {
    const refused = await confirmPassword(ctx, account, body.password);
    if (refused) return { error: refused };
  } else {
    const error = await checkOtp(ctx, account.id, "reauth", body.code);
    if (error) return { error };
  }
  await audit(ctx, { action: "auth.reauth", entity: "account", entityId: account.id });
  return { reauthUntil: await markReauth(ctx, auth.sessionId) };
}

export async function sendReauthCode(ctx: Ctx, auth: AuthState, channel?: OtpChannel) {
  const account = await getAccount(ctx.tx, auth.accountId);
  return issueOtp(ctx, account, "reauth", { channel });
}

/** Always answers the same, whether or not the account exists. */
export async function forgotPassword(ctx: Ctx, identifier: string): Promise<void> {
  const contact = parseContactOrFail(identifier, "identifier");
  const account = await findAccountByContact(ctx.tx, ctx.platform, contact);
  if (account?.status !== "active") return;
  // A refusal (too many codes, channel unavailable) must not reveal that the account exists; both are
  // decided before anything is written, so the transaction stays clean.
  await issueOtp(ctx, account, "reset", { channel: contact.kind === "email" ? "email" : "sms" }).catch(
    () => {},
  );
}

/** Sets a new password with a reset code; signs the person out everywhere and lifts a lockout. */
export async function resetPassword(
  ctx: Ctx,
  body: { identifier: string; code: string; newPassword: string },
) {
  const contact = parseContactOrFail(body.identifier, "identifier");
  const account = await findAccountByContact(ctx.tx, ctx.platform, contact);
  if (!isStrongPassword(body.newPassword))
    return { error: errors.validation({ newPassword: "PASSWORD_TOO_WEAK" }) };
  if (!account) return { error: errors.rule("OTP_INVALID") };
  const error = await checkOtp(ctx, account.id, "reset", body.code);
  if (error) return { error };
  await setPassword(ctx, account.id, body.newPassword);
  const revoked = await revokeAllSessions(ctx, account.id);
  await audit(ctx, {
    action: "auth.password_reset",
    entity: "account",
    entityId: account.id,
    changes: { revoked },
  });
  return {};
}

async function setPassword(ctx: Ctx, accountId: string, password: string) {
  await ctx.tx
    .update(accounts)
    .set({
      passwordHash: await hashPassword(password),
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    })
    .where(eq(accounts.id, accountId));
}

export async function changePassword(
  ctx: Ctx,
  auth: AuthState,
  body: { currentPassword: string; newPassword: string },
) {
  const account = await getAccount(ctx.tx, auth.accountId);
  const refused = await confirmPassword(ctx, account, body.currentPassword);
  if (refused?.code === "INVALID_CREDENTIALS")
    return { error: errors.validation({ currentPassword: "INVALID_CREDENTIALS" }) };
  if (refused) return { error: refused };
  if (!isStrongPassword(body.newPassword))
    return { error: errors.validation({ newPassword: "PASSWORD_TOO_WEAK" }) };
  await setPassword(ctx, account.id, body.newPassword);
  const revoked = await revokeAllSessions(ctx, account.id, auth.sessionId);
  await audit(ctx, {
    action: "account.password_changed",
    entity: "account",
    entityId: account.id,
    changes: { revoked },
  });
  return {};
}

export async function updateMe(
  ctx: Ctx,
  auth: AuthState,
  body: { displayName?: string; lang?: "vi" | "en" },
): Promise<Me> {
  const before = await getAccount(ctx.tx, auth.accountId);
  const [after] = await ctx.tx
    .update(accounts)
    .set({ ...body, updatedAt: new Date() })
    .where(eq(accounts.id, auth.accountId))
    .returning();
  if (!after) throw errors.unauthenticated();
  await audit(ctx, {
    action: "account.update",
    entity: "account",
    entityId: auth.accountId,
    changes: diffProfile(before, after),
  });
  await sessionsChanged(ctx);
  return meOf(ctx, after, contextIdOf(auth), auth.reauthAt);
}

const diffProfile = (b: AccountRow, a: AccountRow) => {
  const out: Record<string, [unknown, unknown]> = {};
  if (b.displayName !== a.displayName) out.displayName = ["***", "***"];
  if (b.lang !== a.lang) out.lang = [b.lang, a.lang];
  return out;
};

// ---- authenticator app (TOTP) ---------------------------------------------------------------------------

async function totpValid(ctx: Ctx, account: AccountRow, code: string): Promise<boolean> {
  const key = dataKeyOf(ctx.platform, account);
  if (!key || !account.totpSecretEnc) return false;
  const secret = decrypt(key, account.totpSecretEnc);
  const result = await verifyTotpCode({ secret, token: code, epochTolerance: 30 }).catch(() => ({
    valid: false,
  }));
  return result.valid;
}

/**
 * Starts enrolment of an authenticator app: a new secret, kept encrypted but not in force until a code from
 * the app confirms it (`confirmTotp`). Used by the account page and by the CLI's `admin create`.
 */
export async function beginTotp(
  ctx: Ctx,
  accountId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const account = await getAccount(ctx.tx, accountId);
  if (account.totpEnabledAt) throw errors.rule("TOTP_ALREADY_ENABLED");
  const key = dataKeyOf(ctx.platform, account);
  if (!key) throw errors.unauthenticated();
  const secret = generateSecret();
  await ctx.tx
    .update(accounts)
    .set({ totpSecretEnc: encrypt(key, secret) })
    .where(eq(accounts.id, account.id));
  const otpauthUrl = generateURI({ issuer: "Chungcu", label: account.displayName, secret });
  await audit(ctx, { action: "account.totp_setup", entity: "account", entityId: account.id });
  return { secret, otpauthUrl };
}

/** Puts the enrolled secret in force once the app shows a right code. */
export async function confirmTotp(ctx: Ctx, accountId: string, code: string): Promise<AccountRow> {
  const account = await getAccount(ctx.tx, accountId);
  if (account.totpEnabledAt) throw errors.rule("TOTP_ALREADY_ENABLED");
  if (!account.totpSecretEnc) throw errors.rule("TOTP_SETUP_MISSING");
  if (!(await totpValid(ctx, account, code))) throw errors.rule("TOTP_INVALID");
  const [after] = await ctx.tx
    .update(accounts)
    .set({ totpEnabledAt: sql`now()` })
    .where(eq(accounts.id, account.id))
    .returning();
  await audit(ctx, { action: "account.totp_enabled", entity: "account", entityId: account.id });
  return after ?? account;
}

export async function setupTotp(ctx: Ctx, auth: AuthState) {
  const { secret, otpauthUrl } = await beginTotp(ctx, auth.accountId);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 2, width: 220 }) };
}

export async function enableTotp(ctx: Ctx, auth: AuthState, code: string): Promise<Me> {
  const after = await confirmTotp(ctx, auth.accountId, code);
  return meOf(ctx, after, contextIdOf(auth), auth.reauthAt);
}

export async function disableTotp(ctx: Ctx, auth: AuthState): Promise<Me> {
  const [after] = await ctx.tx
    .update(accounts)
    .set({ totpEnabledAt: null, totpSecretEnc: null })
    .where(eq(accounts.id, auth.accountId))
    .returning();
  if (!after) throw errors.unauthenticated();
  await audit(ctx, { action: "account.totp_disabled", entity: "account", entityId: auth.accountId });
  return meOf(ctx, after, contextIdOf(auth), auth.reauthAt);
}

export async function signOut(ctx: Ctx, auth: AuthState): Promise<void> {
  await revokeSessionQuietly(ctx, auth.sessionId);
  await audit(ctx, { action: "auth.sign_out", entity: "account", entityId: auth.accountId });
}

async function revokeSessionQuietly(ctx: Ctx, sessionId: string) {
  await ctx.tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
  await sessionsChanged(ctx, [sessionId]);
}
