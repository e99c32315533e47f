import type { MessageCode } from "./i18n/messages.js";

/** Error factories with stable codes; the HTTP error handler turns them into the DESIGN §4 error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export type Entity =
  | "building"
  | "company"
  | "membership"
  | "invitation"
  | "session"
  | "device"
  | "unit"
  | "resident"
  | "vehicle"
  | "fee_rule"
  | "tariff"
  | "meter_reading"
  | "billing_run"
  | "invoice"
  | "payment"
  | "bank_account"
  | "bank_transfer"
  | "announcement"
  | "file"
  | "resource";

export const errors = {
  /** Invalid fields, each with a message code (worded in the caller's language by the error handler). */
  validation: (fields: Record<string, MessageCode>) => new AppError(400, "VALIDATION_FAILED", {}, { fields }),
  unauthenticated: () => new AppError(401, "UNAUTHENTICATED"),
  invalidCredentials: () => new AppError(401, "INVALID_CREDENTIALS"),
  secondFactorRequired: () => new AppError(401, "SECOND_FACTOR_REQUIRED"),
  forbidden: () => new AppError(403, "FORBIDDEN"),
  csrf: () => new AppError(403, "CSRF_INVALID"),
  reauthRequired: () => new AppError(403, "REAUTH_REQUIRED"),
  notFound: (entity: Entity) => new AppError(404, "NOT_FOUND", { entity }),
  conflict: (constraint: string) => new AppError(409, "CONFLICT", { constraint }, { constraint }),
  /** The resource is in a state that forbids the change, e.g. history an issued notice used (409). */
  inUse: (code: string, params: Record<string, unknown> = {}) => new AppError(409, code, params, params),
  /** A rule of the domain refuses the request (422). */
  rule: (code: string, params: Record<string, unknown> = {}) => new AppError(422, code, params, params),
  /** A bank account number another company holds (the bank feed routes by number): 409 on the field. */
  bankAccountHeld: () =>
    new AppError(409, "BANK_ACCOUNT_HELD", {}, { fields: { accountNumber: "BANK_ACCOUNT_HELD" } }),
  /** A part the request needs is switched off or down (background jobs, a channel): 503. */
  unavailable: (code: string) => new AppError(503, code),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, "RATE_LIMITED", { retryAfterSeconds }, { retryAfterSeconds }),
  locked: (retryAfterSeconds: number) =>
    new AppError(429, "ACCOUNT_LOCKED", { retryAfterSeconds }, { retryAfterSeconds }),
};

/**
 * Unique constraints and the request field a clash on each belongs to, registered by the modules that own
 * them, so that a 409 points the form at the field (`details.fields`).
 */
const conflictFields = new Map<string, string>();
export function conflictOn(constraint: string, field: string): void {
  conflictFields.set(constraint, field);
}
export const conflictField = (constraint: string | undefined) =>
  constraint ? conflictFields.get(constraint) : undefined;

type PgError = { code?: string; constraint?: string };

/** The PostgreSQL error behind a driver's or drizzle's wrapper (its SQLSTATE and constraint), if any. */
export function pgCause(err: unknown): PgError | undefined {
  for (let e = err as { cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    const code = (e as PgError).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return undefined;
}
