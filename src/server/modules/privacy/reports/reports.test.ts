import { describe, expect, it } from "vitest";
import { newUnit } from "../../../../../test/helpers/builders.js";
import { admin, companyId, env, setUpPrivacyCompany } from "../../../../../test/helpers/privacy-center.js";

setUpPrivacyCompany();

async function unitInBuildingOf(building: string, code: string) {
  return (await newUnit(env, { companyId, buildingId: building, code })).unitId;
}

describe("reports shared outside", () => {
  it("hide any count of fewer than 5 people", async () => {
    const b = await newUnit(env, { companyId, code: "K-01.01" });
    const units = [b.unitId];
    for (let i = 2; i <= 7; i++) units.push(await unitInBuildingOf(b.buildingId, `K-01.0${i}`));
    for (const [i, u] of units.entries()) {
      await admin.post(`/api/v1/units/${u}/household`, { role: "owner", fullName: `Chủ hộ ${i}` });
    }
    const report = await admin.get("/api/v1/privacy/reports/occupancy", { buildingId: b.buildingId });
    expect(report.status).toBe(200);
    expect(report.body.rows).toEqual([
      expect.objectContaining({ block: "A", floor: 1, units: 7, residents: { value: 7, suppressed: false } }),
    ]);
    const small = await newUnit(env, { companyId, code: "S-01.01" });
    await admin.post(`/api/v1/units/${small.unitId}/household`, { role: "owner", fullName: "Một mình" });
    const hidden = await admin.get("/api/v1/privacy/reports/occupancy", { buildingId: small.buildingId });
    expect(hidden.body.rows[0].residents).toEqual({ value: null, suppressed: true });
  });
});
