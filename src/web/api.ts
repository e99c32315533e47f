import type { ErrorBody } from "../contracts/index.js";
import { currentLang, i18n } from "./i18n.js";

/** A failed API call, carrying the server's error body (DESIGN §4). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Messages for body fields of a 400, keyed by field name. */
  get fieldErrors(): Record<string, string> {
    const fields = this.details.fields;
    if (typeof fields !== "object" || fields === null) return {};
    return Object.fromEntries(Object.entries(fields).filter((entry) => typeof entry[1] === "string"));
  }
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Query = Record<string, string | number | undefined>;

/** Asks the person to confirm their password; resolves true once the server has accepted it. */
type ReauthHandler = () => Promise<boolean>;
let reauthHandler: ReauthHandler | null = null;

/** Registers who answers REAUTH_REQUIRED (the re-confirm modal); returns the unregister function. */
export function handleReauth(handler: ReauthHandler): () => void {
  reauthHandler = handler;
  return () => {
    if (reauthHandler === handler) reauthHandler = null;
  };
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

async function csrfToken(): Promise<string> {
  return readCookie("cc_csrf") ?? (await send<{ csrfToken: string }>("GET", "/auth/csrf")).csrfToken;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ""}`;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, "HTTP_ERROR", i18n.t("errors.generic"));
}

async function send<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLang() };
  // Fastify refuses an empty body declared as JSON, so the type goes only with a body.
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", i18n.t("errors.network"));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): handled as a generic error below.
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

async function call<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  try {
    return await send<T>(method, path, body, query);
  } catch (error) {
    if (error instanceof ApiError && error.code === "REAUTH_REQUIRED" && (await reauthHandler?.())) {
      return send<T>(method, path, body, query);
    }
    throw error;
  }
}

/** The JSON API under /api/v1: CSRF header, language, errors as ApiError, re-confirmation when asked. */
export const api = {
  get: <T>(path: string, query?: Query) => call<T>("GET", path, undefined, query),
  post: <T>(path: string, body?: unknown) => call<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => call<T>("PATCH", path, body),
  delete: <T = void>(path: string) => call<T>("DELETE", path),
};
