import { describe, expect, it } from "vitest";
import type { Client } from "../../../../../test/helpers/client.js";
import { approvedItem, newPartner, tomorrow } from "../../../../../test/helpers/marketplace.js";
import {
  admin,
  buildingId,
  env,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";
import { DISCLOSURE_PATHS, type DisclosurePath } from "../disclosures/disclosures.service.js";

setUpPrivacyCompany();

describe("disclosures", () => {
  type Person = { residentId: string; client: Client; unitId: string };
  /** A marketplace order of one item of a new partner's, placed by the person: the partner gets the first name. */
  const orderOf = async (p: Person, kind: "goods" | "service") => {
    const partner = await newPartner(env, admin, [buildingId]);
    const itemId = await approvedItem(partner.client, admin, [buildingId], { kind, stock: null });
    const res = await p.client.post("/api/v1/orders", {
      unitId: p.unitId,
      lines: [{ itemId, quantity: 1 }],
      slotDate: tomorrow(),
      slot: "10-12",
      delivery: "door",
      payment: "cash",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  /** How to trigger each path that releases personal data; a path added without an entry here fails. */
  const triggers: Record<DisclosurePath, (p: Person) => Promise<unknown>> = {
    "marketplace.partner_delivery": (p) => orderOf(p, "goods"),
    "marketplace.service_job": (p) => orderOf(p, "service"),
    "privacy.agency_request": async ({ residentId }) => {
      await admin.post("/api/v1/auth/reauth", { password: "Secret-2026" });
      const res = await admin.post("/api/v1/privacy/agency-requests", {
        agency: "Công an phường Bến Nghé",
        reference: "123/CV-CAP 20/11/2026",
        legalBasis: "Điều 17 Luật Bảo vệ dữ liệu cá nhân",
        residentIds: [residentId],
        fields: ["resident.fullName", "resident.idNumber"],
      });
      expect(res.status).toBe(201);
      expect(res.body.people[0].values["resident.idNumber"]).toBe("079201000777");
    },
  };

  it("every path that releases personal data writes an entry the person sees", async () => {
    const unit = await unitInBuilding("P-06.01");
    const r = await newResident(env, admin, unit, {
      fullName: "Đặng Văn Khoa",
      email: "khoa.dang@example.vn",
      idNumber: "079201000777",
    });
    for (const path of Object.keys(DISCLOSURE_PATHS) as DisclosurePath[]) {
      const before = (await admin.get("/api/v1/privacy/disclosures", { residentId: r.residentId })).body
        .total;
      await triggers[path]({ residentId: r.residentId, client: r.client, unitId: unit });
      const list = await admin.get("/api/v1/privacy/disclosures", { residentId: r.residentId });
      expect(list.body.total).toBe(before + 1);
      expect(list.body.items[0]).toMatchObject({ path, residentName: "Đặng Văn Khoa" });
    }
    const mine = await r.client.get("/api/v1/my/data");
    expect(mine.body.records[0].disclosures.length).toBe(Object.keys(DISCLOSURE_PATHS).length);
    expect(
      mine.body.records[0].disclosures.find(
        (d: { recipientKind: string }) => d.recipientKind === "state_agency",
      ),
    ).toMatchObject({
      recipient: "Công an phường Bến Nghé",
      fields: ["resident.fullName", "resident.idNumber"],
      legalBasis: "legal_obligation",
    });
  });
});
