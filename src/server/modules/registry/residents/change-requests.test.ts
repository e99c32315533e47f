import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

let env: TestEnv;

/** Adds a resident to the unit's household, invites them (at an address of the test's own) and signs them in. */
async function residentClient(
  manager: Client,
  unitId: string,
  name: string,
  local: string,
  role: string,
  extra: Record<string, unknown> = {},
) {
  const email = `${local}.${randomBytes(4).toString("hex")}@example.vn`;
  const added = await manager.post(`/api/v1/units/${unitId}/household`, {
    role,
    fullName: name,
    email,
    ...extra,
  });
  await manager.post(`/api/v1/units/${unitId}/household/${added.body.id}/invite`);
  const mail = env.smtp.mails.findLast((m) => m.to.includes(email))?.raw.replace(/=\r?\n/g, "") ?? "";
  const token = mail.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  const client = new Client(env.app);
  const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { password: "Chu-ho-2026" });
  if (accepted.status !== 200) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return client;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

/** A company of the test's own: unit D-09.02 (70.5 m²), its manager, owner Mai Văn Sơn and tenant Kim Ly signed in. */
async function unitWithResidents() {
  const unit = await newUnit(env, { code: "D-09.02" });
  const unitId = unit.unitId;
  const manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId: unit.companyId, buildingIds: [unit.buildingId] }),
  );
  const owner = await residentClient(manager, unitId, "Mai Văn Sơn", "son.mai", "owner");
  const tenant = await residentClient(manager, unitId, "Kim Ly", "kim.ly", "tenant", {
    leaseEndsOn: "2027-12-31",
  });
  return { unitId, manager, owner, tenant };
}

describe("ownership and area changes", () => {
  it("lets only the owner ask, and changes nothing until management decides", async () => {
    const { unitId, manager, owner, tenant } = await unitWithResidents();
    expect(
      (await tenant.post(`/api/v1/units/${unitId}/change-requests`, { kind: "area", areaM2: 80 })).status,
    ).toBe(403);
    expect(
      (await owner.post(`/api/v1/units/${unitId}/change-requests`, { kind: "area", areaM2: 80.123 })).status,
    ).toBe(400);
    const asked = await owner.post(`/api/v1/units/${unitId}/change-requests`, {
      kind: "area",
      areaM2: 74.6,
      note: "Đo lại theo sổ hồng",
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: "pending",
      proposedAreaM2: 74.6,
      currentAreaM2: 70.5,
      unitCode: "D-09.02",
    });
    expect((await owner.get("/api/v1/change-requests")).status).toBe(403);
    expect((await owner.post(`/api/v1/change-requests/${asked.body.id}/approve`, {})).status).toBe(403);
    const queue = await manager.get("/api/v1/change-requests");
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);

    const approved = await manager.post(`/api/v1/change-requests/${asked.body.id}/approve`, {
      note: "Khớp sổ hồng",
    });
    expect(approved.body).toMatchObject({ status: "approved", currentAreaM2: 74.6 });
    expect((await manager.get(`/api/v1/units/${unitId}`)).body.areaM2).toBe(74.6);
    expect((await manager.post(`/api/v1/change-requests/${asked.body.id}/reject`, {})).body.error.code).toBe(
      "CHANGE_REQUEST_NOT_PENDING",
    );
  });

  it("records a new owner on approval, the former owner moving out on the transfer date", async () => {
    const { unitId, manager, owner } = await unitWithResidents();
    // An area change approved earlier, which the unit's history lists too.
    const earlier = await owner.post(`/api/v1/units/${unitId}/change-requests`, {
      kind: "area",
      areaM2: 74.6,
    });
    expect((await manager.post(`/api/v1/change-requests/${earlier.body.id}/approve`, {})).status).toBe(200);
    const asked = await owner.post(`/api/v1/units/${unitId}/change-requests`, {
      kind: "ownership",
      newOwnerName: "Trịnh Công Vinh",
      newOwnerContact: "0906555444",
      transferOn: "2026-12-15",
    });
    expect(asked.status).toBe(201);
    const rejectedOne = await owner.post(`/api/v1/units/${unitId}/change-requests`, {
      kind: "area",
      areaM2: 99,
    });
    expect(
      (await manager.post(`/api/v1/change-requests/${rejectedOne.body.id}/reject`, { note: "Không khớp" }))
        .body.status,
    ).toBe("rejected");

    await manager.post(`/api/v1/change-requests/${asked.body.id}/approve`, {});
    const household = (await manager.get(`/api/v1/units/${unitId}/household`)).body.members;
    const owners = household.filter((m: { role: string }) => m.role === "owner");
    expect(
      owners.map((m: { resident: { fullName: string }; movedOutOn: string | null }) => [
        m.resident.fullName,
        m.movedOutOn,
      ]),
    ).toEqual([
      ["Trịnh Công Vinh", null],
      ["Mai Văn Sơn", "2026-12-15"],
    ]);
    expect(owners[0].resident.phone).toBe("0906 *** 444");
    const history = await manager.get(`/api/v1/units/${unitId}/change-requests`);
    expect(history.body.items.map((r: { status: string }) => r.status).sort()).toEqual([
      "approved",
      "approved",
      "rejected",
    ]);
  });
});
