import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newAccount, newBuilding, newMember, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

let env: TestEnv;
let admin: Client;
let companyId: string;
let buildingId: string;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId } = await newBuilding(env));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
});

const tokenFrom = (text: string) => text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] as string;
const mailedToken = async (to: string) => {
  const mail = env.smtp.mails.findLast((m) => m.to.includes(to));
  const body = (mail?.raw ?? "").replace(/=\r?\n/g, "");
  return tokenFrom(body);
};

describe("staff invitations", () => {
  it("validates the invitation before sending anything", async () => {
    const bad = await admin.post("/api/v1/staff/invitations", {
      contact: "not-a-contact",
      displayName: "X",
      role: "accountant",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.contact).toBeTruthy();
    const role = await admin.post("/api/v1/staff/invitations", {
      contact: "a@example.vn",
      displayName: "X",
      role: "resident",
    });
    expect(role.status).toBe(400);
    const foreign = await admin.post("/api/v1/staff/invitations", {
      contact: "a@example.vn",
      displayName: "X",
      role: "accountant",
      buildingIds: [(await newBuilding(env)).buildingId],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe("BUILDING_NOT_IN_COMPANY");
  });

  it("invites by email; the link activates a new account with the role and its buildings", async () => {
    const res = await admin.post("/api/v1/staff/invitations", {
      contact: "Ke.Toan@Example.vn",
      displayName: "Lê Kế Toán",
      role: "accountant",
      buildingIds: [buildingId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "pending", channel: "email", contact: "ke***@example.vn" });
    const token = await mailedToken("ke.toan@example.vn");
    expect(token).toBeTruthy();

    const guest = new Client(env.app);
    const preview = await guest.get(`/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({
      role: "accountant",
      accountExists: false,
      displayName: "Lê Kế Toán",
    });
    const weak = await guest.post(`/api/v1/invitations/${token}/accept`, { password: "short" });
    expect(weak.status).toBe(422);
    const accepted = await guest.post(`/api/v1/invitations/${token}/accept`, { password: "Ke-toan-2026" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.me.current).toMatchObject({
      role: "accountant",
      companyId,
      buildingIds: [buildingId],
    });
    expect((await guest.get("/api/v1/buildings")).body.items.map((b: { id: string }) => b.id)).toEqual([
      buildingId,
    ]);

    const again = await new Client(env.app).post(`/api/v1/invitations/${token}/accept`, {
      password: "Ke-toan-2026",
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("INVITATION_INVALID");
    const list = await admin.get("/api/v1/staff/invitations");
    expect(list.body.items.find((i: { id: string }) => i.id === res.body.id).status).toBe("accepted");
    const pending = await admin.get("/api/v1/staff/invitations?status=pending");
    expect(pending.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
    const acceptedOnes = await admin.get("/api/v1/staff/invitations?status=accepted");
    expect(acceptedOnes.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
  });

  it("invites an existing account, which proves itself with its password", async () => {
    const person = await newAccount(env);
    await admin.post("/api/v1/staff/invitations", {
      contact: person.email,
      displayName: "Người cũ",
      role: "technician",
    });
    const token = await mailedToken(person.email);
    const guest = new Client(env.app);
    expect((await guest.get(`/api/v1/invitations/${token}`)).body.accountExists).toBe(true);
    expect(
      (await guest.post(`/api/v1/invitations/${token}/accept`, { password: "wrong-pass-1" })).status,
    ).toBe(401);
    const ok = await guest.post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(ok.body.me.current.role).toBe("technician");
  });

  it("invites by phone through SMS", async () => {
    await admin.post("/api/v1/staff/invitations", {
      contact: "0987 654 321",
      displayName: "Kỹ thuật",
      role: "technician",
    });
    const sms = env.sms.sent.findLast((m) => m.phone === "0987654321");
    expect(sms?.text).toContain("http://chungcu.test/invite/");
  });

  it("refuses revoked and expired invitations", async () => {
    const revoked = await admin.post("/api/v1/staff/invitations", {
      contact: "rv@example.vn",
      displayName: "R",
      role: "technician",
    });
    expect((await admin.delete(`/api/v1/staff/invitations/${revoked.body.id}`)).status).toBe(204);
    const t1 = await mailedToken("rv@example.vn");
    expect((await new Client(env.app).get(`/api/v1/invitations/${t1}`)).body.error.code).toBe(
      "INVITATION_INVALID",
    );

    const expired = await admin.post("/api/v1/staff/invitations", {
      contact: "ex@example.vn",
      displayName: "E",
      role: "technician",
    });
    await env.db.owner.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${expired.body.id}`,
    );
    const t2 = await mailedToken("ex@example.vn");
    expect(
      (await new Client(env.app).post(`/api/v1/invitations/${t2}/accept`, { password: "Abcdefgh-1" })).status,
    ).toBe(422);
    expect((await new Client(env.app).get("/api/v1/invitations/not-a-real-token-at-all")).status).toBe(422);
  });
});

describe("staff changes", () => {
  it("needs re-confirmation, keeps one admin, and refuses changes to oneself", async () => {
    const tech = await newMember(env, "technician", { companyId });
    const other = new Client(env.app);
    const otherAdmin = await signIn(env, await newMember(env, "company_admin", { companyId }), other);
    await env.db.owner.execute(sql`update sessions set reauth_at = null`);
    env.app.platform.sessionCache.forget();
    const refused = await admin.patch(`/api/v1/staff/${tech.membershipId}`, { role: "building_manager" });
    expect(refused.body.error.code).toBe("REAUTH_REQUIRED");
    await admin.post("/api/v1/auth/reauth", { password: PASSWORD });
    const changed = await admin.patch(`/api/v1/staff/${tech.membershipId}`, {
      role: "building_manager",
      buildingIds: [buildingId],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: "building_manager", buildingIds: [buildingId] });

    const myId = (await admin.get("/api/v1/auth/me")).body.current.id;
    expect((await admin.patch(`/api/v1/staff/${myId}`, { status: "disabled" })).body.error.code).toBe(
      "CANNOT_CHANGE_SELF",
    );
    const otherId = (await otherAdmin.get("/api/v1/auth/me")).body.current.id;
    const demoted = await admin.patch(`/api/v1/staff/${otherId}`, { role: "accountant" });
    expect(demoted.status).toBe(200);

    // Now the only admin left is the caller; another admin could not remove them either.
    const staff = await admin.get("/api/v1/staff?pageSize=100");
    expect(
      staff.body.items.filter(
        (s: { role: string; status: string }) => s.role === "company_admin" && s.status === "active",
      ),
    ).toHaveLength(1);
  });

  it("disabling a membership takes the role away at once", async () => {
    const techPerson = await newMember(env, "technician", { companyId, buildingIds: [buildingId] });
    const tech = await signIn(env, techPerson);
    expect((await tech.get("/api/v1/buildings")).status).toBe(200);
    await admin.post("/api/v1/auth/reauth", { password: PASSWORD });
    expect(
      (await admin.patch(`/api/v1/staff/${techPerson.membershipId}`, { status: "disabled" })).status,
    ).toBe(200);
    const after = await tech.get("/api/v1/buildings");
    expect(after.status).toBe(422);
    expect(after.body.error.code).toBe("NO_CONTEXT");
  });
});

describe("platform: companies", () => {
  it("creates a company and invites its first admin", async () => {
    const platform = await signIn(env, await newAccount(env, { platformAdmin: true }));
    const bad = await platform.post("/api/v1/platform/companies", {
      name: "X",
      adminName: "A",
      adminContact: "nope",
      taxCode: "12",
    });
    expect(bad.status).toBe(400);
    const res = await platform.post("/api/v1/platform/companies", {
      name: "Công ty Quản lý Sông Hồng",
      taxCode: "0101234567",
      adminName: "Bà Hồng",
      adminContact: "hong@songhong.vn",
    });
    expect(res.status).toBe(201);
    const token = await mailedToken("hong@songhong.vn");
    const accepted = await new Client(env.app).post(`/api/v1/invitations/${token}/accept`, {
      password: "Song-hong-1",
    });
    expect(accepted.body.me.current).toMatchObject({
      role: "company_admin",
      companyName: "Công ty Quản lý Sông Hồng",
    });
    const list = await platform.get("/api/v1/platform/companies?q=Sông");
    expect(list.body.items[0]).toMatchObject({
      name: "Công ty Quản lý Sông Hồng",
      staffCount: 1,
      buildingCount: 0,
    });
  });
});
