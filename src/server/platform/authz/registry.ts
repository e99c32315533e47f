import type { Platform } from "../context.js";
import type { Actor } from "./actor.js";
import { authorize, can, type Permission, type Policy } from "./can.js";

const indexes = new WeakMap<
  Pick<Platform, "modules">,
  ReadonlyMap<string, Policy<string, string, unknown>>
>();

/** Every policy the platform's modules list in their manifests, by kind. */
function policiesOf(
  platform: Pick<Platform, "modules">,
): ReadonlyMap<string, Policy<string, string, unknown>> {
  let index = indexes.get(platform);
  if (!index) {
    index = new Map(
      platform.modules
        .flatMap((m) => m.policies ?? [])
        .map((p) => [p.kind, p as Policy<string, string, unknown>]),
    );
    indexes.set(platform, index);
  }
  return index;
}

/** The policy a route's `permission` names; a kind no module's manifest lists is a programming error. */
export function policyFor(platform: Pick<Platform, "modules">, [, kind]: Permission) {
  const policy = policiesOf(platform).get(kind);
  if (!policy) throw new Error(`no module lists a policy for "${kind}"`);
  return policy;
}

/** A route's `permission`, checked before its handler runs. */
export function authorizeRoute(
  platform: Pick<Platform, "modules">,
  actor: Actor,
  permission: Permission,
): void {
  authorize(actor, permission[0], policyFor(platform, permission));
}

/**
 * What the actor may do with each kind as a whole (no record): the web opens the console's sections and shows
 * its buttons from these, instead of copying role lists.
 */
export function areaAbilities(
  platform: Pick<Platform, "modules">,
  actor: Actor,
): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    [...policiesOf(platform).values()].map((p) => [
      p.kind,
      Object.fromEntries(Object.keys(p.rules).map((a) => [a, can(actor, a, p)])),
    ]),
  );
}
