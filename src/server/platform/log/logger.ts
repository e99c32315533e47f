import { type Logger, pino } from "pino";

/** Structured JSON logs; each request's lines carry its request id (Fastify's child logger). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.code"],
      remove: true,
    },
  });
}
