import type { CompanyRole } from "../../../contracts/common.js";

/** Who is acting, in which role. Built from the session by the auth plugin. */
export type Actor = {
  /** null for an anonymous caller (sign-in, invitation links). */
  accountId: string | null;
  /** Set when acting as the platform admin (no company). */
  platformAdmin: boolean;
  membershipId: string | null;
  role: CompanyRole | "platform_admin" | null;
  buildingIds: readonly string[];
  unitIds: readonly string[];
};

/** The system itself (jobs, seeding). */
export const systemActor: Actor = {
  accountId: null,
  platformAdmin: false,
  membershipId: null,
  role: null,
  buildingIds: [],
  unitIds: [],
};

/** A caller not signed in (sign-in, invitation links): no account, no role, nothing in scope. */
export const anonymousActor: Actor = { ...systemActor };

/** The actor's units for an `IN` list: a list that matches nothing when they have none (SQL has no empty IN). */
export const unitIdsOrNone = (actor: Actor): string[] =>
  actor.unitIds.length ? [...actor.unitIds] : ["00000000-0000-0000-0000-000000000000"];
