import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../../../contracts/common.js";
import type { AuthLevel } from "./types.js";

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown> };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Why each error status is answered, as the document words it. */
const WHY: Record<number, string> = {
  400: "Invalid input: a field breaks its rule (details.fields names it), or the body cannot be read",
  401: "Not signed in, or the second factor is still owed",
  403: "Not allowed: missing permission, CSRF token or a recent password confirmation",
  404: "Not found (also for another company's ids)",
  409: "Conflict with existing data (details.fields names the field)",
  413: "Body too large",
  414: "Path parameter too long",
  415: "Content type not accepted",
  422: "A rule of the domain refuses the request",
  429: "Too many requests (retry-after says when to try again)",
};

/** The error shape as JSON schema, inlined in every error answer (a component would need a registry). */
const errorJson = z.toJSONSchema(ErrorBody, { target: "openapi-3.0" }) as Record<string, unknown>;
delete errorJson.$schema;

/**
 * The error statuses a route can really give, from what the platform does to every request before the
 * handler and what its handler can meet:
 * - 429: the global rate limit applies to every route;
 * - 400: any input (body, query, path) goes through validation, and any body through a parser;
 * - 413 and 415: a body past the limit or of a type no parser reads;
 * - 414 and 404: a path parameter too long, or naming nothing (or another tenant's row);
 * - 401 and 403: a route that is not public checks the session, the permission, re-confirmation; an unsafe
 *   method checks the CSRF token;
 * - 404, 409, 422: a service behind a non-public route loads rows by id, writes under unique constraints (unsafe
 *   methods) and applies domain rules — a tenant route refuses a person without a company context with 422.
 * A route adds what only it gives (503 when background jobs are off, 401 of a webhook's signature) in its
 * own `response` schema.
 */
export function errorStatuses(route: {
  method: string;
  level: AuthLevel;
  csrf: boolean;
  schema: RouteSchema;
}): number[] {
  const out = new Set<number>([429]);
  const unsafe = UNSAFE.has(route.method);
  const hasBody = unsafe && route.method !== "DELETE";
  const { params, body, querystring } = route.schema;
  if (params || body || querystring || hasBody) out.add(400);
  if (hasBody) out.add(413).add(415);
  if (params) out.add(404).add(414);
  if (unsafe && route.csrf) out.add(403);
  if (route.level !== "public") {
    out.add(401).add(403).add(404);
    if (route.level === "tenant" || unsafe) out.add(422);
    if (unsafe) out.add(409);
  }
  return [...out].sort();
}

/**
 * The swagger transform: zod schemas to JSON schema (fastify-type-provider-zod), then every error status the
 * route can give, answered with the error schema. Routes declare their own success answers (200, 201, 202,
 * 204, 303) in their `response` schema.
 */
export function documentRoute(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input) as { schema?: RouteSchema & { hide?: boolean }; url: string };
  if (out.schema?.hide) return out as unknown as ReturnType<typeof jsonSchemaTransform>;
  out.schema ??= {};
  const route = (input as { route?: { method: string | string[]; config?: Record<string, unknown> } }).route;
  const method = [route?.method ?? "GET"].flat()[0] as string;
  const config = route?.config ?? {};
  const level =
    (config.auth as AuthLevel | undefined) ?? (input.url.startsWith("/api/v1/") ? "tenant" : "public");
  const response: Record<string, unknown> = {};
  for (const status of errorStatuses({
    method,
    level,
    csrf: config.csrf !== false,
    schema: (input.schema ?? {}) as RouteSchema,
  })) {
    response[status] = { ...errorJson, description: WHY[status] };
  }
  for (const [status, schema] of Object.entries(out.schema.response ?? {})) response[status] = schema;
  out.schema.response = response;
  return out as unknown as ReturnType<typeof jsonSchemaTransform>;
}
