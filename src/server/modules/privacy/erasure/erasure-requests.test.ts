import { describe, expect, it } from "vitest";
import {
  admin,
  care,
  companyId,
  DAY,
  env,
  insertNotice,
  log,
  readableIn,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";
import { verifyAuditChains } from "../../../platform/audit/audit.service.js";
import { runDueErasures } from "../requests/privacy.jobs.js";

setUpPrivacyCompany();

describe("erasure", () => {
  async function requestErasure(unit: string, person: Parameters<typeof newResident>[3]) {
    const r = await newResident(env, admin, unit, person);
    await admin.post(`/api/v1/units/${unit}/vehicles`, {
      residentId: r.residentId,
      type: "motorbike",
      plate: "59-X1 234.56",
    });
    const made = await r.client.post("/api/v1/privacy/requests", {
      kind: "erasure",
      details: "Tôi đã chuyển đi",
    });
    expect(made.status).toBe(201);
    expect(new Date(made.body.dueAt).getTime() - new Date(made.body.createdAt).getTime()).toBe(5 * DAY);
    return { ...r, requestId: made.body.id as string };
  }

  it("is carried out by the job by day 5: nothing readable is left, sessions are gone, the audit chain holds", async () => {
    const unit = await unitInBuilding("P-05.01");
    const person = {
      fullName: "Hoàng Thị Xuyến",
      email: "xuyen.hoang@example.vn",
      phone: "0938111222",
      dateOfBirth: "1985-02-03",
      idNumber: "001185009988",
    };
    const r = await requestErasure(unit, person);
    // She became the owner through a transfer that management approved: the decided request names her.
    await env.db.ownerSql.query(
      `insert into change_requests (company_id, unit_id, kind, status, new_owner_name, transfer_on, decided_at)
       values ($1, $2, 'ownership', 'approved', $3, '2026-01-15', now())`,
      [companyId, unit, person.fullName],
    );
    expect(
      (await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 3600_000))).erased,
    ).toBe(0);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));

    expect((await r.client.get("/api/v1/auth/me")).status).toBe(401);
    for (const needle of [
      "Xuyến",
      "xuyen.hoang",
      "0938111222",
      "1985-02-03",
      "001185009988",
      "59X123456",
      "59-X1",
    ]) {
      expect({ needle, tables: await readableIn(needle) }).toEqual({ needle, tables: [] });
    }
    const { rows: sessions } = await env.db.ownerSql.query("select id from sessions where account_id = $1", [
      r.accountId,
    ]);
    expect(sessions).toEqual([]);
    expect((await verifyAuditChains(env.db)).broken).toBeNull();
    const request = await care.get(`/api/v1/privacy/requests/${r.requestId}`);
    expect(request.body).toMatchObject({ status: "completed", details: null, outcome: { kept: [] } });
    expect(request.body.outcome.erased).toEqual(
      expect.arrayContaining(["Họ và tên", "Số điện thoại", "Biển số xe"]),
    );
    expect(env.smtp.mails.findLast((m) => m.to.includes(person.email))?.raw).toBeTruthy();
  });

  it("keeps what an unpaid notice and the accounting law need, says why, and finishes once it is paid", async () => {
    const unit = await unitInBuilding("P-05.02");
    const person = {
      fullName: "Bùi Quang Huy",
      email: "huy.bui@example.vn",
      phone: "0909777888",
      dateOfBirth: "1979-09-09",
    };
    const r = await requestErasure(unit, person);
    await insertNotice(unit, "Bùi Quang Huy", "issued", "2026-10");
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));

    const held = await care.get(`/api/v1/privacy/requests/${r.requestId}`);
    expect(held.body.status).toBe("completed");
    expect(held.body.outcome.kept.map((k: { reason: string }) => k.reason).join(" ")).toMatch(
      /chưa thanh toán/,
    );
    expect(held.body.outcome.kept.map((k: { reason: string }) => k.reason).join(" ")).toMatch(/Luật Kế toán/);
    expect((await r.client.get("/api/v1/auth/me")).status).toBe(401);
    expect(await readableIn("1979-09-09")).toEqual([]);
    expect(await readableIn("59X123456")).toEqual([]);
    // The contacts needed to collect stay readable under a new key, the old one is gone.
    expect((await admin.get(`/api/v1/residents/${r.residentId}`)).body).toMatchObject({
      fullName: "Bùi Quang Huy",
      email: "hu***@example.vn",
      hasDateOfBirth: false,
    });

    await env.db.ownerSql.query("update invoices set status = 'paid', paid = total where unit_id = $1", [
      unit,
    ]);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 6 * DAY));
    expect(await readableIn("huy.bui")).toEqual([]);
    expect(await readableIn("0909777888")).toEqual([]);
    // The issued notice keeps the name it was issued to: the accounting hold, recorded in the outcome.
    expect(await readableIn("Bùi Quang Huy")).toEqual(["invoices"]);
    expect((await verifyAuditChains(env.db)).broken).toBeNull();
  });

  it("an open dispute keeps everything until it is released", async () => {
    const unit = await unitInBuilding("P-05.03");
    const r = await requestErasure(unit, { fullName: "Lý Thanh Tâm", email: "tam.ly@example.vn" });
    const hold = await admin.post("/api/v1/privacy/legal-holds", {
      residentId: r.residentId,
      reason: "Tranh chấp phí gửi xe",
      reference: "TC-12/2026",
    });
    expect(hold.status).toBe(201);
    expect(
      (await care.post("/api/v1/privacy/legal-holds", { residentId: r.residentId, reason: "x y z" })).status,
    ).toBe(403);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));
    const held = await care.get(`/api/v1/privacy/requests/${r.requestId}`);
    expect(held.body.outcome).toMatchObject({ erased: [], kept: [{ what: "Toàn bộ dữ liệu", until: null }] });
    expect(await readableIn("tam.ly")).not.toEqual([]);

    await admin.post(`/api/v1/privacy/legal-holds/${hold.body.id}/release`);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 6 * DAY));
    expect(await readableIn("tam.ly")).toEqual([]);
    expect(await readableIn("Lý Thanh Tâm")).toEqual([]);
  });
});
