import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";

let env: TestEnv;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

/** A company of the test's own: unit C-02.01 with its owner Tô Minh Tâm, its manager and accountant. */
async function unitWithOwner() {
  const unit = await newUnit(env, { code: "C-02.01" });
  const unitId = unit.unitId;
  const manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId: unit.companyId, buildingIds: [unit.buildingId] }),
  );
  const accountant = await signIn(
    env,
    await newMember(env, "accountant", { companyId: unit.companyId, buildingIds: [unit.buildingId] }),
  );
  const memberId = (
    await manager.post(`/api/v1/units/${unitId}/household`, { role: "owner", fullName: "Tô Minh Tâm" })
  ).body.id as string;
  return { unitId, manager, accountant, memberId };
}

describe("access and elevator cards", () => {
  it("issues cards to a member, refuses a number already active, and keeps accountants to reading", async () => {
    const { unitId, manager, accountant, memberId } = await unitWithOwner();
    const access = await manager.post(`/api/v1/units/${unitId}/household/${memberId}/cards`, {
      kind: "access",
      number: "AC-0001",
    });
    expect(access.status).toBe(201);
    expect(access.body).toMatchObject({ kind: "access", number: "AC-0001", deactivatedOn: null });
    const dup = await manager.post(`/api/v1/units/${unitId}/household/${memberId}/cards`, {
      kind: "access",
      number: "AC-0001",
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.fields.number).toBeTruthy();
    expect(
      (
        await manager.post(`/api/v1/units/${unitId}/household/${memberId}/cards`, {
          kind: "elevator",
          number: "AC-0001",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await accountant.post(`/api/v1/units/${unitId}/household/${memberId}/cards`, {
          kind: "access",
          number: "X",
        })
      ).status,
    ).toBe(403);
    expect((await accountant.get(`/api/v1/units/${unitId}/cards`)).body.items).toHaveLength(2);
  });

  it("deactivates a card, and every card of a member who moves out", async () => {
    const { unitId, manager, memberId } = await unitWithOwner();
    for (const kind of ["access", "elevator"]) {
      const issued = await manager.post(`/api/v1/units/${unitId}/household/${memberId}/cards`, {
        kind,
        number: "AC-0001",
      });
      expect(issued.status).toBe(201);
    }
    const list = (await manager.get(`/api/v1/units/${unitId}/cards`)).body.items;
    const elevator = list.find((c: { kind: string }) => c.kind === "elevator");
    expect((await manager.post(`/api/v1/cards/${elevator.id}/deactivate`, { on: "2026-11-20" })).status).toBe(
      204,
    );
    expect((await manager.post(`/api/v1/cards/${elevator.id}/deactivate`, { on: "2026-11-21" })).status).toBe(
      404,
    );
    expect(
      (await manager.post(`/api/v1/units/${unitId}/household/${memberId}/move-out`, { on: "2026-11-30" }))
        .status,
    ).toBe(204);
    const after = (await manager.get(`/api/v1/units/${unitId}/cards`)).body.items;
    expect(after.map((c: { kind: string; deactivatedOn: string }) => [c.kind, c.deactivatedOn])).toEqual([
      ["access", "2026-11-30"],
      ["elevator", "2026-11-20"],
    ]);
  });
});
