import { describe, expect, it } from "vitest";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import {
  admin,
  companyId,
  env,
  log,
  setUpPrivacyCompany,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";
import { sendDueEverywhere } from "../../notifications/send.task.js";
import { alertBreachDeadlines } from "../breaches/breach.jobs.js";

setUpPrivacyCompany();

describe("breaches", () => {
  it("runs a 72-hour clock, goes overdue, and notifies the affected residents in the app and by email", async () => {
    const b = await newUnit(env, { companyId, code: "B-01.01" });
    const r = await newResident(env, admin, b.unitId, {
      fullName: "Tạ Minh Châu",
      email: "chau.ta@example.vn",
    });
    const tech = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [b.buildingId] }),
    );
    const body = {
      title: "Lộ danh sách cư dân qua email gửi nhầm",
      description: "Một bảng tính danh sách cư dân được gửi nhầm tới một địa chỉ ngoài công ty.",
      severity: "high",
      fields: ["resident.fullName", "resident.phone"],
      scope: { buildingIds: [b.buildingId] },
    };
    expect(
      (await tech.post("/api/v1/privacy/breaches", { ...body, detectedAt: new Date().toISOString() })).status,
    ).toBe(403);
    expect((await admin.post("/api/v1/privacy/breaches", { ...body, severity: "huge" })).status).toBe(400);
    const fresh = await admin.post("/api/v1/privacy/breaches", {
      ...body,
      detectedAt: new Date(Date.now() - 71 * 3600_000).toISOString(),
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ affectedCount: 1, clock: { overdue: false } });
    expect(fresh.body.clock.secondsLeft).toBeGreaterThan(3500);
    const late = await admin.post("/api/v1/privacy/breaches", {
      ...body,
      title: "Sự cố cũ",
      detectedAt: new Date(Date.now() - 73 * 3600_000).toISOString(),
    });
    expect(late.body.clock.overdue).toBe(true);
    expect((await alertBreachDeadlines(env.db, env.app.platform, log)).flagged).toBe(1);
    expect((await alertBreachDeadlines(env.db, env.app.platform, log)).flagged).toBe(0);
    const alerted = await admin.get("/api/v1/notifications");
    expect(alerted.body.items[0]).toMatchObject({ kind: "breach", body: "Sự cố cũ" });
    const clocks = await admin.get("/api/v1/privacy/breaches/clocks");
    expect(clocks.body.items.map((c: { incident: { title: string } }) => c.incident.title)).toEqual(
      expect.arrayContaining(["Sự cố cũ", body.title]),
    );
    // A technician sees that clocks run, not what the incidents are (see breach-banner.test.ts).
    const techClocks = await tech.get("/api/v1/privacy/breaches/clocks");
    expect(techClocks.body.items.length).toBe(clocks.body.items.length);
    expect(JSON.stringify(techClocks.body)).not.toContain("Sự cố cũ");

    const pdf = await admin.get(`/api/v1/privacy/breaches/${fresh.body.id}/report.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");

    const notified = await admin.post(`/api/v1/privacy/breaches/${fresh.body.id}/notify-residents`);
    // In the app at once, and by email (a breach notice cannot be turned off) once the sending runs.
    expect(notified.body).toEqual({ total: 1, people: 1, queued: 1 });
    await sendDueEverywhere(env.db, env.app.platform, log);
    const inbox = await r.client.get("/api/v1/notifications");
    expect(inbox.body.items[0]).toMatchObject({ kind: "breach", readAt: null });
    expect(inbox.body.items[0].body).toContain("Lộ danh sách cư dân");
    expect(env.smtp.mails.findLast((m) => m.to.includes("chau.ta@example.vn"))?.raw).toBeTruthy();
    const reported = await admin.post(`/api/v1/privacy/breaches/${fresh.body.id}/authority-notified`, {
      reference: "Công văn 01/2026",
    });
    expect(reported.body).toMatchObject({
      authorityReference: "Công văn 01/2026",
      clock: { overdue: false },
    });
  });
});
