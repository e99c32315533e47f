import type { DemoSeed, Platform } from "../platform/context.js";
import type { Database } from "../platform/db/client.js";

export { noAccountsYet as isEmpty } from "../modules/accounts/index.js";

/**
 * Seeds the demo company "Demo": each module seeds its part in the order of the module list (accounts for the
 * demo logins, the company, its building with blocks A and B, units and households, memberships, two billed
 * months, the privacy center's examples).
 */
export async function seedDemo(db: Database, platform: Platform): Promise<void> {
  const seed: DemoSeed = { db, platform, ids: new Map() };
  for (const m of platform.modules) await m.seedDemo?.(seed);
}
