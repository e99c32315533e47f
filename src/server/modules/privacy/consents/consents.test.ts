import { describe, expect, it } from "vitest";
import {
  admin,
  env,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";

setUpPrivacyCompany();

describe("consent", () => {
  it("records the purpose, wording, policy version, channel and times; withdrawing is immediate", async () => {
    const unit = await unitInBuilding("P-02.01");
    const r = await newResident(env, admin, unit, { fullName: "Lê Thu Hà", email: "ha.le@example.vn" });
    const before = await r.client.get("/api/v1/privacy/consents");
    expect(before.status).toBe(200);
    const marketing = before.body.purposes.find((p: { purpose: string }) => p.purpose === "marketing");
    expect(marketing).toMatchObject({ basis: "consent", active: false, consent: null });
    expect(marketing.wording.length).toBeGreaterThan(40);
    // The sign-up page showed the very sentence a consent records.
    expect(r.preview.consentWording.marketing).toBe(marketing.wording);
    expect(
      (await r.client.post("/api/v1/privacy/consents", { purpose: "billing", given: false })).status,
    ).toBe(422);

    const given = await r.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    expect(given.status).toBe(200);
    const record = given.body.history[0];
    expect(record).toMatchObject({
      purpose: "marketing",
      policyVersion: "2026-11",
      givenChannel: "web",
      withdrawnAt: null,
      wording: marketing.wording,
      lang: "vi",
    });
    const withdrawn = await r.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: false });
    expect(withdrawn.body.history[0]).toMatchObject({ id: record.id, withdrawnChannel: "web" });
    expect(withdrawn.body.history[0].withdrawnAt).not.toBeNull();
    expect(withdrawn.body.purposes.find((p: { purpose: string }) => p.purpose === "marketing").active).toBe(
      false,
    );
    const { rows } = await env.db.ownerSql.query<{ wording: string; given_channel: string }>(
      "select wording, given_channel from consents where account_id = $1",
      [r.accountId],
    );
    expect(rows).toEqual([{ wording: marketing.wording, given_channel: "web" }]);
  });
});
