import type { FastifyReply, FastifyRequest } from "fastify";
import type { Platform } from "../../platform/context.js";
import { issueCsrfCookie, SESSION_COOKIE } from "../../platform/http/request-context.js";
import type { ClientInfo } from "./auth.service.js";
import { DEVICE_TRUST_MS, SESSION_TTL_MS } from "./sessions.service.js";

export const DEVICE_COOKIE = "cc_device";

const base = (platform: Platform) => ({
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  secure: platform.config.publicUrl.startsWith("https:"),
});

/** Sets the session cookie and the CSRF token derived from it (the old session's token stops working). */
export function setSessionCookie(reply: FastifyReply, platform: Platform, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...base(platform), maxAge: SESSION_TTL_MS / 1000 });
  issueCsrfCookie(reply, platform, token);
}

export function clearSessionCookie(reply: FastifyReply, platform: Platform): void {
  reply.clearCookie(SESSION_COOKIE, base(platform));
  issueCsrfCookie(reply, platform);
}

export function setDeviceCookie(
  reply: FastifyReply,
  platform: Platform,
  token: string | null | undefined,
): void {
  if (token)
    reply.setCookie(DEVICE_COOKIE, token, { ...base(platform), maxAge: (DEVICE_TRUST_MS / 1000) * 4 });
}

/** What sign-in flows need to know about the browser. */
export const clientInfo = (req: FastifyRequest): ClientInfo => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"],
  deviceToken: req.cookies[DEVICE_COOKIE],
});
