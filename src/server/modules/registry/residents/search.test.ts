import { inArray, type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { queryRows, type Tx } from "../../../platform/db/client.js";
import { units } from "../units/units.table.js";
import { type ResidentMatch, residentPage } from "./search.repo.js";

// Item 21: a building manager's look-up by phone, email or plate stays on the blind indexes' plan right after a
// bulk import (the import refreshes the statistics the planner relies on). Issue 13: the plans are asserted
// (EXPLAIN), not timed; the timings are `npm run bench -- residents`'s.

const UNITS = 1200;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let env: TestEnv;
let admin: Client;
let manager: Client;
let buildingId: string;
let companyId: string;

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const phoneOf = (i: number) => `08${pad(i, 8)}`;

async function registry(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Căn hộ");
  const residents = wb.addWorksheet("Cư dân");
  const vehicles = wb.addWorksheet("Phương tiện");
  units.addRow(["Tòa/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"]);
  residents.addRow(["Mã căn hộ", "Họ và tên", "Vai trò", "Điện thoại", "Email", "Ngày sinh"]);
  vehicles.addRow(["Mã căn hộ", "Loại xe", "Biển số", "Chủ xe"]);
  for (let i = 0; i < UNITS; i++) {
    const code = `A-${pad(Math.floor(i / 60) + 1, 2)}.${pad((i % 60) + 1, 2)}`;
    units.addRow(["A", code, Math.floor(i / 60) + 1, 70]);
    residents.addRow([code, `Trần Văn ${pad(i, 5)}`, "Chủ hộ", phoneOf(i), `r${i}@example.vn`]);
    residents.addRow([code, `Lê Thị ${pad(i, 5)}`, "Thành viên", phoneOf(i), null]);
    residents.addRow([code, `Trần Minh ${pad(i, 5)}`, "Thành viên", null, null, "01/01/2015"]);
    vehicles.addRow([code, "Xe máy", `59X2${pad(i, 5)}`, `Trần Văn ${pad(i, 5)}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The plan PostgreSQL chooses for one of the list's queries, as the request role runs it (RLS applies). */
async function planOf(query: (tx: Tx) => { toSQL(): unknown }): Promise<string> {
  return env.db.transaction(companyId, async (tx) => {
    const rows = await queryRows<{ "QUERY PLAN": string }>(
      tx,
      sql`explain (costs off) ${query(tx) as unknown as SQL}`,
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const company = await newMember(env, "company_admin");
  companyId = company.companyId;
  admin = await signIn(env, company);
  const created = await admin.post("/api/v1/buildings", {
    name: "Sunrise Search",
    address: "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
    blocks: [{ name: "A", floors: 30 }],
  });
  buildingId = created.body.id;
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId: company.companyId, buildingIds: [buildingId] }),
  );
  const res = await admin.request("POST", `/api/v1/buildings/${buildingId}/import`, await registry(), {
    "content-type": XLSX,
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
}, 120_000);

describe("resident search right after an import", () => {
  it("leaves the registry's statistics fresh, so the planner knows the tables' sizes", async () => {
    const res = await env.db.owner.execute(
      sql`select relname, reltuples::int as n from pg_class
          where relname in ('residents', 'household_members', 'units') order by relname`,
    );
    const rows = (res as unknown as { rows: { relname: string; n: number }[] }).rows;
    expect(
      Object.fromEntries(rows.map((r) => [r.relname, r.n >= (r.relname === "units" ? UNITS : 3 * UNITS)])),
    ).toEqual({
      household_members: true,
      residents: true,
      units: true,
    });
  });

  it("finds a resident by phone, email and plate, as a building manager and as a company admin", async () => {
    const i = 777;
    const searches = {
      phone: `/api/v1/residents?q=${phoneOf(i)}&buildingId=${buildingId}`,
      email: `/api/v1/residents?q=r${i}@example.vn`,
      plate: `/api/v1/residents?q=59X2${pad(i, 5)}`,
    };
    // Row 777's owner has the phone, the email and the motorbike; the phone is also his wife's.
    const expected = {
      phone: [`Lê Thị ${pad(i, 5)}`, `Trần Văn ${pad(i, 5)}`],
      email: [`Trần Văn ${pad(i, 5)}`],
      plate: [`Trần Văn ${pad(i, 5)}`],
    };
    for (const [name, url] of Object.entries(searches)) {
      for (const [role, client] of Object.entries({ manager, admin })) {
        const found = await client.get(url);
        expect(found.status, `${name} as ${role}`).toBe(200);
        expect(
          found.body.items.map((r: { fullName: string }) => r.fullName).sort(),
          `${name} as ${role}`,
        ).toEqual(expected[name as keyof typeof expected]);
      }
    }
  });

  // DESIGN §7's ≤ 50 ms for these look-ups is measured by `npm run bench -- residents`; what a test can hold
  // without a clock is that they go through the blind indexes and never read the residents one by one.
  it("looks residents up by phone, email and plate through the blind indexes, for either scope", async () => {
    const { keyring } = env.app.platform;
    const matches: Record<string, { match: ResidentMatch; index: string }> = {
      phone: { match: { phoneBidx: keyring.blindIndex("phone", phoneOf(777)) }, index: "residents_phone" },
      email: {
        match: { emailBidx: keyring.blindIndex("email", "r777@example.vn") },
        index: "residents_email",
      },
      plate: {
        match: { plateBidx: keyring.blindIndex("plate", `59X2${pad(777, 5)}`) },
        index: "vehicles_plate",
      },
    };
    for (const [name, m] of Object.entries(matches)) {
      for (const [scope, buildingScope] of Object.entries({
        manager: inArray(units.buildingId, [buildingId]),
        admin: undefined,
      })) {
        const plan = await planOf((tx) =>
          residentPage(tx, { companyId, buildingScope, match: m.match, countUpTo: 1000 }).rows(20, 0),
        );
        expect(plan, `${name} as ${scope}:\n${plan}`).toContain(m.index);
        expect(plan, `${name} as ${scope}:\n${plan}`).not.toMatch(/Seq Scan on (residents|vehicles)/);
      }
    }
  });

  it("reads the unfiltered list's page in the name index's order and counts it on the memberships alone", async () => {
    for (const [scope, buildingScope] of Object.entries({
      manager: inArray(units.buildingId, [buildingId]),
      admin: undefined,
    })) {
      const page = await planOf((tx) =>
        residentPage(tx, { companyId, buildingScope, countUpTo: 1000 }).rows(20, 40),
      );
      // Walking the index in the list's order stops once the page is full: no sort of the whole list.
      expect(page, `${scope}:\n${page}`).toMatch(/Index Scan using residents_name on residents/);
      expect(page, `${scope}:\n${page}`).not.toMatch(/Sort/);
      const total = await planOf(
        (tx) => residentPage(tx, { companyId, buildingScope, countUpTo: 1000 }).total as never,
      );
      // Counted on the memberships' index, and only so far: no resident row is read.
      expect(total, `${scope}:\n${total}`).toMatch(
        /Limit[\s\S]*Index (Only )?Scan using household_members_\w+ on household_members/,
      );
      expect(total, `${scope}:\n${total}`).not.toMatch(/on residents/);
    }
  });

  it("answers the list's first and a later page in name order, counted up to four pages past the one asked for", async () => {
    const first = await manager.get(`/api/v1/residents?page=1&pageSize=5`);
    expect(first.status).toBe(200);
    // 3,600 residents live there: counted up to 1,000 (the least), then "more than".
    expect([first.body.total, first.body.totalCapped]).toEqual([1000, true]);
    // By name without diacritics: "le thi 00000", "le thi 00001", …
    expect(first.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `Lê Thị ${pad(n, 5)}`),
    );
    // Page 241 of 5 starts after the 1,200 "Lê Thị": counted up to page 245, 1,225 residents.
    const later = await admin.get(`/api/v1/residents?page=241&pageSize=5`);
    expect([later.body.total, later.body.totalCapped]).toEqual([1225, true]);
    expect(later.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `Trần Minh ${pad(n, 5)}`),
    );
    // A search that matches fewer is counted exactly: floor 1's 60 units, three residents each.
    const few = await manager.get("/api/v1/residents?q=A-01.");
    expect([few.body.total, few.body.totalCapped]).toEqual([180, false]);
  });
});
