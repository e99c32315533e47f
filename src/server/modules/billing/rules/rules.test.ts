import { describe, expect, it } from "vitest";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import { addRules, env, month, PERIOD, post, startBillingApp } from "../billing.fixture.js";

startBillingApp();

describe("fee rules, bank account and readings", () => {
  it("refuses what is wrong, warns about a fee outside the province's frame", async () => {
    const m = await month("units");
    const { companyId, buildingId, admin, unitIds } = m;
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId, unitIds: [unitIds["A-01.01"] as string] }),
    );
    expect((await resident.get("/api/v1/fee-rules", { buildingId })).status).toBe(403);
    const bad = await admin.post("/api/v1/fee-rules", {
      buildingId,
      kind: "vehicle",
      name: "Gửi xe máy",
      validFrom: "2026-01-01",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(
      expect.arrayContaining(["price", "vehicleType"]),
    );

    const created = await addRules(m);
    expect(created[0].warnings).toEqual([]);
    expect(created[1].warnings[0].code).toBe("FEE_OUTSIDE_FRAME");
    expect(created[1].warnings[0].message).toContain("khung giá");
  });

  it("records readings, refusing one below the previous, and lists the units still to read", async () => {
    const { buildingId, admin, unitIds } = await month("rules");
    const reading = (unit: string, kind: string, previous: number, value: number) =>
      admin.post("/api/v1/meter-readings", {
        unitId: unitIds[unit],
        kind,
        period: PERIOD,
        previous,
        reading: value,
        readOn: "2026-11-30",
      });
    const lower = await reading("A-01.01", "electricity", 1000, 900);
    expect(lower.status).toBe(422);
    expect(lower.body.error.code).toBe("READING_BELOW_PREVIOUS");
    expect((await reading("A-01.01", "electricity", 1000, 1250)).status).toBe(201);
    expect((await reading("A-01.01", "water", 100, 118)).status).toBe(201);
    const missing = await admin.get(`/api/v1/buildings/${buildingId}/missing-readings`, { period: PERIOD });
    expect(
      missing.body.items.map((m: { unitCode: string; kind: string }) => `${m.unitCode} ${m.kind}`),
    ).toEqual(["A-01.02 electricity", "A-01.02 water", "A-01.03 electricity", "A-01.03 water"]);
  });
});

describe("previewing a rule change", () => {
  it("shows what next month's notices would become, saving nothing", async () => {
    const { buildingId, admin } = await month("readings");
    const rules = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items;
    const fee = rules.find((r: { name: string }) => r.name === "Phí quản lý");
    const { id, warnings, ...body } = fee;
    const preview = await post(
      admin,
      "/fee-rules/preview",
      { rule: { ...body, price: 13000 }, replaces: id },
      200,
    );
    expect(preview).toMatchObject({ units: 3, changedUnits: 2, warnings: [] });
    expect(preview.sample).toEqual([
      { unitCode: "A-01.02", before: expect.any(Number), after: expect.any(Number) },
      { unitCode: "A-01.01", before: expect.any(Number), after: expect.any(Number) },
    ]);
    expect(preview.sample[0].after - preview.sample[0].before).toBe(110000);
    expect(preview.sample[1].after - preview.sample[1].before).toBe(83050);
    expect(preview.totalAfter - preview.totalBefore).toBe(193050);
    const unchanged = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items;
    expect(unchanged.find((r: { id: string }) => r.id === id).price).toBe(12000);
  });
});
