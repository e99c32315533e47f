import { StaffRole } from "../../../contracts/common.js";
import { type AppError, errors } from "../errors.js";
import type { Actor } from "./actor.js";

/** A loaded record, tagged with its kind so its policy can look at it. */
export type Subject<T = Record<string, unknown>> = { kind: string; record: T };
export const subject = <T>(kind: string, record: T): Subject<T> => ({ kind, record });

type Rule = (actor: Actor, record?: unknown) => boolean;
const policies = new Map<string, Record<string, Rule>>();

/**
 * Registers who may do what to one kind of resource (the modules' *.policy.ts files call this).
 * A rule receives the record when one is loaded; without it, it answers for the kind as a whole.
 */
export function definePolicy<T>(
  kind: string,
  rules: Record<string, (actor: Actor, record?: T) => boolean>,
): void {
  policies.set(kind, rules as Record<string, Rule>);
}

/** The one place permissions are decided. Unknown kinds and actions are refused. */
export function can(actor: Actor, action: string, resource: string | Subject<unknown>): boolean {
  const kind = typeof resource === "string" ? resource : resource.kind;
  const rule = policies.get(kind)?.[action];
  if (!rule) return false;
  return rule(actor, typeof resource === "string" ? undefined : resource.record);
}

/** Throws 403 when `can` says no. */
export function authorize(actor: Actor, action: string, resource: string | Subject<unknown>): void {
  if (!can(actor, action, resource)) throw errors.forbidden();
}

/**
 * Like authorize, but answers 404 when the actor may not even see the record, so that ids of things
 * outside one's reach (another building, another company) are indistinguishable from ids that do not exist.
 */
export function authorizeVisible(actor: Actor, action: string, resource: Subject<unknown>): void {
  if (can(actor, action, resource)) return;
  throw can(actor, "read", resource) ? errors.forbidden() : (notFoundFor(resource.kind) as AppError);
}

const notFoundFor = (kind: string) =>
  errors.notFound(
    ([
      "building",
      "company",
      "membership",
      "invitation",
      "session",
      "device",
      "unit",
      "resident",
      "vehicle",
      "invoice",
    ].includes(kind)
      ? kind
      : "resource") as Parameters<typeof errors.notFound>[0],
  );

export const STAFF_ROLES = StaffRole.options;

export const isStaff = (a: Actor) => (STAFF_ROLES as readonly string[]).includes(a.role ?? "");
export const isCompanyAdmin = (a: Actor) => a.role === "company_admin";
/** Roles whose reach is the whole company rather than assigned buildings. */
export const isCompanyWide = (a: Actor) => a.role === "company_admin" || a.role === "customer_care";
