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

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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

/** What goes out: a JSON body, or raw bytes with their type (an uploaded file). */
type Body = { json: unknown } | { raw: Blob; type: string } | undefined;

async function request(method: Method, path: string, body: Body, query?: Query, accept = "application/json") {
  const headers: Record<string, string> = { Accept: accept, "Accept-Language": currentLang() };
  let payload: BodyInit | undefined;
  // Fastify refuses an empty body declared as JSON, so the type goes only with a body.
  if (body && "json" in body) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers["Content-Type"] = body.type;
    payload = body.raw;
  }
  if (method !== "GET") headers["x-csrf-token"] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(url(path, query), { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", i18n.t("errors.network"));
  }
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): handled as a generic error.
    return null;
  }
}

async function send<T>(method: Method, path: string, body?: Body, query?: Query): Promise<T> {
  let response = await request(method, path, body, query);
  let data = await readJson(response);
  // The CSRF token is bound to the session: after the session changed elsewhere (signed out in another tab,
  // expired) the refusal carries a fresh token cookie, so one retry goes through.
  if (response.status === 403 && (data as Partial<ErrorBody> | null)?.error?.code === "CSRF_INVALID") {
    response = await request(method, path, body, query);
    data = await readJson(response);
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

/** A file the server sends, with the name it suggests. */
export type Download = { blob: Blob; filename: string };

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

async function fetchFile(path: string, query?: Query): Promise<Download> {
  const response = await request("GET", path, undefined, query, "*/*");
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  const fallback = path.split("/").at(-1) ?? "download";
  return { blob: await response.blob(), filename: filenameOf(response, fallback) };
}

/** Runs a call once more after the person re-confirmed their password, if the server asked for it. */
async function withReauth<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && error.code === "REAUTH_REQUIRED" && (await reauthHandler?.())) {
      return run();
    }
    throw error;
  }
}

function call<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  return withReauth(() => send<T>(method, path, body === undefined ? undefined : { json: body }, query));
}

/** Saves a downloaded file through a temporary link, as the browser saves any download. */
export function saveDownload({ blob, filename }: Download): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The JSON API under /api/v1: CSRF header, language, errors as ApiError, re-confirmation when asked. */
export const api = {
  get: <T>(path: string, query?: Query) => call<T>("GET", path, undefined, query),
  post: <T>(path: string, body?: unknown) => call<T>("POST", path, body),
  put: <T>(path: string, body: unknown) => call<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => call<T>("PATCH", path, body),
  delete: <T = void>(path: string) => call<T>("DELETE", path),
  /** Sends a file's bytes as the body, with its content type. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    withReauth(() => send<T>("POST", path, { raw: file, type: contentType }, query)),
  /** Fetches a file (a workbook); save it with saveDownload. */
  download: (path: string, query?: Query) => withReauth(() => fetchFile(path, query)),
};
