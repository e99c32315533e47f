import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { buildInvoice, newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { pdfImageSizes, pdfText } from "../../../../test/helpers/pdf.js";
import { squarePng } from "../../../../test/helpers/png.js";
import { auditLog } from "../../platform/audit/audit.table.js";
import { createLogger } from "../../platform/log/logger.js";
import { sendDueEverywhere } from "../notifications/send.task.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

const PROFILE = {
  name: "Sen Vàng",
  legalName: "Công ty TNHH Quản lý Tòa nhà Sen Vàng",
  taxCode: "0312345678-001",
  address: "18 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
  hotline: "028 3822 1234",
  email: "bql@senvang.vn",
};

async function company() {
  const unit = await newUnit(env);
  const admin = await signIn(env, await newMember(env, "company_admin", { companyId: unit.companyId }));
  return { ...unit, admin };
}

const entries = (companyId: string, action: string) =>
  env.db.transaction(companyId, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, companyId), eq(auditLog.action, action))),
  );

describe("company profile", () => {
  it("refuses other roles, and says in the caller's language what is wrong with each field", async () => {
    const { companyId, admin } = await company();
    const accountant = await signIn(env, await newMember(env, "accountant", { companyId }));
    const resident = await signIn(env, await newMember(env, "resident", { companyId }));
    expect((await new Client(env.app).get("/api/v1/company/profile")).status).toBe(401);
    expect((await resident.get("/api/v1/company/profile")).status).toBe(403);
    const read = await accountant.get("/api/v1/company/profile");
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      name: expect.any(String),
      address: null,
      abilities: { update: false },
    });
    expect((await accountant.put("/api/v1/company/profile", PROFILE)).status).toBe(403);

    const bad = await admin.put("/api/v1/company/profile", {
      ...PROFILE,
      taxCode: "031234567",
      hotline: "12345",
      email: "bql@",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual({
      taxCode: "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số cho chi nhánh (ví dụ 0312345678-001).",
      hotline:
        "Số điện thoại chưa đúng: di động 10 số (0912 345 678), cố định 11 số (024 3825 1234) hoặc 1900/1800.",
      email: "Địa chỉ email chưa đúng (ví dụ bql@congty.vn).",
    });
    // The person's own language answers them.
    const english = await signIn(env, await newMember(env, "company_admin", { companyId }));
    await english.patch("/api/v1/me", { lang: "en" });
    const en = await english.put("/api/v1/company/profile", { ...PROFILE, taxCode: "0312345678-01" });
    expect(en.body.error.details.fields).toEqual({
      taxCode: "A tax code has 10 digits, or 13 for a branch (e.g. 0312345678-001).",
    });
    // Nothing was written by the refused requests.
    expect((await admin.get("/api/v1/company/profile")).body.address).toBeNull();
  });

  it("accepts the Vietnamese phone forms people write and 10- or 13-digit tax codes", async () => {
    const { admin } = await company();
    for (const [hotline, taxCode] of [
      ["0912 345 678", "0312345678"],
      ["+84 912.345.678", "0312345678-999"],
      ["1900 6067", null],
      ["024 3825 1234", null],
    ]) {
      const res = await admin.put("/api/v1/company/profile", { ...PROFILE, hotline, taxCode });
      expect(res.status, `${hotline} ${taxCode}`).toBe(200);
    }
    for (const hotline of ["0123 456 789", "091234567", "02438251234567", "0912-345-67a"]) {
      expect((await admin.put("/api/v1/company/profile", { ...PROFILE, hotline })).status, hotline).toBe(400);
    }
  });

  it("saves the profile with an audit entry of what changed, and every document prints it", async () => {
    const { companyId, buildingId, unitId, admin } = await company();
    const saved = await admin.put("/api/v1/company/profile", PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...PROFILE, logoUrl: null, abilities: { update: true } });
    const [entry] = await entries(companyId, "company.profile.update");
    expect(entry?.changes).toMatchObject({
      address: [null, PROFILE.address],
      taxCode: [null, PROFILE.taxCode],
      hotline: [null, PROFILE.hotline],
      legalName: [null, PROFILE.legalName],
    });

    // The fee notice's header.
    const { invoiceId } = await buildInvoice(env, { companyId, buildingId, unitId });
    const notice = await admin.get(`/api/v1/invoices/${invoiceId}/pdf`);
    expect(notice.status).toBe(200);
    const noticeText = await pdfText(notice.raw);
    expect(noticeText).toContain(PROFILE.legalName);
    expect(noticeText).toContain(PROFILE.address);
    expect(noticeText).toContain("ĐT: 028 3822 1234");
    expect(noticeText).toContain("MST: 0312345678-001");

    // The breach report to the authority.
    const breach = await admin.post("/api/v1/privacy/breaches", {
      title: "Gửi nhầm danh sách cư dân",
      description: "Một bảng tính danh sách cư dân được gửi nhầm ra ngoài công ty.",
      severity: "low",
      fields: ["resident.fullName"],
      scope: { buildingIds: [buildingId] },
      detectedAt: new Date().toISOString(),
    });
    expect(breach.status).toBe(201);
    const report = await pdfText(
      (await admin.get(`/api/v1/privacy/breaches/${breach.body.id}/report.pdf`)).raw,
    );
    expect(report).toContain(PROFILE.legalName.toUpperCase());
    expect(report).toContain(`Mã số thuế ${PROFILE.taxCode}`);
    expect(report).toContain(`Địa chỉ trụ sở ${PROFILE.address}`);
    expect(report).toContain(`Điện thoại ${PROFILE.hotline}`);
    expect(report).not.toContain("Địa chỉ trụ sở —");
    // Signed where the company is.
    expect(report).toMatch(/TP\. Hồ Chí Minh, ngày \d+ tháng \d+ năm \d{4}/);

    // The processing register and impact-assessment dossier, and its JSON.
    const register = await pdfText((await admin.get("/api/v1/privacy/register.pdf")).raw);
    expect(register).toContain(`Địa chỉ trụ sở ${PROFILE.address}`);
    expect(register).toContain(`Điện thoại ${PROFILE.hotline}`);
    expect(register).toContain(`Mã số thuế ${PROFILE.taxCode}`);
    expect((await admin.get("/api/v1/privacy/register")).body.controller).toEqual({
      name: PROFILE.legalName,
      taxCode: PROFILE.taxCode,
      address: PROFILE.address,
      hotline: PROFILE.hotline,
      email: PROFILE.email,
    });
  });

  it("keeps sender names, audited, and emails to residents go out under the company's", async () => {
    const { companyId, buildingId, unitId, admin } = await company();
    const bad = await admin.put("/api/v1/company/senders", { emailSenderName: "B", smsSenderName: null });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(["emailSenderName"]);
    const ok = await admin.put("/api/v1/company/senders", {
      emailSenderName: "BQL Chung cư Sen Vàng",
      smsSenderName: "BQL Sen Vang",
    });
    expect(ok.body.senders).toEqual({
      emailSenderName: "BQL Chung cư Sen Vàng",
      smsSenderName: "BQL Sen Vang",
    });
    const [entry] = await entries(companyId, "company.senders.update");
    expect(entry?.changes).toEqual({
      emailSenderName: [null, "BQL Chung cư Sen Vàng"],
      smsSenderName: [null, "BQL Sen Vang"],
    });

    // A breach notice to an affected resident: the email's From carries the name, the address stays MAIL_FROM's.
    const email = `hoa-${Date.now()}@example.vn`;
    const added = await admin.post(`/api/v1/units/${unitId}/household`, {
      role: "owner",
      fullName: "Lê Thị Hoa",
      email,
    });
    expect(added.status).toBe(201);
    const breach = await admin.post("/api/v1/privacy/breaches", {
      title: "Gửi nhầm danh sách cư dân",
      description: "Một bảng tính danh sách cư dân được gửi nhầm ra ngoài công ty.",
      severity: "low",
      fields: ["resident.email"],
      scope: { buildingIds: [buildingId] },
      detectedAt: new Date().toISOString(),
    });
    expect((await admin.post(`/api/v1/privacy/breaches/${breach.body.id}/notify-residents`)).status).toBe(
      200,
    );
    await sendDueEverywhere(env.db, env.app.platform, createLogger("silent"));
    let raw = "";
    for (let i = 0; i < 250 && !raw; i++) {
      raw = env.smtp.mails.findLast((m) => m.to.includes(email))?.raw ?? "";
      if (!raw) await new Promise((r) => setTimeout(r, 20));
    }
    const from = raw.match(/^From: (.*)$/m)?.[1] ?? "";
    expect(from).toMatch(
      /=\?UTF-8\?\w\?.+\?= <no-reply@chungcu\.local>|"BQL Chung cư Sen Vàng" <no-reply@chungcu\.local>/,
    );
    const decoded = from.replace(/=\?UTF-8\?Q\?(.+?)\?=/gi, (_, q: string) =>
      Buffer.from(
        q
          .replace(/_/g, " ")
          .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        "latin1",
      ).toString("utf8"),
    );
    expect(decoded).toContain("BQL Chung cư Sen Vàng");
  });
});

describe("company logo", () => {
  const put = (client: Client, body: Buffer, type = "image/png") =>
    client.request("POST", "/api/v1/company/logo", body, { "content-type": type });

  it("takes a PNG or JPEG by its bytes, within 256 kB, and prints it on the fee notice", async () => {
    const { companyId, buildingId, unitId, admin } = await company();
    const accountant = await signIn(env, await newMember(env, "accountant", { companyId }));
    const png = squarePng(120, 60, [200, 30, 30]);
    expect((await put(accountant, png)).status).toBe(403);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const asPng = await put(admin, svg);
    expect(asPng.status).toBe(422);
    expect(asPng.body.error).toMatchObject({
      code: "LOGO_TYPE_INVALID",
      message: "Logo phải là ảnh PNG hoặc JPEG.",
    });
    expect((await put(admin, svg, "image/svg+xml")).status).toBe(415);
    const huge = Buffer.concat([png, Buffer.alloc(256 * 1024)]);
    const big = await put(admin, huge);
    expect(big.status).toBe(422);
    expect(big.body.error).toMatchObject({ code: "LOGO_TOO_LARGE", message: "Logo tối đa 256 kB." });

    const saved = await put(admin, png);
    expect(saved.status).toBe(200);
    expect(saved.body.logoUrl).toBe("/api/v1/company/logo?v=1");
    const image = await accountant.get(saved.body.logoUrl);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.raw.equals(png)).toBe(true);
    const [entry] = await entries(companyId, "company.logo.update");
    expect(entry?.changes).toMatchObject({ logo: [null, { type: "image/png", bytes: png.length }] });

    const { invoiceId } = await buildInvoice(env, { companyId, buildingId, unitId });
    const notice = (await admin.get(`/api/v1/invoices/${invoiceId}/pdf`)).raw;
    expect(await pdfImageSizes(notice)).toContainEqual({ width: 120, height: 60 });

    expect((await admin.delete("/api/v1/company/logo?v=0")).status).toBe(409);
    const removed = await admin.delete("/api/v1/company/logo?v=1");
    expect(removed.body.logoUrl).toBeNull();
    expect((await accountant.get("/api/v1/company/logo")).status).toBe(404);
    const plain = (await admin.get(`/api/v1/invoices/${invoiceId}/pdf`)).raw;
    expect(await pdfImageSizes(plain)).not.toContainEqual({ width: 120, height: 60 });
  });

  it("shows one company's logo to no one of another company", async () => {
    const a = await company();
    const b = await company();
    expect((await put(a.admin, squarePng(16, 16, [0, 0, 0]))).status).toBe(200);
    expect((await b.admin.get("/api/v1/company/logo")).status).toBe(404);
  });
});
