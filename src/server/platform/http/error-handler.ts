import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Lang } from "../../../contracts/common.js";
import { AppError, conflictField, pgCause } from "../errors.js";
import { fieldMessage } from "../i18n/fields.js";
import { hasMessage, message, pickLang } from "../i18n/messages.js";

/** The caller's language, also for requests refused before the request context ran (router, body parser). */
const langOf = (req: FastifyRequest): Lang => req.lang ?? pickLang(req.headers["accept-language"]);

/** The one way an error is answered (DESIGN §4): `{error: {code, message, details}}`, details always there. */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, unknown> = {},
  details: unknown = {},
) {
  return reply
    .status(status)
    .send({ error: { code, message: message(langOf(req), code, params), details: details ?? {} } });
}

/**
 * Fastify's own refusals (router, content-type parsers, body limit) by their code: the status they carry and a
 * message code of ours, so none of them answers in Fastify's shape or with the validation message.
 */
function frameworkError(
  err: FastifyError,
  req: FastifyRequest,
): { status: number; code: string; params?: Record<string, unknown> } | null {
  switch (err.code) {
    case "FST_ERR_MAX_PARAM_LENGTH":
      return { status: 414, code: "URI_TOO_LONG" };
    case "FST_ERR_BAD_URL":
      return { status: 400, code: "URL_INVALID" };
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const limit = req.routeOptions.bodyLimit ?? 1024 * 1024;
      return { status: 413, code: "PAYLOAD_TOO_LARGE", params: { limitMb: Math.round(limit / 1024 / 1024) } };
    }
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
        params: { contentType: String(req.headers["content-type"] ?? "").slice(0, 60) },
      };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, code: "BODY_MALFORMED" };
  }
  if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
    // Anything else Fastify refuses (a poisoned prototype in JSON, a malformed body, an unsupported method).
    return { status: err.statusCode, code: err.statusCode === 400 ? "BODY_MALFORMED" : "BAD_REQUEST" };
  }
  return null;
}

/** Maps every failure to the DESIGN §4 error shape in the caller's language; only true bugs become 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(req);
    const send = (status: number, code: string, params: Record<string, unknown> = {}, details?: unknown) =>
      sendError(req, reply, status, code, params, details);

    if (err instanceof AppError) {
      const fields = err.details?.fields as Record<string, string> | undefined;
      const details = fields
        ? {
            ...err.details,
            fields: Object.fromEntries(
              Object.entries(fields).map(([k, v]) => [k, hasMessage(v) ? message(lang, v) : v]),
            ),
          }
        : err.details;
      if (err.status === 429 && typeof err.params.retryAfterSeconds === "number") {
        reply.header("retry-after", String(err.params.retryAfterSeconds));
      }
      return send(err.status, err.code, err.params, details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const where = err.validationContext === "body" ? "" : `${err.validationContext}.`;
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        // A schema may name its own message code (`{ error: "TAX_CODE_INVALID" }`): worded here.
        fields[`${where}${path}` || (err.validationContext ?? "body")] ??=
          v.message && hasMessage(v.message)
            ? message(lang, v.message)
            : fieldMessage(lang, { ...v.params, code: v.keyword, message: v.message });
      }
      return send(400, "VALIDATION_FAILED", {}, { fields });
    }
    const pg = pgCause(err);
    if (pg?.code === "23505") {
      const field = conflictField(pg.constraint);
      const fields = field ? { [field]: message(lang, "FIELD_TAKEN") } : undefined;
      return send(
        409,
        "CONFLICT",
        { constraint: pg.constraint ?? "" },
        { constraint: pg.constraint, fields },
      );
    }
    if (pg?.code === "23503" || pg?.code === "23514")
      return send(422, "VALIDATION_FAILED", {}, { constraint: pg.constraint });
    if (pg?.code === "22P02" || pg?.code === "22003") return send(400, "VALIDATION_FAILED", {}, {});
    const framework = frameworkError(err, req);
    if (framework) return send(framework.status, framework.code, framework.params);
    req.log.error({ err }, "unhandled error");
    return send(500, "INTERNAL", { requestId: req.id });
  });
}

/**
 * Fastify's `frameworkErrors` option: errors raised before a route is found (a path parameter over the length
 * limit, a malformed URL) go through the same mapping as every other error.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  // No hook has run: the language comes from the header alone.
  req.lang = pickLang(req.headers["accept-language"]);
  const mapped = frameworkError(err, req) ?? { status: 400, code: "BAD_REQUEST" };
  return sendError(req, reply, mapped.status, mapped.code, mapped.params);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request (headers over the
 * size limit, a malformed request line, a timeout), written on the socket in the error shape. Without a parsed
 * request there is no language to read: Vietnamese, the product's default.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex) {
  if (err.code === "ECONNRESET" || socket.destroyed || !socket.writable) return;
  const [status, code] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [431, "HEADERS_TOO_LARGE"]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "BAD_REQUEST"]
        : [400, "BAD_REQUEST"];
  const body = JSON.stringify({ error: { code, message: message("vi", code), details: {} } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
