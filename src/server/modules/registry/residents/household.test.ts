import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

/**
 * Onboarding residents through invitations, and the owner keeping their household from the app. Each test
 * makes its own company, units, manager and owner (`household()`, `withOwner()`), so the tests hold in any order.
 */
let env: TestEnv;

const tokenFor = (to: string) =>
  env.smtp.mails
    .findLast((m) => m.to.includes(to))
    ?.raw.replace(/=\r?\n/g, "")
    .match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] as string;

/** An address of this test's own, masked as `th***@example.vn` like the one it stands for. */
const thuhaEmail = () => `thuha.${randomBytes(4).toString("hex")}@example.vn`;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

/** A company of the test's own: unit B-07.03 with its owner Đặng Thu Hà on the list (not yet invited), B-07.04. */
async function household() {
  const unit = await newUnit(env, { code: "B-07.03" });
  const otherUnitId = (
    await newUnit(env, { companyId: unit.companyId, buildingId: unit.buildingId, code: "B-07.04" })
  ).unitId;
  const manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId: unit.companyId, buildingIds: [unit.buildingId] }),
  );
  const email = thuhaEmail();
  const added = await manager.post(`/api/v1/units/${unit.unitId}/household`, {
    role: "owner",
    fullName: "Đặng Thu Hà",
    email,
  });
  if (added.status !== 201) throw new Error(`owner ${added.status} ${JSON.stringify(added.body)}`);
  return { unitId: unit.unitId, otherUnitId, manager, ownerMemberId: added.body.id as string, email };
}

/** `household()` with the owner invited and signed in to the resident app through the invitation. */
async function withOwner() {
  const h = await household();
  const inv = await h.manager.post(`/api/v1/units/${h.unitId}/household/${h.ownerMemberId}/invite`);
  if (inv.status !== 201) throw new Error(`invite ${inv.status} ${JSON.stringify(inv.body)}`);
  const owner = new Client(env.app);
  const accepted = await owner.post(`/api/v1/invitations/${tokenFor(h.email)}/accept`, {
    password: "Thu-ha-2026",
  });
  if (accepted.status !== 200) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { ...h, owner };
}

describe("resident onboarding", () => {
  it("invites a household member, whose acceptance opens the resident app for that unit", async () => {
    const { unitId, manager, ownerMemberId, email } = await household();
    const noContact = await manager.post(`/api/v1/units/${unitId}/household`, {
      role: "member",
      fullName: "Bé Na",
    });
    const refused = await manager.post(`/api/v1/units/${unitId}/household/${noContact.body.id}/invite`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("RESIDENT_NO_CONTACT");

    const inv = await manager.post(`/api/v1/units/${unitId}/household/${ownerMemberId}/invite`);
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ role: "resident", contact: "th***@example.vn" });
    const owner = new Client(env.app);
    const accepted = await owner.post(`/api/v1/invitations/${tokenFor(email)}/accept`, {
      password: "Thu-ha-2026",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.me.current).toMatchObject({ role: "resident", area: "resident", unitIds: [unitId] });
  });
});

describe("the owner keeps the household", () => {
  it("sees the household and adds, corrects and moves out members, but not owners or tenants", async () => {
    const { unitId, manager, owner, ownerMemberId } = await withOwner();
    const household = await owner.get(`/api/v1/units/${unitId}/household`);
    expect(household.status).toBe(200);
    expect(household.body.unitCode).toBe("B-07.03");
    expect(
      household.body.members.filter((m: { you: boolean }) => m.you).map((m: { role: string }) => m.role),
    ).toEqual(["owner"]);
    const child = await owner.post(`/api/v1/units/${unitId}/household`, {
      role: "member",
      fullName: "Lê Minh Khang",
      relation: "con",
      dateOfBirth: "2016-05-20",
    });
    expect(child.status).toBe(201);
    const tenant = await owner.post(`/api/v1/units/${unitId}/household`, {
      role: "tenant",
      fullName: "X",
      leaseEndsOn: "2027-01-01",
    });
    expect(tenant.status).toBe(403);
    const fixed = await owner.patch(`/api/v1/units/${unitId}/household/${child.body.id}`, {
      fullName: "Lê Minh Khang",
      relation: "con trai",
    });
    expect(fixed.body).toMatchObject({ relation: "con trai" });
    expect(
      (await owner.patch(`/api/v1/units/${unitId}/household/${ownerMemberId}`, { fullName: "Y" })).status,
    ).toBe(403);
    expect(
      (await owner.post(`/api/v1/units/${unitId}/household/${child.body.id}/move-out`, { on: "2026-12-01" }))
        .status,
    ).toBe(204);
    // Management sees what the owner did.
    const seen = await manager.get(`/api/v1/units/${unitId}/household`);
    expect(seen.body.members.find((m: { id: string }) => m.id === child.body.id).movedOutOn).toBe(
      "2026-12-01",
    );
  });

  it("keeps residents to their own unit, and staff tools to staff", async () => {
    const { unitId, otherUnitId, owner, ownerMemberId } = await withOwner();
    expect((await owner.get(`/api/v1/units/${otherUnitId}/household`)).status).toBe(404);
    expect(
      (await owner.post(`/api/v1/units/${otherUnitId}/household`, { role: "member", fullName: "Z" })).status,
    ).toBe(404);
    expect((await owner.get("/api/v1/residents")).status).toBe(403);
    // The owner invites the members they keep, not owners or tenants.
    expect((await owner.post(`/api/v1/units/${unitId}/household/${ownerMemberId}/invite`)).status).toBe(403);
    const daughter = await owner.post(`/api/v1/units/${unitId}/household`, {
      role: "member",
      fullName: "Lê Thu Trang",
      email: `thutrang.${randomBytes(4).toString("hex")}@example.vn`,
    });
    const invited = await owner.post(`/api/v1/units/${unitId}/household/${daughter.body.id}/invite`);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ role: "resident", contact: "th***@example.vn" });
  });

  it("registers a motorbike that waits for management, which approves it with a parking card", async () => {
    const { unitId, manager, owner, ownerMemberId } = await withOwner();
    const me = (await owner.get(`/api/v1/units/${unitId}/household`)).body.members.find(
      (m: { id: string }) => m.id === ownerMemberId,
    );
    const req = await owner.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: me.resident.id,
      type: "motorbike",
      plate: "59-X3 456.78",
    });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: "pending", rank: null, plate: "59-X3 456.78" });
    const queue = await manager.get("/api/v1/vehicles?status=pending");
    expect(queue.body.items.map((v: { id: string; unitCode: string }) => [v.id, v.unitCode])).toEqual([
      [req.body.id, "B-07.03"],
    ]);
    expect((await manager.get("/api/v1/vehicles")).status).toBe(400);
    expect(
      (await owner.post(`/api/v1/vehicles/${req.body.id}/approve`, { parkingCard: "XM-1" })).status,
    ).toBe(403);
    const approved = await manager.post(`/api/v1/vehicles/${req.body.id}/approve`, {
      parkingCard: "XM-0457",
    });
    expect(approved.body).toMatchObject({ status: "active", parkingCard: "XM-0457", rank: 1 });
    const again = await manager.post(`/api/v1/vehicles/${req.body.id}/approve`, {});
    expect(again.body.error.code).toBe("VEHICLE_NOT_PENDING");
    const mine = await owner.get(`/api/v1/units/${unitId}/vehicles`);
    expect([mine.status, mine.body.items?.length]).toEqual([200, 1]);
  });
});

describe("my data", () => {
  it("lists every field held about the resident with its purposes, and who revealed what", async () => {
    const { unitId, manager, owner, ownerMemberId, email } = await withOwner();
    // The owner's motorbike, registered and approved as the vehicles test does it.
    const member = (await owner.get(`/api/v1/units/${unitId}/household`)).body.members.find(
      (m: { id: string }) => m.id === ownerMemberId,
    );
    const bike = await owner.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: member.resident.id,
      type: "motorbike",
      plate: "59-X3 456.78",
    });
    expect(bike.status).toBe(201);
    expect(
      (await manager.post(`/api/v1/vehicles/${bike.body.id}/approve`, { parkingCard: "XM-0457" })).status,
    ).toBe(200);
    const [record] = (await manager.get("/api/v1/residents?q=dang thu ha")).body.items;
    await manager.post(`/api/v1/residents/${record.id}/reveal`, { field: "email" });
    const mine = await owner.get("/api/v1/my/data");
    expect(mine.status).toBe(200);
    const [me] = mine.body.records;
    expect(me.fields.find((f: { field: string }) => f.field === "resident.email")).toMatchObject({
      value: email,
      purposes: expect.arrayContaining([expect.objectContaining({ id: "account_security" })]),
    });
    expect(me.households).toEqual([
      { unitCode: "B-07.03", role: "owner", movedInOn: null, movedOutOn: null },
    ]);
    expect(me.vehicles.map((v: { plate: string }) => v.plate)).toEqual(["59-X3 456.78"]);
    expect(me.seenBy).toEqual([expect.objectContaining({ field: "email", role: "building_manager" })]);
    expect((await manager.get("/api/v1/my/data")).body.records).toEqual([]);
  });
});

describe("management flags a problem in the member list", () => {
  it("is raised by management, seen by the owner, and resolved by the owner", async () => {
    const { unitId, otherUnitId, manager, owner } = await withOwner();
    expect(
      (await owner.post(`/api/v1/units/${unitId}/household/flags`, { note: "Thiếu ngày sinh của con" }))
        .status,
    ).toBe(403);
    const flag = await manager.post(`/api/v1/units/${unitId}/household/flags`, {
      note: "Thiếu ngày sinh của con",
    });
    expect(flag.status).toBe(201);
    const seen = await owner.get(`/api/v1/units/${unitId}/household/flags`);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ note: "Thiếu ngày sinh của con", resolvedAt: null }),
    ]);
    const resolved = await owner.post(`/api/v1/household-flags/${flag.body.id}/resolve`, {
      resolution: "Đã bổ sung",
    });
    expect(resolved.body).toMatchObject({ resolution: "Đã bổ sung" });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await owner.post(`/api/v1/household-flags/${flag.body.id}/resolve`, {})).status).toBe(404);
    expect((await owner.get(`/api/v1/units/${otherUnitId}/household/flags`)).status).toBe(404);
  });
});
