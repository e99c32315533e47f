import { beforeAll, describe, expect, it } from "vitest";
import { CompanyRole } from "../../src/contracts/common.js";
import { STAFF_ROLES } from "../../src/server/platform/authz/can.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newAccount, newBuilding, newMember, newUnit, signIn } from "../helpers/builders.js";
import { Client } from "../helpers/client.js";

/** Each role's allowed and refused actions on the foundation's resources (DESIGN §1). */
let env: TestEnv;
let companyId: string;
let buildingId: string;
let otherBuildingId: string;
const clients = new Map<string, Client>();
const ROLES = CompanyRole.options;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const unit = await newUnit(env);
  ({ companyId, buildingId } = unit);
  otherBuildingId = (await newBuilding(env, companyId)).buildingId;
  for (const role of ROLES) {
    const scope =
      role === "resident"
        ? { unitIds: [unit.unitId] }
        : ["company_admin", "customer_care"].includes(role)
          ? {}
          : { buildingIds: [buildingId] };
    clients.set(role, await signIn(env, await newMember(env, role, { companyId, ...scope })));
  }
  clients.set("platform_admin", await signIn(env, await newAccount(env, { platformAdmin: true })));
});

const expectStatus = async (role: string, method: string, url: string, body: unknown, status: number) => {
  const res = await (clients.get(role) as Client).request(method, url, body);
  expect([role, method, url, res.status]).toEqual([role, method, url, status]);
};

describe("who may do what", () => {
  it("anonymous callers are asked to sign in", async () => {
    const anon = new Client(env.app);
    for (const url of [
      "/api/v1/buildings",
      "/api/v1/staff",
      "/api/v1/auth/me",
      "/api/v1/platform/companies",
    ]) {
      const res = await anon.get(url);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("lists buildings for staff only", async () => {
    for (const role of STAFF_ROLES) {
      await expectStatus(role, "GET", "/api/v1/buildings", undefined, 200);
    }
    for (const role of ["resident", "partner"])
      await expectStatus(role, "GET", "/api/v1/buildings", undefined, 403);
  });

  it("shows staff only the buildings they cover; company-wide roles see all", async () => {
    const manager = await (clients.get("building_manager") as Client).get("/api/v1/buildings");
    expect(manager.body.items.map((b: { id: string }) => b.id)).toEqual([buildingId]);
    await expectStatus("building_manager", "GET", `/api/v1/buildings/${otherBuildingId}`, undefined, 404);
    await expectStatus("building_manager", "GET", `/api/v1/buildings/${buildingId}`, undefined, 200);
    const admin = await (clients.get("company_admin") as Client).get("/api/v1/buildings");
    expect(admin.body.total).toBe(2);
    await expectStatus("customer_care", "GET", `/api/v1/buildings/${otherBuildingId}`, undefined, 200);
  });

  it("lets only the company admin create, change and delete buildings", async () => {
    const body = { name: "Tòa mới", address: "2 Đường Số 2, Quận 7", blocks: [{ name: "C", floors: 5 }] };
    for (const role of ROLES.filter((r) => r !== "company_admin")) {
      await expectStatus(role, "POST", "/api/v1/buildings", body, 403);
      await expectStatus(role, "PATCH", `/api/v1/buildings/${buildingId}`, { name: "Đổi tên" }, 403);
    }
    const admin = clients.get("company_admin") as Client;
    const created = await admin.post("/api/v1/buildings", body);
    expect(created.status).toBe(201);
    expect((await admin.patch(`/api/v1/buildings/${created.body.id}`, { name: "Tòa mới 2" })).body.name).toBe(
      "Tòa mới 2",
    );
    const duplicate = await admin.post("/api/v1/buildings", { ...body, name: "Tòa mới 2" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("CONFLICT");
    await admin.post("/api/v1/auth/reauth", { password: "Secret-2026" });
    const notEmpty = await admin.delete(`/api/v1/buildings/${buildingId}`);
    expect(notEmpty.status).toBe(422);
    expect(notEmpty.body.error.code).toBe("BUILDING_NOT_EMPTY");
    expect((await admin.delete(`/api/v1/buildings/${created.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/buildings/${created.body.id}`)).status).toBe(404);
  });

  it("lets only the company admin manage staff and invitations", async () => {
    for (const role of ROLES.filter((r) => r !== "company_admin")) {
      await expectStatus(role, "GET", "/api/v1/staff", undefined, 403);
      await expectStatus(role, "GET", "/api/v1/staff/invitations", undefined, 403);
      await expectStatus(
        role,
        "POST",
        "/api/v1/staff/invitations",
        { contact: "x@example.vn", displayName: "X", role: "technician" },
        403,
      );
    }
    await expectStatus("company_admin", "GET", "/api/v1/staff", undefined, 200);
  });

  it("keeps the platform admin to the platform, and company roles out of it", async () => {
    await expectStatus("platform_admin", "GET", "/api/v1/platform/companies", undefined, 200);
    await expectStatus("platform_admin", "GET", "/api/v1/buildings", undefined, 422);
    for (const role of ROLES) await expectStatus(role, "GET", "/api/v1/platform/companies", undefined, 403);
  });

  it("shows each person the contexts they hold and lets them switch", async () => {
    const manager = clients.get("building_manager") as Client;
    const me = await manager.get("/api/v1/auth/me");
    expect(me.body.current).toMatchObject({ role: "building_manager", area: "console", companyId });
    const resident = await (clients.get("resident") as Client).get("/api/v1/auth/me");
    expect(resident.body.current.area).toBe("resident");
    expect((await manager.post("/api/v1/auth/context", { contextId: "platform" })).status).toBe(404);
  });
});
