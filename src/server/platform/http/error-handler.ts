import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, conflictField } from "../errors.js";
import { fieldMessage } from "../i18n/fields.js";
import { hasMessage, message } from "../i18n/messages.js";

type PgError = { code?: string; constraint?: string };

function pgCause(err: unknown): PgError | undefined {
  for (let e = err as { cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    const code = (e as PgError).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return undefined;
}

/** Maps every failure to the DESIGN §4 error shape in the caller's language; only true bugs become 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = req.lang ?? "vi";
    const send = (status: number, code: string, params: Record<string, unknown> = {}, details?: unknown) =>
      reply.status(status).send({ error: { code, message: message(lang, code, params), details } });

    if (err instanceof AppError) {
      const fields = err.details?.fields as Record<string, string> | undefined;
      if (fields) {
        for (const [k, v] of Object.entries(fields)) if (hasMessage(v)) fields[k] = message(lang, v);
      }
      if (err.status === 429 && typeof err.params.retryAfterSeconds === "number") {
        reply.header("retry-after", String(err.params.retryAfterSeconds));
      }
      return send(err.status, err.code, err.params, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const where = err.validationContext === "body" ? "" : `${err.validationContext}.`;
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        fields[`${where}${path}` || (err.validationContext ?? "body")] ??= fieldMessage(lang, {
          ...v.params,
          code: v.keyword,
          message: v.message,
        });
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
    if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      return reply.status(err.statusCode).send({
        error: {
          code: err.code ?? "BAD_REQUEST",
          message: message(lang, "VALIDATION_FAILED"),
          details: {},
        },
      });
    }
    req.log.error({ err }, "unhandled error");
    return send(500, "INTERNAL", { requestId: req.id });
  });
}
