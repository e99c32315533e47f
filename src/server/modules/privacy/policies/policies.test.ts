import { describe, expect, it } from "vitest";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";
import { env, setUpPrivacyCompany } from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";
import { createLogger } from "../../../platform/log/logger.js";
import { sendDueEverywhere } from "../../notifications/send.task.js";

setUpPrivacyCompany();

describe("policies", () => {
  it("are public, and a company's version that needs acknowledgement is announced and asked once", async () => {
    const anonymous = new Client(env.app);
    const platformText = await anonymous.get("/api/v1/public/policies/privacy");
    expect(platformText.status).toBe(200);
    expect(platformText.body).toMatchObject({ kind: "privacy", version: "2026-11", company: null, id: null });
    expect((await anonymous.get("/api/v1/public/policies/cookies")).status).toBe(400);

    // A company of its own: the version it publishes becomes the company's current one, which the consent
    // test (in the shared company) must not meet.
    const own = await newUnit(env, { code: "P-11.01" });
    const companyId = own.companyId;
    const unit = own.unitId;
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    const r = await newResident(env, admin, unit, {
      fullName: "Quách Thị Yến",
      email: "yen.quach@example.vn",
    });
    expect((await r.client.get("/api/v1/privacy/policies/pending")).body.items).toEqual([]);
    const body =
      "# Chính sách\n\nCông ty đã đổi chủ sở hữu; bên nhận chuyển nhượng tiếp tục mọi cam kết.\n\n".repeat(5);
    expect(
      (
        await r.client.post("/api/v1/privacy/policies", {
          kind: "privacy",
          bodyVi: body,
          bodyEn: body,
          summaryVi: "Đổi chủ",
          summaryEn: "New owner",
        })
      ).status,
    ).toBe(403);
    const published = await admin.post("/api/v1/privacy/policies", {
      kind: "privacy",
      bodyVi: body,
      bodyEn: body,
      summaryVi: "Công ty quản lý đã đổi chủ sở hữu.",
      summaryEn: "The management company has a new owner.",
      requiresAcknowledgement: true,
    });
    expect(published.status).toBe(201);
    const pending = await r.client.get("/api/v1/privacy/policies/pending");
    expect(pending.body.items.map((p: { id: string }) => p.id)).toEqual([published.body.id]);
    const inbox = await r.client.get("/api/v1/notifications");
    expect(inbox.body.items[0]).toMatchObject({ kind: "policy", body: "Công ty quản lý đã đổi chủ sở hữu." });
    // By email too, once the notification service sends (a policy change cannot be turned off).
    await sendDueEverywhere(env.db, env.app.platform, createLogger("silent"));
    const mail = env.smtp.mails.findLast((m) => m.to.includes("yen.quach@example.vn"))?.raw ?? "";
    expect(mail.replace(/=\r?\n/g, "").replace(/=3D/g, "=")).toMatch(/privacy\?company=/);
    expect(
      (await r.client.post("/api/v1/privacy/policies/acknowledge", { policyId: published.body.id })).status,
    ).toBe(204);
    expect((await r.client.get("/api/v1/privacy/policies/pending")).body.items).toEqual([]);

    const companyText = await anonymous.get("/api/v1/public/policies/privacy", { companyId });
    expect(companyText.body).toMatchObject({ id: published.body.id, version: published.body.version });
    const consent = await r.client.post("/api/v1/privacy/consents", {
      purpose: "analytics",
      given: true,
      channel: "cookie_banner",
    });
    expect(consent.body.history[0]).toMatchObject({
      policyVersion: published.body.version,
      givenChannel: "cookie_banner",
    });
  });
});
