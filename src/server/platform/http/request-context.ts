import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { audit, auditedTransactions } from "../audit/audit.service.js";
import { anonymousActor } from "../authz/actor.js";
import { authorizeRoute, policyFor } from "../authz/registry.js";
import type { Ctx, Platform } from "../context.js";
import { type Database, PLATFORM_SCOPE } from "../db/client.js";
import { currentCompany } from "../db/scope.js";
import { errors } from "../errors.js";
import { pickLang } from "../i18n/messages.js";
import type { AuthLevel, AuthState } from "./types.js";

export const SESSION_COOKIE = "cc_session";
export const CSRF_COOKIE = "cc_csrf";
export const CSRF_HEADER = "x-csrf-token";
const REAUTH_WINDOW_MS = 5 * 60_000;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type RequestContextOptions = {
  db: Database;
  platform: Platform;
  /** Resolves the session cookie's token to the session's state, or null when it is unknown, expired or revoked. */
  resolveSession: (token: string) => Promise<AuthState | null>;
};

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Builds each request's context: language, session, CSRF check (double-submit cookie), the route's
 * auth level, permission and re-confirmation, and `req.run` which opens the request's transaction.
 */
export function registerRequestContext(app: FastifyInstance, opts: RequestContextOptions): void {
  const { db, platform } = opts;
  // A permission whose policy no manifest lists would refuse every call: the app fails to start instead.
  app.addHook("onRoute", (route) => {
    if (route.config?.permission) policyFor(platform, route.config.permission);
  });
  app.decorateRequest("auth", null);
  app.decorateRequest("lang", "vi");
  app.decorateRequest("run", function run<T>(this: FastifyRequest, fn: (ctx: Ctx) => Promise<T>) {
    return runInContext(this, db, platform, fn);
  });

  app.addHook("onRequest", async (req) => {
    req.lang = pickLang(req.headers["accept-language"]);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.auth = await opts.resolveSession(token);
      if (req.auth) req.lang = req.auth.lang;
    }
    if (UNSAFE.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const header = req.headers[CSRF_HEADER];
      if (!csrfValid(req, platform, typeof header === "string" ? header : undefined)) throw errors.csrf();
    }
    // Who may call the route is decided here, before the body is read: an anonymous or unauthorised upload
    // is refused without the server receiving it (up to the route's body limit), and a caller who may not
    // call the route learns nothing about its input rules.
    checkAccess(req, platform);
  });
  registerCsrfIssue(app, platform);
}

/** The route's auth level, permission and re-confirmation, against the session resolved for the request. */
function checkAccess(req: FastifyRequest, platform: Platform): void {
  const config = req.routeOptions.config ?? {};
  const level = authLevel(req);
  const auth = req.auth;
  if (level === "public") return;
  if (!auth) throw errors.unauthenticated();
  if (level !== "pending" && auth.stage !== "active") throw errors.secondFactorRequired();
  if (level === "tenant" && !auth.companyId) throw errors.rule("NO_CONTEXT");
  if (level === "platform" && !auth.actor.platformAdmin) throw errors.forbidden();
  if (config.permission) authorizeRoute(platform, auth.actor, config.permission);
  if (config.reauth) assertReauthenticated(auth);
}

/** Issues the CSRF token on API answers whose cookie does not fit the caller's session. */
function registerCsrfIssue(app: FastifyInstance, platform: Platform): void {
  // The CSRF token travels in a cookie the page's script reads and echoes in a header. A cookie that does
  // not fit the caller's session (none yet, signed out, another session) is replaced.
  app.addHook("onSend", async (req, reply: FastifyReply) => {
    if (
      !csrfIssued.has(reply) &&
      req.url.startsWith("/api/") &&
      !csrfValid(req, platform, req.cookies[CSRF_COOKIE])
    )
      issueCsrfCookie(reply, platform, req.auth ? req.cookies[SESSION_COOKIE] : undefined);
  });
}

/**
 * CSRF tokens are made by the server, never chosen by the client: with a session, the token is derived
 * from the session's token (an HMAC under the master key), so it is worthless for any other session and
 * changes whenever the session token does; without one (sign-in, password reset), it is a random nonce
 * with its HMAC.
 */
export function csrfTokenFor(platform: Platform, sessionToken: string | undefined): string {
  if (sessionToken) return platform.keyring.blindIndex("csrf-session", sessionToken);
  const nonce = randomBytes(18).toString("base64url");
  return `${nonce}.${platform.keyring.blindIndex("csrf-anonymous", nonce)}`;
}

function csrfValid(req: FastifyRequest, platform: Platform, token: string | undefined): boolean {
  const sessionToken = req.cookies[SESSION_COOKIE];
  if (req.auth && sessionToken) return sameToken(token, csrfTokenFor(platform, sessionToken));
  const [nonce, mac, extra] = (token ?? "").split(".");
  return (
    Boolean(nonce && mac && extra === undefined) &&
    sameToken(mac, platform.keyring.blindIndex("csrf-anonymous", nonce as string))
  );
}

/** The CSRF token that fits the request's session, issuing its cookie when the browser lacks it. */
export function csrfTokenOf(req: FastifyRequest, reply: FastifyReply, platform: Platform): string {
  const current = req.cookies[CSRF_COOKIE];
  if (csrfValid(req, platform, current)) return current as string;
  return issueCsrfCookie(reply, platform, req.auth ? req.cookies[SESSION_COOKIE] : undefined);
}

/**
 * Throws unless the password (or a code) was confirmed in the last few minutes: routes say so with
 * `reauth: true`; a handler calls it when only some of a route's requests are sensitive.
 */
export function assertReauthenticated(auth: AuthState): void {
  if (!(auth.reauthAt && Date.now() - auth.reauthAt.getTime() < REAUTH_WINDOW_MS))
    throw errors.reauthRequired();
}

/** API routes act for a company unless they say otherwise; pages, assets and docs are public. */
const authLevel = (req: FastifyRequest): AuthLevel =>
  req.routeOptions.config?.auth ?? (req.routeOptions.url?.startsWith("/api/v1/") ? "tenant" : "public");

const csrfIssued = new WeakSet<FastifyReply>();

/** Sets the CSRF cookie for a session token (a new session's, on sign-in) or, without one, a fresh anonymous token. */
export function issueCsrfCookie(reply: FastifyReply, platform: Platform, sessionToken?: string): string {
  csrfIssued.add(reply);
  const token = csrfTokenFor(platform, sessionToken);
  reply.setCookie(CSRF_COOKIE, token, {
    path: "/",
    sameSite: "lax",
    secure: platform.config.publicUrl.startsWith("https:"),
    httpOnly: false,
  });
  return token;
}

async function runInContext<T>(
  req: FastifyRequest,
  db: Database,
  platform: Platform,
  fn: (ctx: Ctx) => Promise<T>,
) {
  const level = authLevel(req);
  const companyId = level === "tenant" && req.auth?.companyId ? req.auth.companyId : PLATFORM_SCOPE;
  const after: Array<() => Promise<void>> = [];
  const result = await db.transaction(companyId, async (tx) => {
    // On PostgreSQL the handle belongs to the pooled connection and outlives this transaction: a mark left
    // by an earlier request on the same connection must not spare this one its generic entry.
    auditedTransactions.delete(tx);
    const ctx: Ctx = {
      companyId,
      actor: req.auth?.actor ?? anonymousActor,
      lang: req.lang,
      requestId: req.id,
      tx,
      platform,
      afterCommit: (f) => after.push(f),
    };
    const value = await fn(ctx);
    if (UNSAFE.has(req.method) && !auditedTransactions.has(tx)) {
      const scope = await currentCompany(tx);
      await audit(
        { ...ctx, companyId: scope },
        { action: `${req.method} ${req.routeOptions.url}`, entity: "request" },
      );
    }
    return value;
  });
  for (const f of after) {
    await f().catch((err) => req.log.error({ err }, "after-commit work failed"));
  }
  return result;
}

/** The caller's session state; routes with an auth level other than "public" always have one. */
export function authOf(req: FastifyRequest): AuthState {
  if (!req.auth) throw new Error(`route ${req.routeOptions.url} has no auth level`);
  return req.auth;
}
