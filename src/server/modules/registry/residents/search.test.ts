import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";

// Item 21: a building manager's look-up by phone, email or plate stays on the blind indexes' plan right after a
// bulk import (the import refreshes the statistics the planner relies on).

const UNITS = 1200;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let env: TestEnv;
let admin: Client;
let manager: Client;
let buildingId: string;

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const phoneOf = (i: number) => `08${pad(i, 8)}`;

async function registry(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Căn hộ");
  const residents = wb.addWorksheet("Cư dân");
  const vehicles = wb.addWorksheet("Phương tiện");
  units.addRow(["Toà/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"]);
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

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[3] as number;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const company = await newMember(env, "company_admin");
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

  it("finds a resident by phone, email and plate within 50 ms, as a building manager and as a company admin", async () => {
    const i = 777;
    const searches = {
      phone: `/api/v1/residents?q=${phoneOf(i)}&buildingId=${buildingId}`,
      email: `/api/v1/residents?q=r${i}@example.vn`,
      plate: `/api/v1/residents?q=59X2${pad(i, 5)}`,
      list: "/api/v1/residents",
    };
    for (const [name, url] of Object.entries(searches)) {
      for (const [role, client] of Object.entries({ manager, admin })) {
        const found = await client.get(url);
        expect(found.status).toBe(200);
        if (name !== "list") expect(found.body.items.length, `${name} ${role}`).toBeGreaterThan(0);
        const ms = await medianMs(() => client.get(url));
        expect(ms, `${name} as ${role}: ${ms.toFixed(1)} ms`).toBeLessThan(50);
      }
    }
  });
});
