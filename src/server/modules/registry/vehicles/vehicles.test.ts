import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let otherUnitId: string;
let manager: Client;
let ownerId: string;
let neighbourId: string;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "A-03.01" }));
  otherUnitId = (await newUnit(env, { companyId, buildingId, code: "A-03.02" })).unitId;
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  ownerId = (
    await manager.post(`/api/v1/units/${unitId}/household`, { role: "owner", fullName: "Phạm Văn Bình" })
  ).body.resident.id;
  neighbourId = (
    await manager.post(`/api/v1/units/${otherUnitId}/household`, { role: "owner", fullName: "Lý Thị Hoa" })
  ).body.resident.id;
});

const bike = (plate: string, over: Record<string, unknown> = {}) => ({
  residentId: ownerId,
  type: "motorbike",
  plate,
  ...over,
});

/**
 * A company of the test's own: two units of one building with an owner each, and its admin. Plates are
 * unique per building and searches are per company, so what a test registers is all there is.
 */
async function household() {
  const first = await newUnit(env, { code: "A-03.01" });
  const other = await newUnit(env, {
    companyId: first.companyId,
    buildingId: first.buildingId,
    code: "A-03.02",
  });
  const staff = await signIn(env, await newMember(env, "company_admin", { companyId: first.companyId }));
  const owner = await staff.post(`/api/v1/units/${first.unitId}/household`, {
    role: "owner",
    fullName: "Phạm Văn Bình",
  });
  const neighbour = await staff.post(`/api/v1/units/${other.unitId}/household`, {
    role: "owner",
    fullName: "Lý Thị Hoa",
  });
  return {
    companyId: first.companyId,
    unitId: first.unitId,
    otherUnitId: other.unitId,
    ownerId: owner.body.resident.id as string,
    neighbourId: neighbour.body.resident.id as string,
    staff,
  };
}

/** Registers the owner's two motorbikes, a car and a bicycle, as the registration test does. */
async function registerFleet(h: Awaited<ReturnType<typeof household>>) {
  const own = { residentId: h.ownerId };
  for (const body of [
    { ...own, type: "motorbike", plate: "59x1 23456", activeFrom: "2025-01-01" },
    { ...own, type: "motorbike", plate: "59-x2 111.22", activeFrom: "2025-06-01" },
    { ...own, type: "car", plate: "51a12345", parkingCard: "B2-017" },
    { ...own, type: "bicycle" },
  ])
    expect((await h.staff.post(`/api/v1/units/${h.unitId}/vehicles`, body)).status).toBe(201);
}

describe("vehicles", () => {
  it("checks the plate against the vehicle type and the owner against the household", async () => {
    expect(
      (await new Client(env.app).post(`/api/v1/units/${unitId}/vehicles`, bike("59X1-234.56"))).status,
    ).toBe(401);
    const bad = await manager.post(`/api/v1/units/${unitId}/vehicles`, bike("ABC-1"));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.plate).toMatch(/Biển số/);
    const missing = await manager.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: ownerId,
      type: "car",
    });
    expect(missing.body.error.details.fields.plate).toBeTruthy();
    const stranger = await manager.post(
      `/api/v1/units/${unitId}/vehicles`,
      bike("59X1-234.56", { residentId: neighbourId }),
    );
    expect(stranger.body.error.details.fields.residentId).toBeTruthy();
  });

  it("registers vehicles with their plate written the usual way and ranks them within the unit", async () => {
    const { unitId, ownerId, staff: manager } = await household();
    const bike = (plate: string, over: Record<string, unknown> = {}) => ({
      residentId: ownerId,
      type: "motorbike",
      plate,
      ...over,
    });
    const first = await manager.post(
      `/api/v1/units/${unitId}/vehicles`,
      bike("59x1 23456", { activeFrom: "2025-01-01" }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ plate: "59-X1 234.56", status: "active", rank: 1 });
    const second = await manager.post(
      `/api/v1/units/${unitId}/vehicles`,
      bike("59-x2 111.22", { activeFrom: "2025-06-01" }),
    );
    expect(second.body.rank).toBe(2);
    const car = await manager.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: ownerId,
      type: "car",
      plate: "51a12345",
      parkingCard: "B2-017",
    });
    expect(car.body).toMatchObject({ plate: "51A-123.45", rank: 1 });
    const cycle = await manager.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: ownerId,
      type: "bicycle",
    });
    expect(cycle.body).toMatchObject({ plate: null, rank: 1 });
    const list = await manager.get(`/api/v1/units/${unitId}/vehicles`);
    expect(
      list.body.items
        .filter((v: { type: string }) => v.type === "motorbike")
        .map((v: { rank: number }) => v.rank),
    ).toEqual([1, 2]);
  });

  it("keeps plates out of the database in clear and finds them by exact plate", async () => {
    const h = await household();
    const { companyId, staff: manager } = h;
    await registerFleet(h);
    const raw = await env.db.owner.execute(sql`select * from vehicles where company_id = ${companyId}`);
    const text = JSON.stringify((raw as unknown as { rows: unknown[] }).rows);
    for (const plate of ["59X123456", "59-X1 234.56", "51A-123.45", "51A12345"])
      expect(text).not.toContain(plate);
    const found = await manager.get(`/api/v1/vehicles?plate=${encodeURIComponent("51A 123.45")}`);
    expect(found.body.items.map((v: { plate: string }) => v.plate)).toEqual(["51A-123.45"]);
    // The console's one search box finds the owner by plate too.
    const owners = await manager.get(`/api/v1/residents?q=${encodeURIComponent("51a12345")}`);
    expect(owners.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(["Phạm Văn Bình"]);
  });

  it("refuses a plate already active in the building, and frees it once deactivated", async () => {
    const h = await household();
    const { unitId, otherUnitId, neighbourId, staff: manager } = h;
    await registerFleet(h);
    const dup = await manager.post(`/api/v1/units/${otherUnitId}/vehicles`, {
      residentId: neighbourId,
      type: "motorbike",
      plate: "59-X1 234.56",
    });
    expect(dup.status).toBe(409);
    const [bikeOne] = (await manager.get(`/api/v1/units/${unitId}/vehicles`)).body.items.filter(
      (v: { plate: string }) => v.plate === "59-X1 234.56",
    );
    expect(
      (await manager.post(`/api/v1/vehicles/${bikeOne.id}/deactivate`, { on: "2026-11-25" })).status,
    ).toBe(204);
    const again = await manager.post(`/api/v1/units/${otherUnitId}/vehicles`, {
      residentId: neighbourId,
      type: "motorbike",
      plate: "59-X1 234.56",
    });
    expect(again.status).toBe(201);
    const ranks = (await manager.get(`/api/v1/units/${unitId}/vehicles`)).body.items
      .filter((v: { type: string; status: string }) => v.type === "motorbike" && v.status === "active")
      .map((v: { rank: number }) => v.rank);
    expect(ranks).toEqual([1]);
  });

  it("answers 404 for another company's vehicles", async () => {
    const foreign = await newUnit(env);
    const foreignManager = await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId: foreign.companyId,
        buildingIds: [foreign.buildingId],
      }),
    );
    const owner = (
      await foreignManager.post(`/api/v1/units/${foreign.unitId}/household`, {
        role: "owner",
        fullName: "Hồ Văn C",
      })
    ).body.resident.id;
    const theirs = await foreignManager.post(`/api/v1/units/${foreign.unitId}/vehicles`, {
      residentId: owner,
      type: "car",
      plate: "30E-999.99",
    });
    expect(theirs.status).toBe(201);
    expect((await manager.get(`/api/v1/units/${foreign.unitId}/vehicles`)).status).toBe(404);
    expect((await manager.patch(`/api/v1/vehicles/${theirs.body.id}`, { colour: "Đỏ" })).status).toBe(404);
    expect(
      (await manager.post(`/api/v1/vehicles/${theirs.body.id}/deactivate`, { on: "2026-11-25" })).status,
    ).toBe(404);
    expect((await manager.get("/api/v1/vehicles?plate=30E99999")).body.items).toEqual([]);
  });
});
