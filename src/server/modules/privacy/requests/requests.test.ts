import { describe, expect, it } from "vitest";
import { newUnit } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import {
  admin,
  care,
  companyId,
  DAY,
  env,
  log,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";
import { escalateOverdueRequests } from "../requests/privacy.jobs.js";

setUpPrivacyCompany();

describe("requests", () => {
  it("customer care records a request after the resident reads back the code, with its clock", async () => {
    const unit = await unitInBuilding("P-04.01");
    const r = await newResident(env, admin, unit, { fullName: "Đỗ Thị Mai", email: "mai.do@example.vn" });
    expect(
      (await care.post("/api/v1/privacy/requests", { kind: "access", residentId: r.residentId })).status,
    ).toBe(400);
    const check = await care.post("/api/v1/privacy/identity-checks", { residentId: r.residentId });
    expect(check.status).toBe(201);
    expect(check.body.sentTo).toMatch(/^ma\*\*\*@example\.vn$/);
    const body = { kind: "access", residentId: r.residentId, identityCheckId: check.body.id };
    const wrong = await care.post("/api/v1/privacy/requests", { ...body, code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields.code).toBeTruthy();
    const code = (await env.smtp.codeFor("mai.do@example.vn")) as string;
    const made = await care.post("/api/v1/privacy/requests", { ...body, code });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      kind: "access",
      channel: "customer_care",
      status: "open",
      overdue: false,
    });
    expect(new Date(made.body.dueAt).getTime() - new Date(made.body.createdAt).getTime()).toBe(30 * DAY);
    expect(made.body.trail.map((e: { event: string }) => e.event)).toEqual(["recorded_verified"]);
    expect((await care.post("/api/v1/privacy/requests", { ...body, code })).status).toBe(400);

    const mineOnly = await r.client.get("/api/v1/privacy/requests");
    expect(mineOnly.body.items.map((x: { id: string }) => x.id)).toEqual([made.body.id]);
    expect((await r.client.post(`/api/v1/privacy/requests/${made.body.id}/take`)).status).toBe(403);

    const escalated = await escalateOverdueRequests(
      env.db,
      env.app.platform,
      log,
      new Date(Date.now() + 31 * DAY),
    );
    expect(escalated.escalated).toBeGreaterThanOrEqual(1);
    const after = await care.get(`/api/v1/privacy/requests/${made.body.id}`);
    expect(after.body.escalatedAt).not.toBeNull();
    expect(after.body.trail.map((e: { event: string }) => e.event)).toContain("escalated");
    const done = await care.post(`/api/v1/privacy/requests/${made.body.id}/complete`, {
      resolution: "Đã gửi bản sao",
    });
    expect(done.body).toMatchObject({ status: "completed", resolution: "Đã gửi bản sao" });
  });

  it("restriction keeps the person out of announcements; marketing reaches only those who consent", async () => {
    const b = await newUnit(env, { companyId, code: "R-01.01" });
    const other = (await newUnit(env, { companyId, buildingId: b.buildingId, code: "R-01.02" })).unitId;
    const kept = await newResident(env, admin, b.unitId, {
      fullName: "Vũ Hoàng Nam",
      email: "nam.vu@example.vn",
    });
    const restricted = await newResident(env, admin, other, {
      fullName: "Ngô Lan",
      email: "lan.ngo@example.vn",
    });
    const asked = await restricted.client.post("/api/v1/privacy/requests", { kind: "restriction" });
    expect(asked.status).toBe(201);
    expect(asked.body.trail.map((e: { event: string }) => e.event)).toEqual(["created", "restricted"]);

    const sent = await admin.post(`/api/v1/buildings/${b.buildingId}/announcements`, {
      title: "Cắt nước ngày 30/11",
      body: "Từ 8h đến 11h.",
    });
    expect(sent.body).toMatchObject({ sent: 1, excludedRestricted: 1 });
    const inbox = async (c: Client) =>
      (await c.get("/api/v1/notifications")).body.items.map((n: { title: string }) => n.title);
    expect(await inbox(kept.client)).toContain("Cắt nước ngày 30/11");
    expect(await inbox(restricted.client)).not.toContain("Cắt nước ngày 30/11");

    await kept.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    const promo = { title: "Ưu đãi giặt là", body: "Giảm 20%.", marketing: true };
    expect((await admin.post(`/api/v1/buildings/${b.buildingId}/announcements`, promo)).body.sent).toBe(1);
    await kept.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: false });
    const again = await admin.post(`/api/v1/buildings/${b.buildingId}/announcements`, {
      ...promo,
      title: "Ưu đãi 2",
    });
    expect(again.body).toMatchObject({ sent: 0, excludedNoConsent: 1 });
    expect(await inbox(kept.client)).not.toContain("Ưu đãi 2");

    await restricted.client.post("/api/v1/privacy/restriction/lift", { residentId: restricted.residentId });
    const lifted = await admin.post(`/api/v1/buildings/${b.buildingId}/announcements`, {
      title: "Họp cư dân",
      body: "19h",
    });
    expect(lifted.body.sent).toBe(2);
  });
});
