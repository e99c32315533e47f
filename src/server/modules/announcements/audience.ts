import type { AnnouncementCategory, Audience } from "../../../contracts/announcements.js";
import type { Ctx } from "../../platform/context.js";
import type { Recipient } from "../notifications/index.js";
import { consentingAccounts } from "../privacy/index.js";
import { buildingResidents } from "../registry/index.js";
import { accountsWithRoles } from "../staff/index.js";

/** Who an announcement reaches (in the app, or on the registry's contacts), and who it leaves out and why. */
export type Reach = {
  recipients: Recipient[];
  sent: number;
  excludedRestricted: number;
  excludedNoConsent: number;
  withoutAccount: number;
  units: number;
};

/**
 * The people of a building an audience names: household members narrowed by blocks, floors, units and roles,
 * and the owners' board (staff with that role for the building) when asked for. People who restricted the
 * processing of their data are left out; a promotion reaches only those who consented to marketing (people
 * without an account cannot have), anything else reaches people without an account on their contacts.
 */
export async function reachOf(
  ctx: Ctx,
  buildingId: string,
  audience: Audience,
  category: AnnouncementCategory,
): Promise<Reach> {
  const householdRoles = audience.roles.filter((r) => r !== "board");
  const boardOnly = audience.roles.length > 0 && householdRoles.length === 0;
  const people = boardOnly
    ? []
    : await buildingResidents(ctx, buildingId, {
        blocks: audience.blocks,
        floors: audience.floors,
        unitIds: audience.unitIds,
        roles: householdRoles,
      });
  const residents = new Map<string, (typeof people)[number]>();
  for (const p of people) residents.set(p.residentId, p);
  const usable = [...residents.values()].filter((p) => !p.restricted && !p.erased);
  const withAccount = usable.flatMap((p) => (p.accountId ? [p.accountId] : []));
  const board = audience.roles.includes("board")
    ? await accountsWithRoles(ctx, ["owners_board"], buildingId)
    : [];
  const accounts = [...new Set([...withAccount, ...board])];
  const consenting =
    category === "promotion" ? await consentingAccounts(ctx, accounts, "marketing") : new Set(accounts);
  const reached = accounts.filter((a) => consenting.has(a));
  const homes = new Map(usable.flatMap((p) => (p.accountId ? [[p.accountId, p] as const] : [])));
  const byContact = category === "promotion" ? [] : usable.filter((p) => !p.accountId && p.contactable);
  return {
    recipients: [
      ...reached.map((accountId) => ({
        accountId,
        residentId: homes.get(accountId)?.residentId ?? null,
        unitCode: homes.get(accountId)?.unitCode ?? null,
      })),
      ...byContact.map((p) => ({ residentId: p.residentId, unitCode: p.unitCode })),
    ],
    sent: reached.length + byContact.length,
    excludedRestricted: residents.size - usable.length,
    excludedNoConsent: accounts.length - reached.length,
    withoutAccount: usable.length - withAccount.length,
    units: new Set(people.map((p) => p.unitId)).size,
  };
}
