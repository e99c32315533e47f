import createClient, {
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
} from "openapi-fetch";
import type { components, paths } from "./api/schema.js";
import { currentLang, i18n } from "./i18n.js";

type ErrorBody = components["schemas"]["ErrorBody"];

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

/** Empty filters are left out of the query, as a form's cleared field means "any". */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

const client = createClient<paths>({
  baseUrl: "/api/v1",
  credentials: "same-origin",
  headers: { Accept: "application/json" },
  querySerializer: serializeQuery,
});

async function csrfToken(): Promise<string> {
  const cookie = readCookie("cc_csrf");
  if (cookie) return cookie;
  const { data, error, response } = await client.GET("/auth/csrf");
  if (!data) throw toApiError(response.status, error);
  return data.csrfToken;
}

client.use({
  async onRequest({ request }) {
    request.headers.set("Accept-Language", currentLang());
    if (request.method !== "GET") request.headers.set("x-csrf-token", await csrfToken());
  },
});

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | null | undefined)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, "HTTP_ERROR", i18n.t("errors.generic"));
}

type Answer = { data?: unknown; error?: unknown; response: Response };

async function send<A extends Answer>(run: () => Promise<A>): Promise<A> {
  try {
    return await run();
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", i18n.t("errors.network"));
  }
}

/**
 * Runs a call and gives its answer, or throws it as an ApiError. The CSRF token is bound to the session: after
 * the session changed elsewhere (signed out in another tab, expired) the refusal carries a fresh token cookie, so
 * one retry goes through. When the server asks for a recent password confirmation, the call runs once more after
 * the person re-confirmed.
 */
async function answer<A extends Answer>(run: () => Promise<A>, reauth = true): Promise<A> {
  let result = await send(run);
  if (
    result.response.status === 403 &&
    (result.error as Partial<ErrorBody>)?.error?.code === "CSRF_INVALID"
  ) {
    result = await send(run);
  }
  if (result.response.ok) return result;
  const error = toApiError(result.response.status, result.error);
  if (reauth && error.code === "REAUTH_REQUIRED" && (await reauthHandler?.())) return answer(run, false);
  throw error;
}

type Method = "get" | "post" | "put" | "patch" | "delete";
type Paths<M extends Method> = ClientPathsWithMethod<typeof client, M>;
type Init<M extends Method, P extends Paths<M>> = MaybeOptionalInit<paths[P], M>;
/** The init argument, optional when nothing in it is required (no path parameter, no body). */
type InitArg<I> = undefined extends I ? [init?: I] : [init: I];
type Data<M extends Method, P extends Paths<M>, I> = Exclude<
  FetchResponse<paths[P][M] & Record<string | number, unknown>, I, "application/json">["data"],
  undefined
>;
/** What a call resolves to: the success body, nothing for an answer without one (204). */
type Body<D> = [D] extends [never] ? undefined : D;

/** The paths of the API that answer a method. */
export type ApiPath<M extends Method> = Paths<M>;
/** What a call of the API resolves to, e.g. `ApiData<"get", "/units/{id}">` is a unit. */
export type ApiData<M extends Method, P extends Paths<M>> = Body<Data<M, P, undefined>>;

function method<M extends Method>(name: Uppercase<M>) {
  return async <P extends Paths<M>, I extends Init<M, P>>(
    path: P,
    ...init: InitArg<I>
  ): Promise<Body<Data<M, P, I>>> => {
    const call = client[name] as (path: P, init?: I) => Promise<Answer>;
    return (await answer(() => call(path, init[0]))).data as Body<Data<M, P, I>>;
  };
}

/** A file the server sends, with the name it suggests. */
export type Download = { blob: Blob; filename: string };

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
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

type GetInit = { params?: Record<string, unknown>; parseAs?: "blob"; headers?: Record<string, string> };
type PostInit = GetInit & { body?: unknown; bodySerializer?: (body: unknown) => unknown };

/**
 * The JSON API under /api/v1, typed by the server's OpenAPI document: the path (a template of the document)
 * chooses the parameters, the body and what the call resolves to. CSRF header, language, errors as ApiError,
 * re-confirmation when asked.
 */
export const api = {
  GET: method<"get">("GET"),
  POST: method<"post">("POST"),
  PUT: method<"put">("PUT"),
  PATCH: method<"patch">("PATCH"),
  DELETE: method<"delete">("DELETE"),
  /** Sends a file's bytes as the body, with its content type (the document describes no body for these). */
  upload: async <P extends Paths<"post">, I extends Init<"post", P>>(
    path: P,
    file: Blob,
    contentType: string,
    ...init: InitArg<I>
  ): Promise<Data<"post", P, I>> => {
    const post = client.POST as (path: P, init: PostInit) => Promise<Answer>;
    const options = init[0] as PostInit | undefined;
    const result = await answer(() =>
      post(path, {
        ...options,
        body: file,
        bodySerializer: (b) => b,
        headers: { "Content-Type": contentType },
      }),
    );
    return result.data as Data<"post", P, I>;
  },
  /** Fetches a file (a workbook); save it with saveDownload. */
  download: async <P extends Paths<"get">, I extends Init<"get", P>>(
    path: P,
    ...init: InitArg<I>
  ): Promise<Download> => {
    const get = client.GET as (path: P, init: GetInit) => Promise<Answer>;
    const options = init[0] as GetInit | undefined;
    const { data, response } = await answer(() =>
      get(path, { ...options, parseAs: "blob", headers: { Accept: "*/*" } }),
    );
    return {
      blob: data as Blob,
      filename: filenameOf(response, new URL(response.url).pathname.split("/").at(-1) ?? "download"),
    };
  },
};
