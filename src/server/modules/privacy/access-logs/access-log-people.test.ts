import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

type Person = {
  accountId: string;
  displayName: string;
  roles: string[];
  email: string | null;
  phone: string | null;
};
const PEOPLE = "/api/v1/privacy/access-logs/people";

/** A unique surname per test run, so that people of other tests never match. */
const tag = () => `Thử${Math.random().toString(36).slice(2, 7)}`;

describe("access log person picker", () => {
  it("refuses the anonymous, other roles and a search too short to mean anything", async () => {
    const admin = await newMember(env, "company_admin");
    expect((await new Client(env.app).get(PEOPLE, { q: "Nguyen" })).status).toBe(401);
    for (const role of ["building_manager", "customer_care", "accountant", "resident"]) {
      const other = await signIn(env, await newMember(env, role, { companyId: admin.companyId }));
      expect((await other.get(PEOPLE, { q: "Nguyen" })).status, role).toBe(403);
    }
    const client = await signIn(env, admin);
    expect((await client.get(PEOPLE, { q: "N" })).status).toBe(400);
    expect((await client.get(PEOPLE)).status).toBe(400);
  });

  it("finds the company's staff and residents by name without diacritics, email or phone, masked, never another company's", async () => {
    const surname = tag();
    const admin = await newMember(env, "company_admin");
    const { companyId } = admin;
    const accountant = await newMember(env, "accountant", { companyId, name: `${surname} Thị Bích Ngọc` });
    const resident = await newMember(env, "resident", {
      companyId,
      name: `Đặng Văn Đức ${surname}`,
      phone: "0907111222",
    });
    // The same person in name at another company must not be found.
    const elsewhere = await newMember(env, "resident", { name: `Đặng Văn Đức ${surname}` });
    const client = await signIn(env, admin);

    const byName = await client.get(PEOPLE, { q: `dang van duc ${surname.toLowerCase()}`.replace("ử", "u") });
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([
      {
        accountId: resident.accountId,
        displayName: `Đặng Văn Đức ${surname}`,
        roles: ["resident"],
        email: null,
        phone: "0907 *** 222",
      },
    ]);
    expect(JSON.stringify(byName.body)).not.toContain(elsewhere.accountId);

    const bySurname = await client.get(PEOPLE, { q: surname });
    expect((bySurname.body.items as Person[]).map((p) => p.accountId).sort()).toEqual(
      [accountant.accountId, resident.accountId].sort(),
    );

    // An exact email finds the accountant, whose name has no part of it; the email comes back masked.
    const byEmail = await client.get(PEOPLE, { q: accountant.email.toUpperCase() });
    expect(byEmail.body.items).toHaveLength(1);
    expect(byEmail.body.items[0]).toMatchObject({ accountId: accountant.accountId, roles: ["accountant"] });
    expect(byEmail.body.items[0].email).toContain("***@example.vn");
    expect(JSON.stringify(byEmail.body)).not.toContain(accountant.email);

    const byPhone = await client.get(PEOPLE, { q: "0907 111 222" });
    expect((byPhone.body.items as Person[]).map((p) => p.accountId)).toEqual([resident.accountId]);

    // The other company's admin finds only their own resident.
    const otherAdmin = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: elsewhere.companyId }),
    );
    const theirs = await otherAdmin.get(PEOPLE, { q: surname });
    expect((theirs.body.items as Person[]).map((p) => p.accountId)).toEqual([elsewhere.accountId]);
    expect((await otherAdmin.get(PEOPLE, { q: "0907111222" })).body.items).toEqual([]);
  });

  it("filters the access log by the chosen person's id", async () => {
    const admin = await newMember(env, "company_admin");
    const staff = await newMember(env, "building_manager", {
      companyId: admin.companyId,
      name: `${tag()} Quản Lý`,
    });
    const manager = await signIn(env, staff);
    const client = await signIn(env, admin);
    await manager.get("/api/v1/buildings", { page: "1" });
    await client.get("/api/v1/buildings", { page: "2" });
    let rows: { accountId: string; path: string }[] = [];
    for (let i = 0; i < 40; i++) {
      rows = (
        await client.get("/api/v1/privacy/access-logs", { accountId: staff.accountId, pageSize: "100" })
      ).body.items;
      if (rows.some((r) => r.path === "/api/v1/buildings?page=1")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.accountId))).toEqual(new Set([staff.accountId]));
    expect(rows.map((r) => r.path)).toContain("/api/v1/buildings?page=1");
    expect(rows.map((r) => r.path)).not.toContain("/api/v1/buildings?page=2");
  });
});
