import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { entryHash } from "../../platform/audit/audit.service.js";
import { auditHeads, auditLog } from "../../platform/audit/audit.table.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

type Entry = {
  seq: number;
  action: string;
  entity: string;
  entityId: string | null;
  actor: { accountId: string | null; name: string | null };
  changes: { field: string; before?: unknown; after?: unknown; value?: unknown }[];
};

/** Today and its neighbours as days in Vietnam (UTC+7), computed here rather than by the code under test. */
const vnDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 24 * 3600_000).toISOString().slice(0, 10);

async function company() {
  const unit = await newUnit(env);
  const admin = await newMember(env, "company_admin", { companyId: unit.companyId });
  return { ...unit, adminId: admin.accountId, admin: await signIn(env, admin) };
}

const list = async (client: Client, query: Record<string, string | number | undefined> = {}) => {
  const res = await client.get<{ items: Entry[]; total: number }>("/api/v1/audit-log", query);
  expect(res.status).toBe(200);
  return res.body;
};

describe("audit-log viewer", () => {
  it("is for the company admin only", async () => {
    const { companyId, admin } = await company();
    for (const role of ["accountant", "building_manager", "customer_care", "resident"]) {
      const other = await signIn(env, await newMember(env, role, { companyId }));
      expect((await other.get("/api/v1/audit-log")).status, role).toBe(403);
      expect((await other.get("/api/v1/audit-log/verification")).status, role).toBe(403);
      expect((await other.get("/api/v1/audit-log/filters")).status, role).toBe(403);
    }
    expect((await admin.get("/api/v1/audit-log", { pageSize: 101 })).status).toBe(400);
    expect((await admin.get("/api/v1/audit-log", { from: "2026-02-30" })).status).toBe(400);
  });

  it("filters by person, record and Vietnamese day, newest first, and masks a resident's phone", async () => {
    const { companyId, unitId, admin, adminId } = await company();
    const second = await newMember(env, "company_admin", { companyId });
    const colleague = await signIn(env, second);
    const added = await admin.post(`/api/v1/units/${unitId}/household`, {
      role: "owner",
      fullName: "Lê Thị Hoa",
      phone: "0912345678",
    });
    expect(added.status).toBe(201);
    const residentId = added.body.resident.id as string;
    expect((await colleague.patch(`/api/v1/residents/${residentId}`, { phone: "0987654321" })).status).toBe(
      200,
    );
    expect(
      (
        await colleague.post("/api/v1/buildings", {
          name: "Tòa Mai",
          address: "5 Lý Thường Kiệt, Hà Nội",
          blocks: [{ name: "M", floors: 5 }],
        })
      ).status,
    ).toBe(201);

    const all = await list(admin);
    expect(all.items.map((e) => e.seq)).toEqual([...all.items.map((e) => e.seq)].sort((a, b) => b - a));
    const byColleague = await list(admin, { actorId: second.accountId });
    expect(byColleague.items.map((e) => e.action)).toEqual(["building.create", "resident.update"]);
    expect(byColleague.items.every((e) => e.actor.accountId === second.accountId)).toBe(true);
    expect(byColleague.items[0]?.actor.name).toEqual(expect.any(String));
    expect((await list(admin, { actorId: adminId })).items.map((e) => e.action)).toContain("household.add");

    const ofResident = await list(admin, { entity: "resident", entityId: residentId });
    expect(ofResident.total).toBe(1);
    expect(ofResident.items[0]?.changes).toContainEqual({ field: "phone", before: "***", after: "***" });
    const filters = (await admin.get("/api/v1/audit-log/filters")).body;
    expect(filters.actors.map((a: { accountId: string }) => a.accountId).sort()).toEqual(
      [adminId, second.accountId].sort(),
    );
    expect(filters.entities).toEqual(expect.arrayContaining(["resident", "household_member", "building"]));

    expect((await list(admin, { from: vnDay(0), to: vnDay(0) })).total).toBe(all.total);
    expect((await list(admin, { from: vnDay(1) })).total).toBe(0);
    expect((await list(admin, { to: vnDay(-1) })).total).toBe(0);

    // Nothing in any answer holds either phone number in clear.
    const text = JSON.stringify(all);
    for (const digits of ["912345678", "987654321", "0912 345 678"]) expect(text).not.toContain(digits);
  });

  it("masks, as it reads, a phone an older entry holds in clear, and reports where the chain breaks", async () => {
    const { companyId, admin } = await company();
    await admin.post("/api/v1/buildings", {
      name: "Tòa Cúc",
      address: "9 Hai Bà Trưng, Hà Nội",
      blocks: [{ name: "C", floors: 3 }],
    });
    // An entry written as if before the registry listed the phone: appended to the chain with a valid hash.
    await env.db.transaction(companyId, async (tx) => {
      const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.companyId, companyId));
      if (!head) throw new Error("head");
      const fields = {
        companyId,
        seq: head.seq + 1,
        at: new Date().toISOString(),
        actorAccountId: null,
        actorRole: null,
        action: "resident.update",
        entity: "resident",
        entityId: "legacy",
        changes: { phone: ["0911222333", "0944555666"], note: "legacy" },
        requestId: null,
      };
      const hash = entryHash(head.hash, fields);
      await tx.insert(auditLog).values({ ...fields, at: new Date(fields.at), prevHash: head.hash, hash });
      await tx.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.companyId, companyId));
    });
    const legacy = await list(admin, { entityId: "legacy" });
    const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);
    expect(legacy.items[0]?.changes.sort(byField)).toEqual([
      { field: "note", value: "legacy" },
      { field: "phone", before: "0911 *** 333", after: "0944 *** 666" },
    ]);

    const ok = (await admin.get("/api/v1/audit-log/verification")).body;
    const entries = legacy.items[0]?.seq as number;
    expect(ok).toMatchObject({ status: "verified", entries, verifiedThrough: entries, broken: null });

    // Someone with the database owner's rights edits entry 2: the chain holds up to 1, broken at 2.
    const where = and(eq(auditLog.companyId, companyId), eq(auditLog.seq, 2));
    const [original] = await env.db.owner.select().from(auditLog).where(where);
    await env.db.owner
      .update(auditLog)
      .set({ changes: { edited: true } })
      .where(where);
    try {
      const broken = (await admin.get("/api/v1/audit-log/verification")).body;
      expect(broken).toMatchObject({
        status: "broken",
        entries,
        verifiedThrough: 1,
        broken: { seq: 2, reason: "content does not match its hash" },
      });
    } finally {
      await env.db.owner
        .update(auditLog)
        .set({ changes: original?.changes ?? {} })
        .where(where);
    }
    expect((await admin.get("/api/v1/audit-log/verification")).body.status).toBe("verified");
  });

  it("shows a company admin nothing of another company", async () => {
    const a = await company();
    const b = await company();
    await a.admin.post("/api/v1/buildings", {
      name: "Tòa Lan",
      address: "1 Tràng Tiền, Hà Nội",
      blocks: [{ name: "L", floors: 4 }],
    });
    const mine = await list(a.admin, { entity: "building" });
    expect(mine.total).toBe(1);
    const theirs = await list(b.admin, { actorId: a.adminId });
    expect(theirs.total).toBe(0);
    const all = await list(b.admin, { pageSize: 100 });
    expect(all.items.some((e) => e.actor.accountId === a.adminId)).toBe(false);
    expect(JSON.stringify(all)).not.toContain("Tòa Lan");
    const filters = (await b.admin.get("/api/v1/audit-log/filters")).body;
    expect(filters.actors.map((x: { accountId: string }) => x.accountId)).not.toContain(a.adminId);
  });
});
