import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { readableIn as readableInDb } from "../../../../test/helpers/readable.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { verifyAuditChains } from "../../platform/audit/audit.service.js";
import { createLogger } from "../../platform/log/logger.js";
import { alertBreachDeadlines } from "./breaches/breach.jobs.js";
import { DISCLOSURE_PATHS, type DisclosurePath } from "./disclosures/disclosures.service.js";
import { escalateOverdueRequests, runDueErasures } from "./requests/privacy.jobs.js";
import { runRetention } from "./retention/retention.service.js";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
let care: Client;
const log = createLogger("silent");
const DAY = 24 * 3600_000;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const unit = await newUnit(env, { code: "P-01.01" });
  ({ companyId, buildingId } = unit);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  care = await signIn(env, await newMember(env, "customer_care", { companyId }));
});

async function unitInBuilding(code: string) {
  return (await newUnit(env, { companyId, buildingId, code })).unitId;
}

const readableIn = (needle: string) => readableInDb(env, needle);

async function insertNotice(unit: string, billTo: string, status: "issued" | "paid", period: string) {
  await env.db.transaction(companyId, (tx) =>
    tx.execute(sql`insert into invoices (company_id, building_id, unit_id, period, status, area_m2, bill_to,
      subtotal, total, paid, due_on, issued_at, number)
      values (${companyId}, ${buildingId}, ${unit}, ${period}, ${status}, 70, ${billTo}, 500000, 500000,
        ${status === "paid" ? 500000 : 0}, '2026-10-15', now() - interval '40 days', ${`2026/${period}`})`),
  );
}

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

describe("my data and export", () => {
  it("lists every field the database holds about the person, and the export holds exactly that", async () => {
    const unit = await unitInBuilding("P-03.01");
    const r = await newResident(env, admin, unit, {
      fullName: "Phạm Minh Quân",
      email: "quan.pham@example.vn",
      phone: "0912345671",
      dateOfBirth: "1990-04-12",
      idNumber: "079090001234",
    });
    await admin.post(`/api/v1/units/${unit}/vehicles`, {
      residentId: r.residentId,
      type: "car",
      plate: "51K-123.45",
    });
    await admin.post(`/api/v1/units/${unit}/household/${r.memberId}/cards`, {
      kind: "access",
      number: "TH-0091",
    });
    await insertNotice(unit, "Phạm Minh Quân", "paid", "2026-10");

    const mine = await r.client.get("/api/v1/my/data");
    expect(mine.status).toBe(200);
    const [record] = mine.body.records;
    const shown = Object.fromEntries(
      record.fields.map((f: { field: string; value: string }) => [f.field, f.value]),
    );
    expect(shown).toEqual({
      "resident.fullName": "Phạm Minh Quân",
      "resident.phone": "0912345671",
      "resident.email": "quan.pham@example.vn",
      "resident.dateOfBirth": "1990-04-12",
      "resident.idNumber": "079090001234",
      "resident.preferredLang": "vi",
    });
    // Every non-empty personal column of the resident's row is on the page (encrypted ones decrypted).
    const [row] = await env.db.ownerSql
      .query<Record<string, unknown>>(
        "select full_name, phone_enc, email_enc, date_of_birth_enc, id_number_enc, nationality, contact_address, preferred_lang from residents where id = $1",
        [r.residentId],
      )
      .then((x) => x.rows);
    const held = Object.entries(row ?? {}).filter(([, v]) => v !== null).length;
    expect(record.fields).toHaveLength(held);
    expect(record.vehicles).toEqual([expect.objectContaining({ plate: "51K-123.45", type: "car" })]);
    expect(record.accessCards).toEqual([expect.objectContaining({ number: "TH-0091" })]);
    expect(record.invoices).toEqual([
      expect.objectContaining({ period: "2026-10", billTo: "Phạm Minh Quân" }),
    ]);
    expect(mine.body.account).toMatchObject({
      displayName: expect.any(String),
      email: "quan.pham@example.vn",
    });
    expect(mine.body.account.sessions.length).toBeGreaterThan(0);

    const link = await r.client.post("/api/v1/privacy/exports", { format: "json" });
    expect(link.status).toBe(201);
    expect(await admin.get(link.body.url).then((x) => x.status)).toBe(404);
    const file = await r.client.get(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toMatch(/attachment; filename="du-lieu-cua-toi-.*\.json"/);
    const exported = JSON.parse(file.raw.toString("utf8"));
    const { generatedAt, ...rest } = exported;
    expect(generatedAt).toEqual(expect.any(String));
    expect(rest).toEqual((await r.client.get("/api/v1/my/data")).body);

    const html = await r.client.post("/api/v1/privacy/exports", { format: "html" });
    const page = await r.client.get(html.body.url);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    for (const value of ["Phạm Minh Quân", "0912345671", "079090001234", "51K-123.45", "TH-0091"]) {
      expect(page.raw.toString("utf8")).toContain(value);
    }
    await env.db.ownerSql.query("update data_exports set expires_at = now() - interval '1 minute'");
    expect((await r.client.get(link.body.url)).body.error.code).toBe("EXPORT_EXPIRED");
  });

  it("lets the person correct their own record but not someone else's", async () => {
    const unit = await unitInBuilding("P-03.02");
    const r = await newResident(env, admin, unit, {
      fullName: "Trần Văn Bình",
      email: "binh.tran@example.vn",
    });
    const other = await newResident(env, admin, unit, {
      fullName: "Trần Thị Cúc",
      email: "cuc.tran@example.vn",
      role: "member",
    });
    const fixed = await r.client.patch(`/api/v1/my/data/${r.residentId}`, { phone: "0987 654 321" });
    expect(fixed.status).toBe(200);
    const phone = fixed.body.records[0].fields.find((f: { field: string }) => f.field === "resident.phone");
    expect(phone.value).toBe("0987654321");
    expect(
      (await r.client.patch(`/api/v1/my/data/${other.residentId}`, { phone: "0987654322" })).status,
    ).toBe(404);
    expect((await r.client.patch(`/api/v1/my/data/${r.residentId}`, { phone: "12" })).status).toBe(400);
  });
});

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

describe("disclosures", () => {
  /** How to trigger each path that releases personal data; a path added without an entry here fails. */
  const triggers: Record<DisclosurePath, (residentId: string) => Promise<unknown>> = {
    "privacy.agency_request": async (residentId) => {
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
      await triggers[path](r.residentId);
      const list = await admin.get("/api/v1/privacy/disclosures", { residentId: r.residentId });
      expect(list.body.total).toBe(before + 1);
      expect(list.body.items[0]).toMatchObject({ path, residentName: "Đặng Văn Khoa" });
    }
    const mine = await r.client.get("/api/v1/my/data");
    expect(mine.body.records[0].disclosures[0]).toMatchObject({
      recipient: "Công an phường Bến Nghé",
      fields: ["resident.fullName", "resident.idNumber"],
      legalBasis: "legal_obligation",
    });
  });
});

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
    const clocks = await tech.get("/api/v1/privacy/breaches/clocks");
    expect(clocks.body.items.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(["Sự cố cũ", body.title]),
    );

    const pdf = await admin.get(`/api/v1/privacy/breaches/${fresh.body.id}/report.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");

    const notified = await admin.post(`/api/v1/privacy/breaches/${fresh.body.id}/notify-residents`);
    expect(notified.body).toEqual({ inApp: 1, email: 1, total: 1 });
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

async function unitInBuildingOf(building: string, code: string) {
  return (await newUnit(env, { companyId, buildingId: building, code })).unitId;
}

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

describe("retention", () => {
  it("purges access logs and former residents past the company's periods, and nothing else", async () => {
    expect(
      (
        await admin.put("/api/v1/privacy/retention", {
          accessLogDays: 30,
          closedAccountDays: 30,
          ticketPhotoDays: 180,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.put("/api/v1/privacy/retention", {
          accessLogDays: 1,
          closedAccountDays: 30,
          ticketPhotoDays: 180,
        })
      ).status,
    ).toBe(400);
    const old = new Date(Date.now() - 31 * DAY);
    const recent = new Date(Date.now() - 29 * DAY);
    await env.db.ownerSql.query(
      `insert into access_log (company_id, at, method, path, status, request_id, duration_ms)
       values ($1, $2, 'GET', '/api/v1/retention-old', 200, 'r1', 1), ($1, $3, 'GET', '/api/v1/retention-new', 200, 'r2', 1)`,
      [companyId, old, recent],
    );
    const gone = await unitInBuilding("P-10.01");
    const stays = await unitInBuilding("P-10.02");
    const leftLongAgo = await admin.post(`/api/v1/units/${gone}/household`, {
      role: "owner",
      fullName: "Người Đi Lâu",
    });
    const leftRecently = await admin.post(`/api/v1/units/${stays}/household`, {
      role: "member",
      fullName: "Người Mới Đi",
    });
    const living = await admin.post(`/api/v1/units/${stays}/household`, {
      role: "owner",
      fullName: "Người Đang Ở",
    });
    const movedOut = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
    await env.db.ownerSql.query("update household_members set moved_out_on = $2 where id = $1", [
      leftLongAgo.body.id,
      movedOut(40),
    ]);
    await env.db.ownerSql.query("update household_members set moved_out_on = $2 where id = $1", [
      leftRecently.body.id,
      movedOut(20),
    ]);

    await runRetention(env.db, env.app.platform, log);

    const paths = await env.db.ownerSql.query<{ path: string }>(
      "select path from access_log where company_id = $1 and path like '/api/v1/retention-%'",
      [companyId],
    );
    expect(paths.rows.map((r) => r.path)).toEqual(["/api/v1/retention-new"]);
    expect(await readableIn("Người Đi Lâu")).toEqual([]);
    expect(await readableIn("Người Mới Đi")).toEqual(["residents"]);
    expect(await readableIn("Người Đang Ở")).toEqual(["residents"]);
    expect(living.status).toBe(201);
    const overview = await admin.get("/api/v1/privacy/retention");
    expect(overview.body.settings).toEqual({
      accessLogDays: 30,
      closedAccountDays: 30,
      ticketPhotoDays: 180,
    });
    const byCategory = Object.fromEntries(
      overview.body.lastRuns.map((r: { category: string }) => [r.category, r]),
    );
    expect(byCategory.access_logs).toMatchObject({ removed: 1 });
    expect(byCategory.closed_accounts).toMatchObject({ removed: 1 });
  });
});

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
