import { describe, expect, it } from "vitest";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import { admin, env, setUpPrivacyCompany, unitInBuilding } from "../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../test/helpers/residents.js";

setUpPrivacyCompany();

describe("tenant isolation", () => {
  it("another company's admin cannot see or touch this company's requests, incidents, holds or disclosures", async () => {
    const unit = await unitInBuilding("P-09.01");
    const r = await newResident(env, admin, unit, {
      fullName: "Châu Ngọc Ánh",
      email: "anh.chau@example.vn",
    });
    const request = (await r.client.post("/api/v1/privacy/requests", { kind: "access" })).body;
    const incident = (
      await admin.post("/api/v1/privacy/breaches", {
        title: "Sự cố nội bộ",
        description: "Máy tính xách tay bị mất.",
        detectedAt: new Date().toISOString(),
        severity: "medium",
        fields: ["resident.fullName"],
        scope: { residentIds: [r.residentId] },
      })
    ).body;
    const hold = (
      await admin.post("/api/v1/privacy/legal-holds", { residentId: r.residentId, reason: "Khiếu nại" })
    ).body;

    const other = await newUnit(env);
    const outsider = await signIn(env, await newMember(env, "company_admin", { companyId: other.companyId }));
    for (const [method, url] of [
      ["GET", `/api/v1/privacy/requests/${request.id}`],
      ["POST", `/api/v1/privacy/requests/${request.id}/take`],
      ["GET", `/api/v1/privacy/breaches/${incident.id}`],
      ["POST", `/api/v1/privacy/breaches/${incident.id}/notify-residents`],
      ["GET", `/api/v1/privacy/breaches/${incident.id}/report.pdf`],
      ["POST", `/api/v1/privacy/legal-holds/${hold.id}/release`],
    ] as const) {
      expect([method, url, (await outsider.request(method, url)).status]).toEqual([method, url, 404]);
    }
    expect(
      (await outsider.post("/api/v1/privacy/identity-checks", { residentId: r.residentId })).status,
    ).toBe(404);
    expect((await outsider.get("/api/v1/privacy/requests")).body.total).toBe(0);
    expect((await outsider.get("/api/v1/privacy/breaches")).body.total).toBe(0);
    expect((await outsider.get("/api/v1/privacy/legal-holds")).body.items).toEqual([]);
    expect((await outsider.get("/api/v1/privacy/breaches/clocks")).body.items).toEqual([]);
  });
});
