import { audit } from "../../platform/audit/audit.service.js";
import type { DemoSeed } from "../../platform/context.js";
import { PLATFORM_SCOPE } from "../../platform/db/client.js";
import { demoCtx } from "../../platform/demo.js";
import { companies } from "./companies.table.js";

/** The demo company, "Demo". */
export async function seedDemoCompany(seed: DemoSeed): Promise<void> {
  await seed.db.transaction(PLATFORM_SCOPE, async (tx) => {
    const [company] = await tx.insert(companies).values({ name: "Demo", taxCode: "0312345678" }).returning();
    if (!company) throw new Error("company insert failed");
    seed.ids.set("company", company.id);
    await audit(demoCtx(seed, PLATFORM_SCOPE, tx), {
      action: "demo.seed",
      entity: "company",
      entityId: company.id,
    });
  });
}
