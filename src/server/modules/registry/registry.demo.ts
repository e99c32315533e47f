import { sql } from "drizzle-orm";
import { audit, bulkChanges } from "../../platform/audit/audit.service.js";
import { systemActor } from "../../platform/authz/actor.js";
import type { Ctx, DemoSeed } from "../../platform/context.js";
import { DEMO_HOME_UNIT, demoCtx, demoId } from "../../platform/demo.js";
import { searchText } from "../../platform/i18n/search.js";
import { loadBuilding } from "../buildings/index.js";
import { addHouseholdMember } from "./residents/households.service.js";
import { linkAccount } from "./residents/residents.service.js";
import { householdMembers, residents } from "./residents/residents.table.js";
import { units } from "./units/units.table.js";
import { registerVehicle } from "./vehicles/vehicles.service.js";

const UNITS_PER_FLOOR = 8;

type DemoPerson = Parameters<typeof addHouseholdMember>[2];

/** A few households, so that the registry, its search and the resident app have something to show. */
const DEMO_HOUSEHOLDS: [string, DemoPerson[]][] = [
  [
    "A-12.05",
    [
      {
        role: "owner",
        fullName: "Nguyễn Văn An",
        email: "resident@demo.chungcu.vn",
        phone: "0912345678",
        preferredLang: "vi",
      },
      { role: "member", fullName: "Trần Thị Bình", relation: "vợ", phone: "0987654321", preferredLang: "vi" },
      {
        role: "member",
        fullName: "Nguyễn Minh Khôi",
        relation: "con",
        dateOfBirth: "2016-04-12",
        preferredLang: "vi",
      },
    ],
  ],
  ["A-12.06", [{ role: "owner", fullName: "Lê Hoàng Nam", phone: "0903111222", preferredLang: "vi" }]],
  [
    "A-15.01",
    [{ role: "owner", fullName: "Phạm Thị Thu Hương", email: "huong.pham@example.vn", preferredLang: "vi" }],
  ],
  [
    "B-03.02",
    [
      { role: "owner", fullName: "Võ Đức Thắng", phone: "0938765432", preferredLang: "vi" },
      {
        role: "tenant",
        fullName: "John Miller",
        email: "john.miller@example.com",
        leaseEndsOn: "2027-06-30",
        preferredLang: "en",
      },
    ],
  ],
  ["B-18.08", [{ role: "owner", fullName: "Đặng Quốc Bảo", phone: "0977123456", preferredLang: "vi" }]],
];

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quang", "Ngọc", "Đức", "Thanh", "Hoài", "Gia"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hùng",
  "Lan",
  "Long",
  "Mai",
  "Nam",
];

/** An owner (name only, no contacts) for every unit that has none yet (vacant ones are owned too), so notices name a payer. */
async function seedOwners(ctx: Ctx, buildingId: string) {
  const empty = await ctx.tx
    .select({ id: units.id })
    .from(units)
    .where(
      sql`${units.companyId} = ${ctx.companyId} and ${units.buildingId} = ${buildingId}
          and not exists (select 1 from household_members hm where hm.company_id = ${units.companyId}
                           and hm.unit_id = ${units.id} and hm.role = 'owner')`,
    )
    .orderBy(units.code);
  if (empty.length === 0) return;
  const name = (i: number) =>
    `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 5) % GIVEN.length]}`;
  const people = await ctx.tx
    .insert(residents)
    .values(
      empty.map((_, i) => ({ companyId: ctx.companyId, fullName: name(i), nameSearch: searchText(name(i)) })),
    )
    .returning({ id: residents.id });
  await ctx.tx.insert(householdMembers).values(
    empty.map((u, i) => ({
      companyId: ctx.companyId,
      unitId: u.id,
      residentId: people[i]?.id as string,
      role: "owner",
      movedInOn: "2024-03-15",
    })),
  );
}

/**
 * The demo building's units (codes like, 8 a floor), a few households (the demo resident owns
 * and has a motorbike), and an owner for every other unit, so notices name a payer.
 */
export async function seedDemoRegistry(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  await seed.db.transaction(companyId, async (tx) => {
    // The building's own blocks, as its module seeded them.
    const { blocks } = await loadBuilding(demoCtx(seed, companyId, tx), buildingId);
    const unitRows = blocks.flatMap((block) =>
      Array.from({ length: block.floors }, (_, f) =>
        Array.from({ length: UNITS_PER_FLOOR }, (_, u) => ({
          companyId,
          buildingId,
          block: block.name,
          floor: f + 1,
          code: `${block.name}-${String(f + 1).padStart(2, "0")}.${String(u + 1).padStart(2, "0")}`,
          areaM2: String([68.5, 72.3, 85.0, 96.4, 54.2, 110.75, 72.3, 68.5][u]),
          status: (f * UNITS_PER_FLOOR + u) % 7 === 0 ? "vacant" : "occupied",
        })),
      ).flat(),
    );
    const inserted = await tx.insert(units).values(unitRows).returning({ id: units.id, code: units.code });
    const unitId = (code: string) => inserted.find((u) => u.code === code)?.id as string;
    seed.ids.set(`unit:${DEMO_HOME_UNIT}`, unitId(DEMO_HOME_UNIT));
    await audit(demoCtx(seed, companyId, tx), {
      action: "demo.seed",
      entity: "building",
      entityId: buildingId,
      changes: bulkChanges(
        inserted.map((u) => u.id),
        { units: inserted.length },
      ),
    });
    // Households go through the registry's own service, acting as the company admin.
    const asAdmin = demoCtx(seed, companyId, tx, { ...systemActor, role: "company_admin" });
    for (const [code, people] of DEMO_HOUSEHOLDS) {
      for (const person of people) {
        const member = await addHouseholdMember(asAdmin, unitId(code), person);
        if (person.email === "resident@demo.chungcu.vn") {
          await linkAccount(asAdmin, member.resident.id, demoId(seed, `account:${person.email}`));
          await registerVehicle(asAdmin, unitId(code), {
            residentId: member.resident.id,
            type: "motorbike",
            plate: "59-X1 234.56",
            colour: "Đen",
            brand: "Honda",
            parkingCard: "XM-0125",
          });
        }
      }
    }
    await seedOwners(asAdmin, buildingId);
    // PGlite gathers no statistics by itself (no autovacuum): the planner would take the registry for empty.
    await tx.execute(sql`select app_analyze_registry()`);
  });
}
