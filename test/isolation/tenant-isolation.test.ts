import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildings } from "../../src/server/modules/buildings/buildings.table.js";
import {
  accessCards,
  changeRequests,
  householdFlags,
  householdMembers,
  residents,
} from "../../src/server/modules/registry/residents/residents.table.js";
import { units } from "../../src/server/modules/registry/units/units.table.js";
import { invitations, memberships } from "../../src/server/modules/staff/memberships.table.js";
import { auditLog } from "../../src/server/platform/audit/audit.table.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newBuilding, newMember, newUnit, signIn } from "../helpers/builders.js";
import type { Client } from "../helpers/client.js";

/**
 * A user of company A can never read or change company B's data: every B resource id answers 404 to A,
 * lists never show B's rows, and row-level security hides B's rows even from a query that forgets the
 * company filter.
 */
let env: TestEnv;
let adminA: Client;
let managerA: Client;
const b = {} as {
  companyId: string;
  buildingId: string;
  unitId: string;
  membershipId: string;
  invitationId: string;
  sessionId: string;
};

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const a = await newBuilding(env);
  const adminOfA = await newMember(env, "company_admin", { companyId: a.companyId });
  adminA = await signIn(env, adminOfA);
  managerA = await signIn(
    env,
    await newMember(env, "building_manager", { companyId: a.companyId, buildingIds: [a.buildingId] }),
  );

  const bUnit = await newUnit(env);
  const adminOfB = await newMember(env, "company_admin", { companyId: bUnit.companyId });
  const adminB = await signIn(env, adminOfB);
  const bManager = await newMember(env, "building_manager", { companyId: bUnit.companyId });
  const inv = await adminB.post("/api/v1/staff/invitations", {
    contact: "new-staff-b@example.vn",
    displayName: "Nhân viên B",
    role: "accountant",
    buildingIds: [bUnit.buildingId],
  });
  expect(inv.status).toBe(201);
  Object.assign(b, {
    companyId: bUnit.companyId,
    buildingId: bUnit.buildingId,
    unitId: bUnit.unitId,
    membershipId: bManager.membershipId,
    invitationId: inv.body.id,
    sessionId: (await adminB.get("/api/v1/me/sessions")).body.items[0].id,
  });
});

describe("tenant isolation through HTTP", () => {
  const cases = () =>
    [
      ["GET", `/api/v1/buildings/${b.buildingId}`, undefined],
      ["PATCH", `/api/v1/buildings/${b.buildingId}`, { name: "Chiếm quyền" }],
      ["DELETE", `/api/v1/buildings/${b.buildingId}`, undefined],
      ["GET", `/api/v1/buildings/${b.buildingId}/grid`, undefined],
      ["GET", `/api/v1/units/${b.unitId}`, undefined],
      ["PATCH", `/api/v1/units/${b.unitId}`, { status: "vacant" }],
      ["DELETE", `/api/v1/units/${b.unitId}`, undefined],
      ["PATCH", `/api/v1/staff/${b.membershipId}`, { role: "technician" }],
      ["DELETE", `/api/v1/staff/invitations/${b.invitationId}`, undefined],
      ["DELETE", `/api/v1/me/sessions/${b.sessionId}`, undefined],
    ] as const;

  it("answers 404 to company A's admin for every company B resource", async () => {
    await adminA.post("/api/v1/auth/reauth", { password: "Secret-2026" });
    for (const [method, url, body] of cases()) {
      const res = await adminA.request(method, url, body);
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
  });

  it("answers 404 to company A's manager for every company B resource they could address", async () => {
    for (const [method, url, body] of cases()) {
      const res = await managerA.request(method, url, body);
      expect([404, 403]).toContain(res.status);
      if (method === "GET") expect(res.status).toBe(404);
    }
  });

  it("never lists company B's rows", async () => {
    const lists = [
      "/api/v1/buildings?pageSize=100",
      "/api/v1/units?pageSize=100",
      "/api/v1/staff?pageSize=100",
      "/api/v1/staff/invitations?pageSize=100",
    ];
    for (const url of lists) {
      const res = await adminA.get(url);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(ids).not.toContain(b.buildingId);
      expect(ids).not.toContain(b.unitId);
      expect(ids).not.toContain(b.membershipId);
      expect(ids).not.toContain(b.invitationId);
    }
  });

  it("leaves company B's data unchanged", async () => {
    const [row] = await env.db.transaction(b.companyId, (tx) =>
      tx.select().from(buildings).where(sql`${buildings.id} = ${b.buildingId}`),
    );
    expect(row?.name).not.toBe("Chiếm quyền");
    const [inv] = await env.db.transaction(b.companyId, (tx) =>
      tx.select().from(invitations).where(sql`${invitations.id} = ${b.invitationId}`),
    );
    expect(inv?.revokedAt).toBeNull();
  });
});

describe("row-level security, the second lock", () => {
  it("hides other companies' rows from a query without a company filter, on every tenant table", async () => {
    const companyA = (await adminA.get("/api/v1/auth/me")).body.current.companyId as string;
    await env.db.transaction(companyA, async (tx) => {
      for (const table of [
        buildings,
        units,
        memberships,
        invitations,
        auditLog,
        residents,
        householdMembers,
        accessCards,
        changeRequests,
        householdFlags,
      ]) {
        const rows = await tx.select().from(table);
        expect(rows.every((r) => r.companyId === companyA)).toBe(true);
      }
      const raw = await tx.execute(
        sql`select count(*)::int as n from buildings where company_id = ${b.companyId}`,
      );
      expect((raw as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    });
  });

  it("forces row-level security on every table that carries a company_id", async () => {
    const { rows } = await env.db.ownerSql.query<{ table: string; rls: boolean; forced: boolean }>(
      `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from information_schema.columns k
                       where k.table_schema = 'public' and k.table_name = c.relname and k.column_name = 'company_id')`,
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => !r.rls || !r.forced).map((r) => r.table)).toEqual([]);
  });

  it("refuses to write a row into another company", async () => {
    const companyA = (await adminA.get("/api/v1/auth/me")).body.current.companyId as string;
    await expect(
      env.db.transaction(companyA, (tx) =>
        tx
          .insert(buildings)
          .values({ companyId: b.companyId, name: "Lén lút", address: "1 Đường Số 1", blocks: [] }),
      ),
    ).rejects.toThrow();
  });

  it("runs request transactions as app_user, not as the connection's owner", async () => {
    const who = await env.db.transaction(b.companyId, (tx) => tx.execute(sql`select current_user as u`));
    expect((who as unknown as { rows: { u: string }[] }).rows[0]?.u).toBe("app_user");
  });
});
