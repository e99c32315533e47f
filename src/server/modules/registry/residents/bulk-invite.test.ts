import { randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

/** Inviting a whole building (e.g. after an import) to the resident app, in the background. */
let env: TestEnv;

const tokenFor = (to: string) =>
  env.smtp.mails
    .findLast((m) => m.to.includes(to))
    ?.raw.replace(/=\r?\n/g, "")
    .match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] as string;

async function count(query: ReturnType<typeof sql>) {
  const result = (await env.db.owner.execute(query)) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000, jobs: true });
});

/**
 * A company of the test's own with a building's residents on the list, none invited yet: a family sharing one
 * phone, a child without any contact, and a tenant next door with an email (phone and email the test's own).
 */
async function building() {
  const a = await newUnit(env, { code: "C-01.01" });
  const { companyId, buildingId } = a;
  const unitA = a.unitId;
  const unitB = (await newUnit(env, { companyId, buildingId, code: "C-01.02" })).unitId;
  const manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  const phone = `0912${randomInt(100_000, 1_000_000)}`;
  const email = `tam.${randomBytes(4).toString("hex")}@example.vn`;
  const add = (unitId: string, body: Record<string, unknown>) =>
    manager.post(`/api/v1/units/${unitId}/household`, body).then((r) => {
      expect(r.status).toBe(201);
      return r.body.id as string;
    });
  await add(unitA, { role: "owner", fullName: "Phạm Văn Long", phone });
  await add(unitA, { role: "member", fullName: "Trần Thị Mai", phone, relation: "vợ" });
  await add(unitA, { role: "member", fullName: "Phạm Gia Bảo", relation: "con", dateOfBirth: "2018-03-02" });
  await add(unitB, { role: "tenant", fullName: "Hoàng Minh Tâm", email, leaseEndsOn: "2027-06-30" });
  /** The SMS sent to the family's phone. */
  const smsToFamily = () => env.sms.sent.filter((m) => m.phone.endsWith(phone.slice(1)));
  return { companyId, buildingId, unitA, unitB, manager, email, smsToFamily };
}

describe("bulk invitation of a building's residents", () => {
  it("is for the staff who keep the registry, in their own company", async () => {
    const { companyId, buildingId, manager } = await building();
    const tech = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [buildingId] }),
    );
    expect((await tech.post(`/api/v1/buildings/${buildingId}/invitations`, {})).status).toBe(403);
    const stranger = await signIn(env, await newMember(env, "company_admin"));
    const foreign = await stranger.post(`/api/v1/buildings/${buildingId}/invitations`, {});
    expect(foreign.status).toBe(404);
    const bad = await manager.post(`/api/v1/buildings/${buildingId}/invitations`, { unitIds: ["nope"] });
    expect(bad.status).toBe(400);
  });

  it("queues one invitation per person with a contact, sends them in the background, audited once", async () => {
    const { companyId, buildingId, manager, email, smsToFamily } = await building();
    const res = await manager.post(`/api/v1/buildings/${buildingId}/invitations`, {});
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      queued: 2,
      alreadyLinked: 0,
      alreadyInvited: 0,
      noContact: 1,
      sharedContact: 1,
    });

    await expect.poll(() => smsToFamily().length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => tokenFor(email), { timeout: 20_000 }).toBeTruthy();
    expect(smsToFamily()[0]?.text).toContain("Phạm Văn Long");

    expect(
      await count(
        sql`select count(*)::int as n from invitations where company_id = ${companyId} and role = 'resident'`,
      ),
    ).toBe(2);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where company_id = ${companyId} and action = 'invitation.bulk_create'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where company_id = ${companyId} and action = 'invitation.create'`,
      ),
    ).toBe(0);
  });

  it("does not invite anyone twice, and an accepted invitation links the account to the unit", async () => {
    const { buildingId, unitB, manager, email } = await building();
    // The building invited, and the tenant's invitation delivered.
    expect((await manager.post(`/api/v1/buildings/${buildingId}/invitations`, {})).status).toBe(202);
    await expect.poll(() => tokenFor(email), { timeout: 20_000 }).toBeTruthy();
    const again = await manager.post(`/api/v1/buildings/${buildingId}/invitations`, { unitIds: [unitB] });
    expect(again.body).toEqual({
      queued: 0,
      alreadyLinked: 0,
      alreadyInvited: 1,
      noContact: 0,
      sharedContact: 0,
    });

    const tenant = new Client(env.app);
    const accepted = await tenant.post(`/api/v1/invitations/${tokenFor(email)}/accept`, {
      password: "Minh-Tam-2026",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.me.current).toMatchObject({ role: "resident", unitIds: [unitB] });
    const after = await manager.post(`/api/v1/buildings/${buildingId}/invitations`, { unitIds: [unitB] });
    expect(after.body).toMatchObject({ queued: 0, alreadyLinked: 1 });
  });
});
