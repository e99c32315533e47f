import type { DemoSeed } from "../../platform/context.js";
import { DEMO_HOME_UNIT, DEMO_LOGINS, demoId } from "../../platform/demo.js";
import { memberships } from "./memberships.table.js";

/** Roles that work in given buildings rather than company-wide. */
const IN_BUILDINGS: readonly string[] = ["building_manager", "accountant", "technician", "owners_board"];

/** Each demo login's membership of the demo company: staff in the building, the resident in their unit. */
export async function seedDemoMemberships(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  await seed.db.transaction(companyId, (tx) =>
    tx.insert(memberships).values(
      DEMO_LOGINS.flatMap((l) =>
        l.role === null
          ? []
          : [
              {
                companyId,
                accountId: demoId(seed, `account:${l.email}`),
                role: l.role,
                buildingIds: IN_BUILDINGS.includes(l.role) ? [buildingId] : [],
                unitIds: l.role === "resident" ? [demoId(seed, `unit:${DEMO_HOME_UNIT}`)] : [],
              },
            ],
      ),
    ),
  );
}
