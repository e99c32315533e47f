import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import type { Ctx, SessionCache } from "../../platform/context.js";
import { type Keyring, randomToken, sha256 } from "../../platform/crypto/crypto.js";
import { type Database, PLATFORM_SCOPE, type Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { inGroups, notifyOnCommit } from "../../platform/db/notify.js";
import { errors } from "../../platform/errors.js";
import type { AuthState } from "../../platform/http/types.js";
import { accounts, devices, sessions } from "./accounts.table.js";
import { actorFor, listContexts, pickContext } from "./contexts.service.js";

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
export const PENDING_TTL_MS = 15 * 60_000;
export const DEVICE_TRUST_MS = 90 * 24 * 3600_000;
const CACHE_TTL_MS = 5_000;
/** Where session changes are told to every API process, for their caches of session state. */
const SESSIONS_CHANNEL = "chungcu_sessions";
const EVERY_SESSION = "*";
const IDS_PER_MESSAGE = 150;
const ECHO_WAIT_MS = 2_000;
/** Sessions whose cached state is stale (or every one), and on the last signal of a change, its nonce. */
type SessionSignal = { s: string[] | typeof EVERY_SESSION; n?: string };
const TOUCH_EVERY_MS = 60_000;

export type SessionStage = "otp" | "totp" | "active";

export async function createSession(
  ctx: Ctx,
  input: {
    accountId: string;
    stage: SessionStage;
    deviceId: string | null;
    ip: string;
    userAgent: string | undefined;
    contextId?: string;
  },
): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const row = await insertOne(
    ctx.tx
      .insert(sessions)
      .values({
        tokenHash: sha256(token),
        accountId: input.accountId,
        stage: input.stage,
        deviceId: input.deviceId,
        contextId: input.contextId ?? null,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 400) ?? null,
        expiresAt: new Date(Date.now() + (input.stage === "active" ? SESSION_TTL_MS : PENDING_TTL_MS)),
        reauthAt: input.stage === "active" ? new Date() : null,
      })
      .returning({ id: sessions.id }),
  );
  return { id: row.id, token };
}

/**
 * Turns a pending session into a signed-in one under a new token: the token that existed before the second
 * factor (which someone may have planted or seen) stops working. Returns the new token for the cookie.
 */
export async function activateSession(ctx: Ctx, sessionId: string, deviceId: string | null): Promise<string> {
  const token = randomToken();
  await ctx.tx
    .update(sessions)
    .set({
      tokenHash: sha256(token),
      stage: "active",
      deviceId,
      reauthAt: new Date(),
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    })
    .where(eq(sessions.id, sessionId));
  await sessionsChanged(ctx, [sessionId]);
  return token;
}

/**
 * Drops the cached state of these sessions (none given: of every session) in this process at once and in every
 * API process once the transaction commits, so that a revocation or a change of role holds behind a load
 * balancer too. A process that missed the signal (its listening connection was down) serves what it cached for
 * CACHE_TTL_MS at most.
 */
export async function sessionsChanged(ctx: Ctx, sessionIds?: readonly string[]): Promise<void> {
  ctx.platform.sessionCache.forget(sessionIds);
  const groups: SessionSignal["s"][] = sessionIds ? inGroups(sessionIds, IDS_PER_MESSAGE) : [EVERY_SESSION];
  if (groups.length === 0) return;
  // The request answers once this process has heard its own signal back: PostgreSQL has then sent it to every
  // process that listens, so the session is refused everywhere by the time the person is told it ended.
  const nonce = randomUUID();
  const heard = ctx.platform.sessionCache.echo(nonce);
  ctx.afterCommit(() => heard);
  const signals = groups.map((s, i): SessionSignal => (i === groups.length - 1 ? { s, n: nonce } : { s }));
  await notifyOnCommit(
    ctx.tx,
    SESSIONS_CHANNEL,
    signals.map((signal) => JSON.stringify(signal)),
  );
}

/**
 * Resolves session tokens with a short cache: a request costs no session query while its state is fresh.
 * Changes to sessions drop their entries here at once, and in the other processes when they hear of them.
 */
export class SessionResolver implements SessionCache {
  private readonly cache = new Map<string, { state: AuthState; until: number }>();
  private readonly touched = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly echoes = new Map<string, () => void>();

  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
  ) {
    this.timer = setInterval(() => void this.flushTouches(), 5_000);
    this.timer.unref();
  }

  resolve = async (token: string): Promise<AuthState | null> => {
    const hash = sha256(token);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.state;
    const state = await this.db.transaction(PLATFORM_SCOPE, (tx) =>
      loadState(tx, hash, this.touched, this.keyring),
    );
    if (state) this.cache.set(hash, { state, until: Date.now() + CACHE_TTL_MS });
    else this.cache.delete(hash);
    if (this.cache.size > 50_000) this.cache.clear();
    return state;
  };

  forget = (sessionIds?: readonly string[]): void => {
    if (!sessionIds) {
      this.cache.clear();
      return;
    }
    const ids = new Set(sessionIds);
    for (const [hash, { state }] of this.cache) if (ids.has(state.sessionId)) this.cache.delete(hash);
  };

  /** Hears the session changes that any process commits (sessionsChanged). */
  async listen(): Promise<void> {
    this.unlisten = await this.db.listen(SESSIONS_CHANNEL, (payload) => this.heard(payload));
  }

  /**
   * Resolves once this process hears the signal carrying `nonce` (asked before the transaction commits), or
   * after ECHO_WAIT_MS if it never comes (the transaction rolled back, the listening connection is down).
   */
  echo = (nonce: string): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => this.echoes.get(nonce)?.(), ECHO_WAIT_MS);
      timer.unref();
      this.echoes.set(nonce, () => {
        clearTimeout(timer);
        this.echoes.delete(nonce);
        resolve();
      });
    });

  private heard(payload: string) {
    let signal: SessionSignal;
    try {
      signal = JSON.parse(payload) as SessionSignal;
    } catch {
      return this.forget(); // not ours to read: forgetting everything is always safe
    }
    if (signal.s === EVERY_SESSION) this.forget();
    else if (Array.isArray(signal.s)) this.forget(signal.s.filter((id) => typeof id === "string"));
    else this.forget();
    if (signal.n) this.echoes.get(signal.n)?.();
  }

  private async flushTouches(): Promise<void> {
    if (this.touched.size === 0) return;
    const ids = [...this.touched];
    this.touched.clear();
    await this.db
      .transaction(PLATFORM_SCOPE, (tx) =>
        tx.update(sessions).set({ lastUsedAt: new Date() }).where(inArray(sessions.id, ids)),
      )
      .catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.();
    await this.flushTouches();
  }
}

async function loadState(
  tx: Tx,
  tokenHash: string,
  touched: Set<string>,
  keyring: Keyring,
): Promise<AuthState | null> {
  const [row] = await tx
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
    );
  if (row?.account.status !== "active") return null;
  const { session, account } = row;
  if (Date.now() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) touched.add(session.id);
  const context =
    session.stage === "active"
      ? pickContext(
          await listContexts(tx, account.id, account.platformRole === "platform_admin"),
          session.contextId,
        )
      : null;
  return {
    sessionId: session.id,
    accountId: account.id,
    stage: session.stage as AuthState["stage"],
    lang: account.lang === "en" ? "en" : "vi",
    reauthAt: session.reauthAt,
    deviceId: session.deviceId,
    actor: actorFor(account.id, context),
    dataKey: account.dataKey ? keyring.unwrap(account.dataKey) : null,
    companyId: context?.companyId ?? null,
  };
}

export async function listSessions(ctx: Ctx, auth: Pick<AuthState, "accountId" | "sessionId">) {
  const rows = await ctx.tx
    .select({ s: sessions, d: devices })
    .from(sessions)
    .leftJoin(devices, eq(devices.id, sessions.deviceId))
    .where(
      and(
        eq(sessions.accountId, auth.accountId),
        eq(sessions.stage, "active"),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(sessions.lastUsedAt));
  return {
    items: rows.map(({ s, d }) => ({
      id: s.id,
      current: s.id === auth.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      deviceLabel: d?.label ?? null,
    })),
  };
}

/** Revokes one of the person's own sessions; another person's session id answers 404. */
export async function revokeSession(ctx: Ctx, auth: AuthState, sessionId: string): Promise<void> {
  const done = await ctx.tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(sessions.id, sessionId), eq(sessions.accountId, auth.accountId), isNull(sessions.revokedAt)),
    )
    .returning({ id: sessions.id });
  if (done.length === 0) throw errors.notFound("session");
  await sessionsChanged(ctx, [sessionId]);
}

/** Revokes every session of the account except `keep` (none: sign out everywhere). */
export async function revokeAllSessions(ctx: Ctx, accountId: string, keep?: string): Promise<number> {
  const conditions = [eq(sessions.accountId, accountId), isNull(sessions.revokedAt)];
  if (keep) conditions.push(ne(sessions.id, keep));
  const done = await ctx.tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  await sessionsChanged(
    ctx,
    done.map((d) => d.id),
  );
  return done.length;
}

export async function markReauth(ctx: Ctx, sessionId: string): Promise<string> {
  const at = new Date();
  await ctx.tx.update(sessions).set({ reauthAt: at }).where(eq(sessions.id, sessionId));
  await sessionsChanged(ctx, [sessionId]);
  return new Date(at.getTime() + 5 * 60_000).toISOString();
}

// ---- devices -------------------------------------------------------------------------------------------

export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Chrom(e|ium)\//.test(ua)
      ? "Chrome"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} · ${os}` : browser;
}

/** The account's device for this browser's device cookie, if any. */
export async function findDevice(ctx: Ctx, accountId: string, deviceToken: string | undefined) {
  if (!deviceToken) return null;
  const [row] = await ctx.tx
    .select()
    .from(devices)
    .where(and(eq(devices.tokenHash, sha256(deviceToken)), eq(devices.accountId, accountId)));
  return row ?? null;
}

export const isTrusted = (d: { trustedUntil: Date | null } | null) =>
  Boolean(d?.trustedUntil && d.trustedUntil.getTime() > Date.now());

/**
 * Records the browser as a device of the account after a second factor; with `remember` it skips the
 * one-time code for 90 days. Returns a new device token when the browser had none for this account.
 */
export async function recordDevice(
  ctx: Ctx,
  accountId: string,
  existingToken: string | undefined,
  userAgent: string | undefined,
  remember: boolean,
): Promise<{ deviceId: string; newToken: string | null }> {
  const trustedUntil = remember ? new Date(Date.now() + DEVICE_TRUST_MS) : null;
  const existing = await findDevice(ctx, accountId, existingToken);
  if (existing) {
    await ctx.tx
      .update(devices)
      .set({ lastSeenAt: new Date(), ...(remember ? { trustedUntil } : {}) })
      .where(eq(devices.id, existing.id));
    return { deviceId: existing.id, newToken: null };
  }
  const token = randomToken();
  const row = await insertOne(
    ctx.tx
      .insert(devices)
      .values({ accountId, tokenHash: sha256(token), label: deviceLabel(userAgent), trustedUntil })
      .returning({ id: devices.id }),
  );
  return { deviceId: row.id, newToken: token };
}

/**
 * The devices still remembered (their trust not expired, forgotten or ended by a wrong password). Every browser
 * that passed a second factor has a device row (sessions name it), but only a remembered one skips the code,
 * so only those are listed: a list of "no longer remembered" devices answered a question nobody asked.
 */
export async function listDevices(ctx: Ctx, auth: AuthState) {
  const rows = await ctx.tx
    .select()
    .from(devices)
    .where(and(eq(devices.accountId, auth.accountId), gt(devices.trustedUntil, new Date())))
    .orderBy(desc(devices.lastSeenAt));
  return {
    items: rows.map((d) => ({
      id: d.id,
      label: d.label,
      current: d.id === auth.deviceId,
      firstSeenAt: d.firstSeenAt.toISOString(),
      lastSeenAt: d.lastSeenAt.toISOString(),
      trustedUntil: (d.trustedUntil as Date).toISOString(),
    })),
  };
}

/**
 * Forgets a device: it will need a one-time code again, and it leaves the list. The row stays (without its
 * trust) so that its sessions keep their device name; its sessions stay until revoked. A device that is not
 * remembered any more is not found, as the list does not show it.
 */
export async function forgetDevice(ctx: Ctx, auth: AuthState, deviceId: string): Promise<void> {
  const done = await ctx.tx
    .update(devices)
    .set({ trustedUntil: null })
    .where(
      and(
        eq(devices.id, deviceId),
        eq(devices.accountId, auth.accountId),
        gt(devices.trustedUntil, new Date()),
      ),
    )
    .returning({ id: devices.id });
  if (done.length === 0) throw errors.notFound("device");
}
