import { count } from "drizzle-orm";
import { audit, bulkChanges } from "../../platform/audit/audit.service.js";
import type { DemoSeed } from "../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../platform/db/client.js";
import { DEMO_LOGINS, DEMO_PASSWORD, demoCtx } from "../../platform/demo.js";
import { createAccount } from "./accounts.service.js";
import { accounts } from "./accounts.table.js";

/** Whether the database holds nobody yet (the demo is seeded only then). */
export async function noAccountsYet(db: Database): Promise<boolean> {
  const [row] = await db.transaction(PLATFORM_SCOPE, (tx) => tx.select({ n: count() }).from(accounts));
  return (row?.n ?? 0) === 0;
}

/** An account for each demo login. */
export async function seedDemoAccounts(seed: DemoSeed): Promise<void> {
  await seed.db.transaction(PLATFORM_SCOPE, async (tx) => {
    const ids: string[] = [];
    for (const login of DEMO_LOGINS) {
      const row = await createAccount(tx, seed.platform, {
        displayName: login.name,
        contact: { kind: "email", value: login.email },
        password: DEMO_PASSWORD,
        platformRole: login.role === null ? "platform_admin" : null,
      });
      seed.ids.set(`account:${login.email}`, row.id);
      ids.push(row.id);
    }
    await audit(demoCtx(seed, PLATFORM_SCOPE, tx), {
      action: "demo.seed",
      entity: "account",
      changes: bulkChanges(ids, { accounts: ids.length }),
    });
  });
}
