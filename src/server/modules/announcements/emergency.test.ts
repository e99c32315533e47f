import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { newResident } from "../../../../test/helpers/residents.js";

/*
 * Emergency broadcast through HTTP with the background task running: everyone living in the blocks named is
 * reached on every channel they have — the app, email through the in-process SMTP server, SMS through the
 * capturing gateway — with or without an account; the report counts each channel and names, by unit, who could
 * not be reached. It asks for a fresh password re-confirmation.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
const stamp = Date.now();

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000, jobs: true });
  const a1 = await newUnit(env, { code: "A-01.01", block: "A" });
  ({ companyId, buildingId } = a1);
  const a2 = (await newUnit(env, { companyId, buildingId, code: "A-02.01", block: "A", floor: 2 })).unitId;
  const b1 = (await newUnit(env, { companyId, buildingId, code: "B-01.01", block: "B" })).unitId;
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  // In block A: an owner with the app (and an email), a tenant registered with a phone only, and a member with
  // no contact at all. In block B: someone with a phone, who must not be messaged.
  await newResident(env, admin, a1.unitId, { fullName: "Nguyễn Có App", email: `app.${stamp}@example.vn` });
  await admin.post(`/api/v1/units/${a2}/household`, {
    role: "owner",
    fullName: "Trần Chỉ Có Số",
    phone: "0912345001",
  });
  await admin.post(`/api/v1/units/${a2}/household`, { role: "member", fullName: "Lê Không Liên Lạc" });
  await admin.post(`/api/v1/units/${b1}/household`, {
    role: "owner",
    fullName: "Phạm Khối B",
    phone: "0912345002",
  });
});

async function reportWhenDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await admin.get(`/api/v1/announcements/${id}/deliveries`);
    if (res.body.done) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the deliveries were not done");
}

describe("emergency broadcast", () => {
  it("asks for the password again first", async () => {
    const person = await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] });
    const manager = await signIn(env, person);
    // Signed in an hour ago: the sign-in's own confirmation has lapsed.
    await env.db.ownerSql.query(
      "update sessions set reauth_at = now() - interval '1 hour' where account_id = $1",
      [person.accountId],
    );
    env.app.platform.sessionCache.forget();
    const res = await manager.post(`/api/v1/buildings/${buildingId}/emergency`, {
      title: "Cháy tầng 3",
      body: "Thoát hiểm ngay.",
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("REAUTH_REQUIRED");
  });

  it("reaches everyone in the blocks on every channel they have, and reports who it could not", async () => {
    expect((await admin.post("/api/v1/auth/reauth", { password: PASSWORD })).status).toBe(200);
    const sent = await admin.post(`/api/v1/buildings/${buildingId}/emergency`, {
      title: "Cháy tầng 3 khối A",
      body: "Mọi người thoát hiểm bằng cầu thang bộ, không dùng thang máy.",
      blocks: ["A"],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.people).toBe(3);
    const report = await reportWhenDone(sent.body.id);
    const byChannel = Object.fromEntries(report.channels.map((c: { channel: string }) => [c.channel, c]));
    expect(byChannel.in_app).toMatchObject({ sent: 1, failed: 0, queued: 0 });
    expect(byChannel.email).toMatchObject({ sent: 1, failed: 0, queued: 0 });
    expect(byChannel.sms).toMatchObject({ sent: 1, failed: 0, queued: 0 });
    expect(byChannel.none).toMatchObject({ sent: 0, failed: 1 });
    expect(report.reached).toBe(2);
    expect(report.notReached).toEqual([
      {
        unitCode: "A-02.01",
        channel: "none",
        error: "Không có email, số điện thoại hay tài khoản ứng dụng",
        attempts: 0,
      },
    ]);

    // The email and the SMS went out, to block A only.
    const mail = env.smtp.mails.find((m) => m.to.includes(`app.${stamp}@example.vn`) && m.raw.includes("KH"));
    expect(mail).toBeTruthy();
    expect(env.sms.sent.map((m) => m.phone)).toContain("0912345001");
    expect(env.sms.sent.map((m) => m.phone)).not.toContain("0912345002");
    expect(env.sms.sent.find((m) => m.phone === "0912345001")?.text).toContain(
      "KHẨN CẤP: Cháy tầng 3 khối A",
    );

    const csv = await admin.get(`/api/v1/announcements/${sent.body.id}/deliveries/export`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.raw.toString("utf8")).toContain('"A-02.01","none"');
  });

  it("is not another company's to see or resend", async () => {
    const other = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: (await newUnit(env)).companyId }),
    );
    const [any] = (await admin.get("/api/v1/announcements", { buildingId, status: "published" })).body.items;
    for (const res of [
      await other.get(`/api/v1/announcements/${any.id}/deliveries`),
      await other.post(`/api/v1/announcements/${any.id}/deliveries/resend`),
      await other.post(`/api/v1/buildings/${buildingId}/emergency`, { title: "Giả", body: "x" }),
    ])
      expect([403, 404]).toContain(res.status);
  });
});
