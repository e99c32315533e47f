import { audit } from "../../platform/audit/audit.service.js";
import type { DemoSeed } from "../../platform/context.js";
import { demoCtx, demoId } from "../../platform/demo.js";
import { buildings } from "./buildings.table.js";

/** Blocks A and B of 20 floors each. */
const BLOCKS = [
  { name: "A", floors: 20 },
  { name: "B", floors: 20 },
];

/** The demo company's building. */
export async function seedDemoBuilding(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  await seed.db.transaction(companyId, async (tx) => {
    const [building] = await tx
      .insert(buildings)
      .values({
        companyId,
        name: "Chung cư Demo Riverside",
        address: "123 Nguyễn Hữu Thọ, Phường Tân Hưng, TP. Hồ Chí Minh",
        blocks: BLOCKS,
      })
      .returning();
    if (!building) throw new Error("building insert failed");
    seed.ids.set("building", building.id);
    await audit(demoCtx(seed, companyId, tx), {
      action: "demo.seed",
      entity: "building",
      entityId: building.id,
    });
  });
}
