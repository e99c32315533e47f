import { type DestinationStream, type Logger, pino, stdSerializers } from "pino";

/** Cut from an error's text: the statement parameters drizzle appends ("params: …" up to the line's end). */
const PARAMS_LINE = /\nparams: [^\n]*/g;
/** Error fields that carry values of a failed statement: drizzle's `params`, PostgreSQL's `detail`/`where`. */
const VALUE_FIELDS = ["params", "parameters", "detail", "where"];

/**
 * Error serializer: the standard one (type, message, stack, causes), without the values of a failed statement.
 * drizzle's DrizzleQueryError writes the parameters into its message (and so its stack) and keeps them in
 * `params`; PostgreSQL's `detail` repeats the offending key's value. Those are personal data (names, phones)
 * and never belong in a log; the statement text, the error code and the constraint stay.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const field of VALUE_FIELDS) delete out[field];
  for (const field of ["message", "stack"]) {
    if (typeof out[field] === "string") out[field] = (out[field] as string).replace(PARAMS_LINE, "");
  }
  return out;
}

/** Structured JSON logs; each request's lines carry its request id (Fastify's child logger). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.code"],
        remove: true,
      },
    },
    destination,
  );
}
