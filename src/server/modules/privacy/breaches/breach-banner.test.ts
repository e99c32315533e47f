import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

const TITLE = "Lộ bảng lương Ban quản lý qua nhóm Zalo";

describe("breach banner payload per role", () => {
  it("sends the incident's title and id only to roles that may open it; other staff get a generic clock", async () => {
    const adminMember = await newMember(env, "company_admin");
    const { companyId } = adminMember;
    const admin = await signIn(env, adminMember);
    const b = await newUnit(env, { companyId, code: "C-02.01" });
    const opened = await admin.post("/api/v1/privacy/breaches", {
      title: TITLE,
      description: "Một tệp bảng lương được chia sẻ nhầm vào nhóm cư dân.",
      severity: "medium",
      fields: ["resident.fullName"],
      scope: { buildingIds: [b.buildingId] },
      detectedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;

    const forAdmin = await admin.get("/api/v1/privacy/breaches/clocks");
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.body.items).toHaveLength(1);
    expect(forAdmin.body.items[0]).toMatchObject({ key: id, incident: { id, title: TITLE } });
    // 72 h from detection, detected 2 h ago: 70 h left, give or take the test's own seconds.
    expect(forAdmin.body.items[0].clock.secondsLeft).toBeGreaterThan(70 * 3600 - 120);
    expect(forAdmin.body.items[0].clock.secondsLeft).toBeLessThanOrEqual(70 * 3600);

    for (const role of [
      "building_manager",
      "accountant",
      "owners_board",
      "technician",
      "customer_care",
    ] as const) {
      const staff = await signIn(env, await newMember(env, role, { companyId, buildingIds: [b.buildingId] }));
      const clocks = await staff.get("/api/v1/privacy/breaches/clocks");
      expect(clocks.status, role).toBe(200);
      expect(clocks.body.items, role).toHaveLength(1);
      expect(clocks.body.items[0].incident, role).toBeNull();
      expect(clocks.body.items[0].clock.overdue, role).toBe(false);
      // Neither the title nor the id (a link they could not follow) is anywhere in the answer.
      const raw = JSON.stringify(clocks.body);
      expect(raw, role).not.toContain(TITLE);
      expect(raw, role).not.toContain(id);
      expect((await staff.get(`/api/v1/privacy/breaches/${id}`)).status, role).toBe(403);
    }
  });

  it("shows another company's staff nothing of this company's incident", async () => {
    const a = await newMember(env, "company_admin");
    const admin = await signIn(env, a);
    const b = await newUnit(env, { companyId: a.companyId, code: "D-03.01" });
    await admin.post("/api/v1/privacy/breaches", {
      title: TITLE,
      description: "Tệp bị chia sẻ nhầm.",
      severity: "low",
      fields: ["resident.fullName"],
      scope: { buildingIds: [b.buildingId] },
      detectedAt: new Date().toISOString(),
    });
    const other = await signIn(env, await newMember(env, "company_admin"));
    expect((await other.get("/api/v1/privacy/breaches/clocks")).body.items).toEqual([]);
  });
});
