import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newBuilding, newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let manager: Client;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "A-12.05" }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
});

const owner = {
  role: "owner",
  fullName: "Nguyễn Văn Đức",
  phone: "0912 345 678",
  email: "Duc.Nguyen@example.vn",
  dateOfBirth: "1985-03-14",
  idNumber: "079085001234",
  nationality: "VN",
  movedInOn: "2024-07-01",
};

/**
 * A company of the test's own with unit and its household (the owner above, a child, a spouse sharing
 * the owner's phone), its manager and technician, and the manager of another building: what a test finds or
 * changes there is all there is, whatever ran before.
 */
async function aHousehold() {
  const unit = await newUnit(env, { code: "A-12.05" });
  const other = await newBuilding(env, unit.companyId);
  const staff = (role: string, buildingIds: string[]) =>
    newMember(env, role, { companyId: unit.companyId, buildingIds }).then((p) => signIn(env, p));
  const h = {
    ...unit,
    manager: await staff("building_manager", [unit.buildingId]),
    technician: await staff("technician", [unit.buildingId]),
    otherManager: await staff("building_manager", [other.buildingId]),
  };
  for (const member of [
    owner,
    { role: "member", fullName: "Nguyễn Minh An", relation: "con", dateOfBirth: "2015-09-02" },
    { role: "member", fullName: "Trần Thị Lan", relation: "vợ", phone: "0912345678" },
  ])
    expect((await h.manager.post(`/api/v1/units/${unit.unitId}/household`, member)).status).toBe(201);
  return h;
}

describe("households and residents", () => {
  it("validates: contacts, dates, a tenant's lease end", async () => {
    expect((await new Client(env.app).post(`/api/v1/units/${unitId}/household`, owner)).status).toBe(401);
    const bad = await manager.post(`/api/v1/units/${unitId}/household`, {
      ...owner,
      phone: "12345",
      dateOfBirth: "14/03/1985",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toContain("dateOfBirth");
    const badPhone = await manager.post(`/api/v1/units/${unitId}/household`, { ...owner, phone: "12345" });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details.fields.phone).toBeTruthy();
    const tenant = await manager.post(`/api/v1/units/${unitId}/household`, { ...owner, role: "tenant" });
    expect(tenant.body.error.details.fields.leaseEndsOn).toBeTruthy();
  });

  it("adds an owner with contacts masked, and keeps no personal data in clear in the database", async () => {
    const res = await manager.post(`/api/v1/units/${unitId}/household`, owner);
    expect(res.status).toBe(201);
    expect(res.body.resident).toMatchObject({
      fullName: "Nguyễn Văn Đức",
      phone: "0912 *** 678",
      email: "du***@example.vn",
      hasDateOfBirth: true,
      hasIdNumber: true,
    });
    const raw = await env.db.owner.execute(sql`select * from residents where company_id = ${companyId}`);
    const text = JSON.stringify((raw as unknown as { rows: unknown[] }).rows);
    for (const secret of ["0912345678", "duc.nguyen@example.vn", "1985-03-14", "079085001234"]) {
      expect(text).not.toContain(secret);
    }
    const audit = await env.db.owner.execute(
      sql`select changes from audit_log where company_id = ${companyId}`,
    );
    const auditText = JSON.stringify((audit as unknown as { rows: unknown[] }).rows);
    expect(auditText).not.toContain("0912345678");
    expect(auditText).not.toContain("1985-03-14");
  });

  it("adds a child without a phone, and members sharing a phone", async () => {
    // A unit of the test's own, with its owner.
    const { unitId } = await newUnit(env, { companyId, buildingId, code: "A-12.06" });
    expect((await manager.post(`/api/v1/units/${unitId}/household`, owner)).status).toBe(201);
    const child = await manager.post(`/api/v1/units/${unitId}/household`, {
      role: "member",
      fullName: "Nguyễn Minh An",
      relation: "con",
      dateOfBirth: "2015-09-02",
    });
    expect(child.status).toBe(201);
    expect(child.body.resident.phone).toBeNull();
    const spouse = await manager.post(`/api/v1/units/${unitId}/household`, {
      role: "member",
      fullName: "Trần Thị Lan",
      relation: "vợ",
      phone: "0912345678",
    });
    expect(spouse.status).toBe(201);
    const household = await manager.get(`/api/v1/units/${unitId}/household`);
    expect(
      household.body.members.map((m: { resident: { fullName: string } }) => m.resident.fullName).sort(),
    ).toEqual(["Nguyễn Minh An", "Nguyễn Văn Đức", "Trần Thị Lan"]);
  });

  it("finds residents by name without diacritics, by exact phone or email, and by unit code", async () => {
    const { unitId, buildingId, manager } = await aHousehold();
    const byName = await manager.get("/api/v1/residents?q=nguyen van duc");
    expect(byName.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(["Nguyễn Văn Đức"]);
    expect(byName.body.items[0].units).toEqual([{ unitId, buildingId, code: "A-12.05", role: "owner" }]);
    const byPhone = await manager.get(`/api/v1/residents?q=${encodeURIComponent("+84 912 345 678")}`);
    expect(byPhone.body.items.map((r: { fullName: string }) => r.fullName).sort()).toEqual([
      "Nguyễn Văn Đức",
      "Trần Thị Lan",
    ]);
    const byEmail = await manager.get("/api/v1/residents?q=duc.nguyen@example.vn");
    expect(byEmail.body.total).toBe(1);
    const byUnit = await manager.get("/api/v1/residents?q=A-12.05");
    expect(byUnit.body.total).toBe(3);
  });

  it("reveals a masked field in full and records who saw it", async () => {
    const { manager } = await aHousehold();
    const [resident] = (await manager.get("/api/v1/residents?q=nguyen van duc")).body.items;
    const res = await manager.post(`/api/v1/residents/${resident.id}/reveal`, { field: "phone" });
    expect(res.body).toEqual({ field: "phone", value: "0912345678" });
    expect(
      (await manager.post(`/api/v1/residents/${resident.id}/reveal`, { field: "idNumber" })).body.value,
    ).toBe("079085001234");
    const trail = await env.db.owner.execute(
      sql`select field, actor_role from personal_data_reveals where resident_id = ${resident.id} order by at`,
    );
    expect((trail as unknown as { rows: unknown[] }).rows).toEqual([
      { field: "phone", actor_role: "building_manager" },
      { field: "idNumber", actor_role: "building_manager" },
    ]);
  });

  it("keeps technicians and other buildings' staff away from the registry", async () => {
    const { unitId, manager, technician, otherManager } = await aHousehold();
    const [resident] = (await manager.get("/api/v1/residents?q=nguyen van duc")).body.items;
    expect((await technician.get("/api/v1/residents")).status).toBe(403);
    expect(
      (await technician.post(`/api/v1/residents/${resident.id}/reveal`, { field: "phone" })).status,
    ).toBe(403);
    expect((await otherManager.get(`/api/v1/residents/${resident.id}`)).status).toBe(404);
    expect(
      (await otherManager.post(`/api/v1/residents/${resident.id}/reveal`, { field: "phone" })).status,
    ).toBe(404);
    expect((await otherManager.get(`/api/v1/units/${unitId}/household`)).status).toBe(404);
    expect((await otherManager.get("/api/v1/residents?q=nguyen")).body.total).toBe(0);
  });

  it("corrects a resident and records a move-out with the history kept", async () => {
    const { unitId, manager } = await aHousehold();
    const [resident] = (await manager.get("/api/v1/residents?q=tran thi lan")).body.items;
    const patched = await manager.patch(`/api/v1/residents/${resident.id}`, {
      phone: "0987654321",
      email: "lan@example.vn",
    });
    expect(patched.body).toMatchObject({ phone: "0987 *** 321", email: "la***@example.vn" });
    expect((await manager.get("/api/v1/residents?q=0987654321")).body.total).toBe(1);
    const household = await manager.get(`/api/v1/units/${unitId}/household`);
    const member = household.body.members.find(
      (m: { resident: { id: string } }) => m.resident.id === resident.id,
    );
    expect(
      (await manager.post(`/api/v1/units/${unitId}/household/${member.id}/move-out`, { on: "2026-11-30" }))
        .status,
    ).toBe(204);
    const after = await manager.get(`/api/v1/units/${unitId}/household`);
    expect(after.body.members.at(-1)).toMatchObject({ id: member.id, movedOutOn: "2026-11-30" });
    expect(
      (await manager.post(`/api/v1/units/${unitId}/household/${member.id}/move-out`, { on: "2026-12-01" }))
        .status,
    ).toBe(404);
  });

  it("answers 404 for another company's residents and households", async () => {
    const foreign = await newUnit(env);
    const foreignManager = await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId: foreign.companyId,
        buildingIds: [foreign.buildingId],
      }),
    );
    const theirs = await foreignManager.post(`/api/v1/units/${foreign.unitId}/household`, {
      role: "owner",
      fullName: "Lê Văn B",
    });
    expect(theirs.status).toBe(201);
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    expect((await admin.get(`/api/v1/residents/${theirs.body.resident.id}`)).status).toBe(404);
    expect(
      (await admin.post(`/api/v1/residents/${theirs.body.resident.id}/reveal`, { field: "phone" })).status,
    ).toBe(404);
    expect(
      (await admin.patch(`/api/v1/residents/${theirs.body.resident.id}`, { fullName: "X" })).status,
    ).toBe(404);
    expect((await admin.get(`/api/v1/units/${foreign.unitId}/household`)).status).toBe(404);
    expect((await admin.post(`/api/v1/units/${foreign.unitId}/household`, owner)).status).toBe(404);
  });
});
