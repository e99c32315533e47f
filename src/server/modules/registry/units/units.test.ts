import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newBuilding, newMember, PASSWORD, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let otherBuildingId: string;
let admin: Client;
let manager: Client;
let accountant: Client;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId } = await newBuilding(env));
  otherBuildingId = (await newBuilding(env, companyId)).buildingId;
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  accountant = await signIn(
    env,
    await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
  );
});

const unit = (over: Record<string, unknown> = {}) => ({
  buildingId,
  code: "A-05.01",
  block: "A",
  floor: 5,
  type: "apartment",
  areaM2: 72.35,
  status: "occupied",
  ...over,
});

describe("units", () => {
  it("asks for sign-in, then validates, then checks the role", async () => {
    expect((await new Client(env.app).post("/api/v1/units", unit())).status).toBe(401);
    const bad = await manager.post("/api/v1/units", unit({ areaM2: 72.345, floor: 1.5, code: "" }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(["areaM2", "code", "floor"]);
    expect((await manager.post("/api/v1/units", unit({ areaM2: 0 }))).status).toBe(400);
    expect((await manager.post("/api/v1/units", unit({ areaM2: -3 }))).status).toBe(400);
    expect((await accountant.post("/api/v1/units", unit())).status).toBe(403);
  });

  it("creates a unit with its area to the hundredth, and refuses a duplicate code in the building", async () => {
    const res = await manager.post(
      "/api/v1/units",
      unit({ code: " a-05.02 ", handoverDate: "2024-06-30", maintenanceFundVnd: 58_000_000 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: "A-05.02",
      areaM2: 72.35,
      handoverDate: "2024-06-30",
      maintenanceFundVnd: 58_000_000,
    });
    const dup = await manager.post("/api/v1/units", unit({ code: "A-05.02" }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("CONFLICT");
    expect(dup.body.error.details.fields.code).toBeTruthy();
    // The same code in another building is another unit.
    expect(
      (await admin.post("/api/v1/units", unit({ code: "A-05.02", buildingId: otherBuildingId }))).status,
    ).toBe(201);
  });

  it("refuses a block the building does not have and a floor above its top", async () => {
    const block = await manager.post("/api/v1/units", unit({ code: "Z-01.01", block: "Z" }));
    expect(block.status).toBe(400);
    expect(block.body.error.details.fields.block).toMatch(/tòa\/block/);
    const floor = await manager.post("/api/v1/units", unit({ code: "A-99.01", floor: 99 }));
    expect(floor.body.error.details.fields.floor).toBeTruthy();
  });

  it("keeps a manager to their buildings", async () => {
    expect(
      (await manager.post("/api/v1/units", unit({ buildingId: otherBuildingId, code: "A-01.09" }))).status,
    ).toBe(404);
    const other = await admin.post("/api/v1/units", unit({ buildingId: otherBuildingId, code: "A-01.01" }));
    expect((await manager.get(`/api/v1/units/${other.body.id}`)).status).toBe(404);
    expect((await manager.patch(`/api/v1/units/${other.body.id}`, { status: "vacant" })).status).toBe(404);
    const list = await manager.get("/api/v1/units?pageSize=100");
    expect(list.body.items.every((u: { buildingId: string }) => u.buildingId === buildingId)).toBe(true);
  });

  it("lists with filters, search, sort and pages", async () => {
    // A building of this test's own: the list holds exactly the units made here, whatever ran before.
    const own = (await newBuilding(env, companyId)).buildingId;
    for (const [code, floor, area, status] of [
      ["A-01.01", 1, 50, "vacant"],
      ["A-01.02", 1, 90.5, "occupied"],
      ["A-02.01", 2, 65, "renovation"],
      ["A-03.01", 3, 120.25, "occupied"],
      ["A-05.01", 5, 72.35, "occupied"],
    ] as const) {
      const made = await admin.post(
        "/api/v1/units",
        unit({ buildingId: own, code, floor, areaM2: area, status }),
      );
      expect(made.status).toBe(201);
    }
    const floor1 = await admin.get(`/api/v1/units?buildingId=${own}&floor=1`);
    expect(floor1.body.items.map((u: { code: string }) => u.code)).toEqual(["A-01.01", "A-01.02"]);
    const occupied = await admin.get(`/api/v1/units?buildingId=${own}&status=occupied&sort=-area`);
    expect(occupied.body.items[0].code).toBe("A-03.01");
    const search = await admin.get(`/api/v1/units?buildingId=${own}&q=02.0`);
    expect(search.body.items.map((u: { code: string }) => u.code)).toEqual(["A-02.01"]);
    const page2 = await admin.get(`/api/v1/units?buildingId=${own}&pageSize=2&page=2&sort=code`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items).toHaveLength(2);
    expect((await accountant.get("/api/v1/units?sort=price")).status).toBe(400);
  });

  it("shows the building as a floor grid with counts by status", async () => {
    // A building of this test's own, with the units the grid is checked against.
    const own = (await newBuilding(env, companyId)).buildingId;
    for (const [code, floor, status] of [
      ["A-01.01", 1, "vacant"],
      ["A-01.02", 1, "occupied"],
      ["A-02.01", 2, "renovation"],
      ["A-03.01", 3, "occupied"],
      ["A-05.01", 5, "occupied"],
    ] as const) {
      expect((await admin.post("/api/v1/units", unit({ buildingId: own, code, floor, status }))).status).toBe(
        201,
      );
    }
    const grid = await admin.get(`/api/v1/buildings/${own}/grid`);
    expect(grid.status).toBe(200);
    const a = grid.body.blocks.find((b: { name: string }) => b.name === "A");
    // Every floor of the block (10 in the builder's building) is a row, empty ones included.
    expect(a.floors.map((f: { floor: number }) => f.floor)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(a.floors.find((f: { floor: number }) => f.floor === 7).units).toEqual([]);
    expect(a.floors.at(-1).units.map((u: { code: string }) => u.code)).toEqual(["A-01.01", "A-01.02"]);
    expect(grid.body.counts).toEqual({ vacant: 1, occupied: 3, renovation: 1 });
    expect((await manager.get(`/api/v1/buildings/${otherBuildingId}/grid`)).status).toBe(404);
  });

  it("updates with an audited before/after, and deletes after re-confirmation", async () => {
    const created = await manager.post("/api/v1/units", unit({ code: "A-04.01", floor: 4 }));
    const patched = await manager.patch(`/api/v1/units/${created.body.id}`, {
      areaM2: 80.1,
      status: "vacant",
    });
    expect(patched.body).toMatchObject({ areaM2: 80.1, status: "vacant" });
    const entries = await env.db.owner.execute(
      sql`select changes from audit_log where company_id = ${companyId} and entity_id = ${created.body.id} and action = 'unit.update'`,
    );
    expect((entries as unknown as { rows: { changes: unknown }[] }).rows[0]?.changes).toEqual({
      areaM2: ["72.35", "80.10"],
      status: ["occupied", "vacant"],
    });
    await env.db.owner.execute(sql`update sessions set reauth_at = null`);
    env.app.platform.sessionCache.forget();
    expect((await manager.delete(`/api/v1/units/${created.body.id}`)).body.error.code).toBe(
      "REAUTH_REQUIRED",
    );
    await manager.post("/api/v1/auth/reauth", { password: PASSWORD });
    expect((await manager.delete(`/api/v1/units/${created.body.id}`)).status).toBe(204);
    expect((await manager.get(`/api/v1/units/${created.body.id}`)).status).toBe(404);
  });

  it("answers 404 for another company's units", async () => {
    const foreign = await newBuilding(env);
    const foreignAdmin = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: foreign.companyId }),
    );
    const theirs = await foreignAdmin.post(
      "/api/v1/units",
      unit({ buildingId: foreign.buildingId, code: "A-01.01", floor: 1 }),
    );
    expect(theirs.status).toBe(201);
    expect((await admin.get(`/api/v1/units/${theirs.body.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/units/${theirs.body.id}`, { status: "vacant" })).status).toBe(404);
    expect((await admin.get(`/api/v1/buildings/${foreign.buildingId}/grid`)).status).toBe(404);
    expect(
      (await admin.post("/api/v1/units", unit({ buildingId: foreign.buildingId, code: "A-09.09" }))).status,
    ).toBe(404);
    const list = await admin.get(`/api/v1/units?buildingId=${foreign.buildingId}`);
    expect(list.body.total).toBe(0);
  });
});
