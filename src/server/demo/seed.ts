import { count } from "drizzle-orm";
import { createAccount } from "../modules/accounts/accounts.service.js";
import { accounts } from "../modules/accounts/accounts.table.js";
import { buildings } from "../modules/buildings/buildings.table.js";
import { companies } from "../modules/companies/companies.table.js";
import { addHouseholdMember, linkAccount } from "../modules/registry/index.js";
import { units } from "../modules/registry/units/units.table.js";
import { registerVehicle } from "../modules/registry/vehicles/vehicles.service.js";
import { memberships } from "../modules/staff/memberships.table.js";
import { audit, bulkChanges } from "../platform/audit/audit.service.js";
import { systemActor } from "../platform/authz/actor.js";
import type { Ctx, Platform } from "../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../platform/db/client.js";
import { seedDemoBilling } from "./billing.seed.js";
import { seedDemoPrivacy } from "./privacy.seed.js";

export const DEMO_PASSWORD = "Demo@2026";

/** The demo logins of DESIGN §4, and what each one is. */
export const DEMO_LOGINS = [
  { email: "platform@demo.chungcu.vn", name: "Quản trị Nền tảng", role: null, label: "platform admin" },
  {
    email: "admin@demo.chungcu.vn",
    name: "Trần Thị Quản Trị",
    role: "company_admin",
    label: "company admin",
  },
  {
    email: "manager@demo.chungcu.vn",
    name: "Nguyễn Văn Quản Lý",
    role: "building_manager",
    label: "building manager",
  },
  { email: "accountant@demo.chungcu.vn", name: "Lê Thị Kế Toán", role: "accountant", label: "accountant" },
  {
    email: "care@demo.chungcu.vn",
    name: "Phạm Minh Chăm Sóc",
    role: "customer_care",
    label: "customer care",
  },
  { email: "tech@demo.chungcu.vn", name: "Hoàng Văn Kỹ Thuật", role: "technician", label: "technician" },
  {
    email: "board@demo.chungcu.vn",
    name: "Đỗ Thị Ban Quản Trị",
    role: "owners_board",
    label: "owners' board",
  },
  {
    email: "resident@demo.chungcu.vn",
    name: "Nguyễn Văn An",
    role: "resident",
    label: "resident, owner of A-12.05",
  },
  { email: "partner@demo.chungcu.vn", name: "Giao Hàng Nhanh Demo", role: "partner", label: "partner" },
] as const;

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

const BLOCKS = [
  { name: "A", floors: 20 },
  { name: "B", floors: 20 },
];
const UNITS_PER_FLOOR = 8;

/** Whether the database holds nothing yet (the demo is seeded only then). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.transaction(PLATFORM_SCOPE, (tx) => tx.select({ n: count() }).from(accounts));
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo company "Demo": one building with blocks A and B of 20 floors and 8 units a floor
 * (codes like ), an account for each demo login, and a few households (the demo resident owns ).
 */
export async function seedDemo(db: Database, platform: Platform): Promise<void> {
  const ctxFor = (companyId: string, tx: Ctx["tx"]): Ctx => ({
    companyId,
    actor: systemActor,
    lang: "vi",
    requestId: "seed-demo",
    tx,
    platform,
    afterCommit: () => {},
  });

  const accountIds = await db.transaction(PLATFORM_SCOPE, async (tx) => {
    const ids = new Map<string, string>();
    for (const login of DEMO_LOGINS) {
      const row = await createAccount(tx, platform, {
        displayName: login.name,
        contact: { kind: "email", value: login.email },
        password: DEMO_PASSWORD,
        platformRole: login.role === null ? "platform_admin" : null,
      });
      ids.set(login.email, row.id);
    }
    const [company] = await tx.insert(companies).values({ name: "Demo", taxCode: "0312345678" }).returning();
    if (!company) throw new Error("company insert failed");
    ids.set("company", company.id);
    await audit(ctxFor(PLATFORM_SCOPE, tx), {
      action: "demo.seed",
      entity: "company",
      entityId: company.id,
      changes: bulkChanges([...ids.values()], { accounts: DEMO_LOGINS.length }),
    });
    return ids;
  });

  const companyId = accountIds.get("company") as string;
  const { buildingId, homeUnitId } = await db.transaction(companyId, async (tx) => {
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
    const unitRows = BLOCKS.flatMap((block) =>
      Array.from({ length: block.floors }, (_, f) =>
        Array.from({ length: UNITS_PER_FLOOR }, (_, u) => ({
          companyId,
          buildingId: building.id,
          block: block.name,
          floor: f + 1,
          code: `${block.name}-${String(f + 1).padStart(2, "0")}.${String(u + 1).padStart(2, "0")}`,
          areaM2: String([68.5, 72.3, 85.0, 96.4, 54.2, 110.75, 72.3, 68.5][u]),
          status: (f * UNITS_PER_FLOOR + u) % 7 === 0 ? "vacant" : "occupied",
        })),
      ).flat(),
    );
    const inserted = await tx.insert(units).values(unitRows).returning({ id: units.id, code: units.code });
    const homeUnit = inserted.find((u) => u.code === "A-12.05");
    await tx.insert(memberships).values(
      DEMO_LOGINS.filter((l) => l.role !== null).map((l) => ({
        companyId,
        accountId: accountIds.get(l.email) as string,
        role: l.role as string,
        buildingIds: ["building_manager", "accountant", "technician", "owners_board"].includes(l.role ?? "")
          ? [building.id]
          : [],
        unitIds: l.role === "resident" && homeUnit ? [homeUnit.id] : [],
      })),
    );
    // Households go through the registry's own service, acting as the company admin.
    const asAdmin: Ctx = { ...ctxFor(companyId, tx), actor: { ...systemActor, role: "company_admin" } };
    const unitId = (code: string) => inserted.find((u) => u.code === code)?.id as string;
    for (const [code, people] of DEMO_HOUSEHOLDS) {
      for (const person of people) {
        const member = await addHouseholdMember(asAdmin, unitId(code), person);
        if (person.email === "resident@demo.chungcu.vn") {
          await linkAccount(asAdmin, member.resident.id, accountIds.get(person.email) as string);
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
    await audit(ctxFor(companyId, tx), {
      action: "demo.seed",
      entity: "building",
      entityId: building.id,
      changes: bulkChanges(
        inserted.map((u) => u.id),
        { units: inserted.length },
      ),
    });
    return { buildingId: building.id, homeUnitId: homeUnit?.id as string };
  });
  await seedDemoBilling(db, platform, companyId, buildingId, homeUnitId);
  await seedDemoPrivacy(db, platform, companyId, {
    adminAccountId: accountIds.get("admin@demo.chungcu.vn") as string,
    residentAccountId: accountIds.get("resident@demo.chungcu.vn") as string,
  });
}
