import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";

/*
 * Partner organisations through HTTP: the company admin onboards a water shipper with its terms, buildings and
 * payout account; bad input is refused field by field; managers and customer care read, nobody else; a
 * suspension says why; the payout account changes only after the password is asked again, and the audit keeps
 * the account's last digits only. Another company gets 404.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
let manager: Client;

const water = () => ({
  legalName: "Công ty TNHH Nước uống Suối Mát",
  displayName: "Nước Suối Mát",
  taxCode: "0316789012",
  hotline: "1900 6868",
  orgEmail: "cskh@suoimat.example.vn",
  categories: ["water", "gas"],
  buildingIds: [buildingId],
  commissionKind: "percent",
  commissionValue: 850,
  bankBin: "970436",
  accountNumber: "0071001234567",
  accountName: "CONG TY TNHH NUOC UONG SUOI MAT",
});

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId } = await newUnit(env));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
});

describe("partners", () => {
  it("are onboarded by the company admin with their terms; bad input is refused field by field", async () => {
    const bad = await admin.post("/api/v1/partners", {
      ...water(),
      taxCode: "12345",
      hotline: "12",
      bankBin: "123456",
      commissionValue: 12_000,
      buildingIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(
      ["bankBin", "commissionValue", "hotline", "taxCode"].sort(),
    );
    const elsewhere = await admin.post("/api/v1/partners", {
      ...water(),
      buildingIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details.fields).toMatchObject({ buildingIds: expect.any(String) });

    const made = await admin.post("/api/v1/partners", water());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ status: "active", bankName: "Vietcombank", commissionValue: 850 });
    expect((await admin.post("/api/v1/partners", water())).status).toBe(409);

    const listed = await manager.get("/api/v1/partners", { category: "water", buildingId });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([made.body.id]);
    expect((await manager.get("/api/v1/partners", { category: "cleaning" })).body.items).toEqual([]);
    expect((await manager.post("/api/v1/partners", { ...water(), taxCode: "0316789013" })).status).toBe(403);
    const tech = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [buildingId] }),
    );
    expect((await tech.get("/api/v1/partners")).status).toBe(403);
  });

  it("are suspended with a reason, and their payout account changes only after the password again", async () => {
    const made = await admin.post("/api/v1/partners", { ...water(), taxCode: "0316789020-001" });
    const id = made.body.id as string;
    const suspended = await admin.patch(`/api/v1/partners/${id}`, {
      status: "suspended",
      statusReason: "Giao trễ nhiều lần trong tháng 11",
    });
    expect(suspended.body).toMatchObject({
      status: "suspended",
      statusReason: "Giao trễ nhiều lần trong tháng 11",
    });
    const back = await admin.patch(`/api/v1/partners/${id}`, { status: "active" });
    expect(back.body).toMatchObject({ status: "active", statusReason: null });

    const account = { bankBin: "970407", accountNumber: "19036677889900", accountName: "CONG TY SUOI MAT" };
    const member = await newMember(env, "company_admin", { companyId });
    const fresh = await signIn(env, member);
    // A sign-in an hour old: the password is asked again.
    await env.db.owner.execute(
      sql`update sessions set reauth_at = now() - interval '1 hour' where account_id = ${member.accountId}`,
    );
    env.app.platform.sessionCache.forget();
    const refused = await fresh.put(`/api/v1/partners/${id}/payout-account`, account);
    expect(refused.body.error.code).toBe("REAUTH_REQUIRED");
    expect((await fresh.post("/api/v1/auth/reauth", { password: PASSWORD })).status).toBe(200);
    const changed = await fresh.put(`/api/v1/partners/${id}/payout-account`, account);
    expect(changed.body).toMatchObject({ bankName: "Techcombank", accountNumber: "19036677889900" });
    const [entry] = (
      (await env.db.owner.execute(
        sql`select changes from audit_log where company_id = ${companyId} and action = 'partner.payout_account'
           and entity_id = ${id}`,
      )) as unknown as { rows: { changes: { accountNumber: string[] } }[] }
    ).rows;
    expect(entry?.changes.accountNumber).toEqual(["…4567", "…9900"]);
  });

  it("are another company's business: 404", async () => {
    const made = await admin.post("/api/v1/partners", { ...water(), taxCode: "0316789030" });
    const { companyId: other } = await newUnit(env);
    const stranger = await signIn(env, await newMember(env, "company_admin", { companyId: other }));
    await stranger.post("/api/v1/auth/reauth", { password: PASSWORD });
    expect((await stranger.get(`/api/v1/partners/${made.body.id}`)).status).toBe(404);
    expect((await stranger.patch(`/api/v1/partners/${made.body.id}`, { status: "suspended" })).status).toBe(
      404,
    );
    expect(
      (
        await stranger.put(`/api/v1/partners/${made.body.id}/payout-account`, {
          bankBin: "970407",
          accountNumber: "1234567",
          accountName: "KHAC",
        })
      ).status,
    ).toBe(404);
    expect((await stranger.get("/api/v1/partners")).body.items).toEqual([]);
  });
});
