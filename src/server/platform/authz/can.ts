import { type Column, inArray, type SQL } from "drizzle-orm";
import { StaffRole } from "../../../contracts/common.js";
import { type AppError, errors } from "../errors.js";
import type { Actor } from "./actor.js";

/** Who may do one action: asked with the record when one is loaded, without it for the kind as a whole. */
export type Rule<R> = (actor: Actor, record?: R) => boolean;

/**
 * Who may do what to one kind of resource, and which of its rows a list shows. A module's `*.policy.ts`
 * defines it and the module's manifest lists it; its actions are a literal union, so `can` and route
 * permissions naming an action the policy lacks do not compile.
 */
export type Policy<K extends string = string, A extends string = string, R = never> = {
  readonly kind: K;
  readonly rules: { readonly [action in A]: Rule<R> };
  /**
   * The filter a list of this kind applies for the actor, beside the company's row-level security:
   * undefined when the actor reaches every row.
   */
  readonly scope: (actor: Actor) => SQL | undefined;
  /** The actions a record sent to the web reports in its `abilities`. */
  readonly presents: readonly A[];
};

export type ActionOf<P extends Policy<string, string, never>> = keyof P["rules"] & string;

/**
 * Kind → action names of every policy, filled by each `*.policy.ts` (`declare module`), so that a route's
 * `permission: [action, kind]` is checked without the platform importing the modules.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface PolicyActions {}

/** A route's permission: an action of a registered kind. */
export type Permission = { [K in keyof PolicyActions]: readonly [PolicyActions[K], K] }[keyof PolicyActions];

export function definePolicy<const K extends string, A extends string, R = never>(
  kind: K,
  rules: { [action in A]: Rule<R> },
  options: { scope?: Policy["scope"]; presents?: readonly NoInfer<A>[] } = {},
): Policy<K, A, R> {
  return { kind, rules, scope: options.scope ?? (() => undefined), presents: options.presents ?? [] };
}

/** A loaded record with the policy that judges it. */
export type Subject<A extends string, R> = { policy: Policy<string, A, R>; record: R };
export const subject = <A extends string, R>(policy: Policy<string, A, R>, record: R): Subject<A, R> => ({
  policy,
  record,
});

type Resource<A extends string, R> = Policy<string, A, R> | Subject<A, R>;
const policyOf = <A extends string, R>(r: Resource<A, R>) => ("policy" in r ? r.policy : r);

/** The one place permissions are decided. */
export function can<A extends string, R>(
  actor: Actor,
  action: NoInfer<A>,
  resource: Resource<A, R>,
): boolean {
  const rule: Rule<R> | undefined = policyOf(resource).rules[action];
  if (!rule) return false;
  return rule(actor, "policy" in resource ? resource.record : undefined);
}

/** Throws 403 when `can` says no. */
export function authorize<A extends string, R>(
  actor: Actor,
  action: NoInfer<A>,
  resource: Resource<A, R>,
): void {
  if (!can(actor, action, resource)) throw errors.forbidden();
}

/**
 * Like authorize, but answers 404 when the actor may not even see the record, so that ids of things
 * outside one's reach (another building, another company) are indistinguishable from ids that do not exist.
 */
export function authorizeVisible<A extends string, R>(
  actor: Actor,
  action: NoInfer<A>,
  resource: Subject<A, R>,
): void {
  if (can(actor, action, resource)) return;
  const read = resource.policy.rules["read" as A];
  throw read?.(actor, resource.record) ? errors.forbidden() : (notFoundFor(resource.policy.kind) as AppError);
}

/** What the actor may do with a record, for the web (`abilities` on the resources it is sent). */
export function abilitiesOf<A extends string, R>(actor: Actor, policy: Policy<string, A, R>, record: R) {
  return Object.fromEntries(
    policy.presents.map((a) => [a, can(actor, a, subject(policy, record))]),
  ) as Record<A, boolean>;
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
const isCompanyWide = (a: Actor) => a.role === "company_admin" || a.role === "customer_care";

/** Whether the actor's reach includes the building (company-wide roles reach every one). */
export const coversBuilding = (actor: Actor, buildingId: string) =>
  isCompanyWide(actor) || actor.buildingIds.includes(buildingId);

/** The list filter of a building-scoped kind: the actor's buildings, or none for company-wide roles. */
export const buildingScope = (column: Column) => (actor: Actor) =>
  isCompanyWide(actor) ? undefined : inArray(column, [...actor.buildingIds]);
