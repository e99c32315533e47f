import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newBuilding, newMember, PASSWORD, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
let manager: Client;

type Rows = (string | number | Date | null)[][];
type Book = { units?: Rows; residents?: Rows; vehicles?: Rows };

const HEADERS = {
  units: [
    "Tòa/Block",
    "Mã căn hộ",
    "Tầng",
    "Loại",
    "Diện tích (m²)",
    "Trạng thái",
    "Ngày bàn giao",
    "Quỹ bảo trì (VND)",
  ],
  residents: [
    "Mã căn hộ",
    "Họ và tên",
    "Vai trò",
    "Quan hệ với chủ hộ",
    "Điện thoại",
    "Email",
    "Ngày sinh",
    "Quốc tịch",
    "Ngày chuyển đến",
    "Hết hạn thuê",
  ],
  vehicles: ["Mã căn hộ", "Loại xe", "Biển số", "Chủ xe", "Màu", "Hãng", "Số thẻ xe"],
};
const NAMES = { units: "Căn hộ", residents: "Cư dân", vehicles: "Phương tiện" };

async function workbook(book: Book): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const key of ["units", "residents", "vehicles"] as const) {
    const rows = book[key];
    if (!rows) continue;
    const sheet = wb.addWorksheet(NAMES[key]);
    sheet.addRow(HEADERS[key]);
    for (const r of rows) sheet.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const UNITS: Rows = [
  ["A", "A-01.01", 1, "Căn hộ", 72.35, "Đang ở", "15/03/2024", 48_000_000],
  ["A", "A-01.02", 1, "Shophouse", "95,5", "Trống", null, null],
  ["B", "B-02.01", 2, "office", "60.10", "Đang sửa chữa", new Date(Date.UTC(2023, 0, 9)), "12.000.000"],
];
const RESIDENTS: Rows = [
  [
    "A-01.01",
    "Nguyễn Văn An",
    "Chủ hộ",
    null,
    "0912 345 678",
    "an@example.vn",
    "14/03/1985",
    "VN",
    "01/04/2024",
    null,
  ],
  // The wife shares her husband's phone; the child has none.
  ["A-01.01", "Trần Thị Bình", "Thành viên", "Vợ", "0912345678", null, "02/02/1987", "VN", null, null],
  ["A-01.01", "Nguyễn Minh Châu", "Thành viên", "Con", null, null, "20/06/2015", "VN", null, null],
  [
    "B-02.01",
    "John Smith",
    "Khách thuê",
    null,
    "+84 987 654 321",
    null,
    null,
    "GB",
    "01/01/2025",
    "31/12/2025",
  ],
];
const VEHICLES: Rows = [
  ["A-01.01", "Ô tô", "51a12345", "Nguyễn Văn An", "Trắng", "Toyota", "OTO-001"],
  ["A-01.01", "Xe máy", "59-X1 234.56", "Trần Thị Bình", "Đỏ", "Honda", null],
  ["A-01.01", "Xe đạp", null, "Nguyễn Minh Châu", "Xanh", null, "XD-7"],
  ["B-02.01", "Xe máy điện", "29-MĐ1 123.45", "John Smith", null, "VinFast", null],
];
const FULL: Book = { units: UNITS, residents: RESIDENTS, vehicles: VEHICLES };

const importFile = (client: Client, body: Buffer, query = "", type = XLSX, building = buildingId) =>
  client.request("POST", `/api/v1/buildings/${building}/import${query}`, body, { "content-type": type });

/** A binary download (the test client reads bodies as text). */
async function download(client: Client, url: string): Promise<{ status: number; body: Buffer }> {
  const res = await env.app.inject({
    method: "GET",
    url,
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  return { status: res.statusCode, body: res.rawPayload };
}

async function tableCounts(companyId: string) {
  const res = await env.db.owner.execute(sql`select
    (select count(*)::int from units where company_id = ${companyId}) as units,
    (select count(*)::int from residents where company_id = ${companyId}) as residents,
    (select count(*)::int from household_members where company_id = ${companyId}) as members,
    (select count(*)::int from vehicles where company_id = ${companyId}) as vehicles`);
  return (res as unknown as { rows: Record<string, number>[] }).rows[0];
}

const none = { create: 0, update: 0, unchanged: 0 };

type Own = { companyId: string; buildingId: string; manager: Client };

/**
 * A company of its own with the Sunrise building (blocks A and B) and its manager, and the full workbook imported
 * when asked: what a test counts or lists is then its own, whatever ran before it.
 */
async function ownBuilding(imported: boolean): Promise<Own> {
  const owner = await newMember(env, "company_admin");
  const itsAdmin = await signIn(env, owner);
  const created = await itsAdmin.post("/api/v1/buildings", {
    name: "Sunrise Riverside",
    address: "25 Nguyễn Hữu Thọ, Quận 7, TP. Hồ Chí Minh",
    blocks: [
      { name: "A", floors: 30 },
      { name: "B", floors: 20 },
    ],
  });
  const own = {
    companyId: owner.companyId,
    buildingId: created.body.id as string,
    manager: await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId: owner.companyId,
        buildingIds: [created.body.id],
      }),
    ),
  };
  if (imported) {
    const res = await importFile(own.manager, await workbook(FULL), "", XLSX, own.buildingId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return own;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const company = await newMember(env, "company_admin");
  companyId = company.companyId;
  admin = await signIn(env, company);
  const created = await admin.post("/api/v1/buildings", {
    name: "Sunrise Riverside",
    address: "25 Nguyễn Hữu Thọ, Quận 7, TP. Hồ Chí Minh",
    blocks: [
      { name: "A", floors: 30 },
      { name: "B", floors: 20 },
    ],
  });
  buildingId = created.body.id;
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
});

describe("registry import", () => {
  it("refuses strangers: 401, 403 for other roles, 404 for other buildings and companies", async () => {
    const body = await workbook({ units: UNITS });
    expect((await importFile(new Client(env.app), body)).status).toBe(401);
    const technician = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [buildingId] }),
    );
    expect((await importFile(technician, body)).status).toBe(403);
    expect((await download(technician, `/api/v1/buildings/${buildingId}/export.xlsx`)).status).toBe(403);
    const elsewhere = await newBuilding(env, companyId);
    const otherManager = await signIn(
      env,
      await newMember(env, "building_manager", { companyId, buildingIds: [elsewhere.buildingId] }),
    );
    expect((await importFile(otherManager, body)).status).toBe(404);
    const foreign = await newBuilding(env);
    expect((await importFile(admin, body, "", XLSX, foreign.buildingId)).status).toBe(404);
    expect((await download(admin, `/api/v1/buildings/${foreign.buildingId}/export.xlsx`)).status).toBe(404);
  });

  it("serves a template with a guide (holding the examples) and empty sheets, which imports nothing", async () => {
    const res = await download(manager, "/api/v1/registry/template.xlsx");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Hướng dẫn", "Căn hộ", "Cư dân", "Phương tiện"]);
    expect(wb.getWorksheet("Cư dân")?.getRow(1).values).toEqual([undefined, ...HEADERS.residents]);
    const preview = await importFile(manager, res.body, "?dryRun=true");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.counts).toEqual({ units: none, residents: none, vehicles: none });
    expect(wb.getWorksheet("Hướng dẫn")?.getRow(1).values).toContain("Ví dụ");
    expect(wb.getWorksheet("Cư dân")?.rowCount).toBe(1);
  });

  it("writes nothing on a dry run", async () => {
    const own = await ownBuilding(false);
    const before = await tableCounts(own.companyId);
    const res = await importFile(own.manager, await workbook(FULL), "?dryRun=true", XLSX, own.buildingId);
    expect(res.body).toMatchObject({
      dryRun: true,
      counts: { units: { create: 3 }, residents: { create: 4 } },
    });
    expect(res.body.sample[0]).toEqual({ sheet: "units", row: 2, action: "create", key: "A-01.01" });
    expect(await tableCounts(own.companyId)).toEqual(before);
  });

  it("imports units, households (shared phone, child without one) and vehicles; a re-import changes nothing", async () => {
    const { companyId, buildingId, manager } = await ownBuilding(false);
    const file = await workbook(FULL);
    const first = await importFile(manager, file, "", XLSX, buildingId);
    expect(first.status).toBe(200);
    expect(first.body.counts).toEqual({
      units: { ...none, create: 3 },
      residents: { ...none, create: 4 },
      vehicles: { ...none, create: 4 },
    });
    const list = await manager.get(`/api/v1/units?buildingId=${buildingId}&sort=code`);
    expect(list.body.items.map((u: { code: string; areaM2: number }) => [u.code, u.areaM2])).toEqual([
      ["A-01.01", 72.35],
      ["A-01.02", 95.5],
      ["B-02.01", 60.1],
    ]);
    const a0101 = list.body.items[0];
    expect(a0101).toMatchObject({
      handoverDate: "2024-03-15",
      maintenanceFundVnd: 48_000_000,
      status: "occupied",
    });
    const household = await manager.get(`/api/v1/units/${a0101.id}/household`);
    expect(household.body.members.map((m: any) => [m.resident.fullName, m.resident.phone])).toEqual(
      expect.arrayContaining([
        ["Nguyễn Văn An", "0912 *** 678"],
        ["Trần Thị Bình", "0912 *** 678"],
        ["Nguyễn Minh Châu", null],
      ]),
    );
    const vehicles = await manager.get(`/api/v1/units/${a0101.id}/vehicles`);
    expect(vehicles.body.items.map((v: { plate: string | null }) => v.plate).sort()).toEqual([
      "51A-123.45",
      "59-X1 234.56",
      null,
    ]);

    const again = await importFile(manager, file, "", XLSX, buildingId);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.counts).toEqual({
      units: { ...none, unchanged: 3 },
      residents: { ...none, unchanged: 4 },
      vehicles: { ...none, unchanged: 4 },
    });
    const audits = await env.db.owner.execute(
      sql`select changes from audit_log where company_id = ${companyId} and action = 'registry.import' order by seq`,
    );
    const entries = (audits as unknown as { rows: { changes: Record<string, unknown> }[] }).rows;
    expect(entries).toHaveLength(2);
    expect(entries[0]?.changes).toMatchObject({ count: 11, unitsCreated: 3, residentsCreated: 4 });
  });

  it("reports exactly one update for one changed cell", async () => {
    const own = await ownBuilding(true);
    const units = UNITS.map((r) => (r[1] === "A-01.02" ? [...r.slice(0, 4), "96,5", ...r.slice(5)] : r));
    const res = await importFile(own.manager, await workbook({ ...FULL, units }), "", XLSX, own.buildingId);
    expect(res.body.counts).toEqual({
      units: { create: 0, update: 1, unchanged: 2 },
      residents: { ...none, unchanged: 4 },
      vehicles: { ...none, unchanged: 4 },
    });
    expect(res.body.sample).toEqual([{ sheet: "units", row: 3, action: "update", key: "A-01.02" }]);
  });

  it("keeps no phone in clear, in the registry or the audit log", async () => {
    await ownBuilding(true);
    const found = await env.db.owner.execute(sql`select
      (select count(*)::int from residents where encode(coalesce(phone_enc, ''), 'escape') like '%0912345678%'
        or full_name like '%0912%' or phone_bidx = '0912345678') as residents,
      (select count(*)::int from audit_log where changes::text like '%0912345678%') as audit`);
    expect((found as unknown as { rows: unknown[] }).rows[0]).toEqual({ residents: 0, audit: 0 });
  });

  it("writes nothing from a file with errors and reports each bad cell", async () => {
    // The vehicles name A-01.01's people, so the building holds the full workbook first.
    const own = await ownBuilding(true);
    const before = await tableCounts(own.companyId);
    const bad = await workbook({
      units: [
        ["A", "A-05.01", 5, "Căn hộ", "72,355", "Đang ở", null, null],
        ["Z", "Z-01.01", 1, "Căn hộ", 50, null, null, null],
        ["A", "A-99.01", 99, "Căn hộ", 50, null, null, null],
        ["A", "A-05.01", 5, "Căn hộ", 50, null, null, null],
        ["A", "A-05.02", 5, "Lâu đài", 50, null, "31/02/2024", null],
      ],
      residents: [
        ["A-05.02", "Lê Văn Dũng", "Chủ hộ", null, "12345", null, null, null, null, null],
        ["X-00.00", "Phạm Thị Em", "Chủ hộ", null, null, null, null, null, null, null],
      ],
      vehicles: [
        ["A-01.01", "Ô tô", "ABC", "Nguyễn Văn An", null, null, null],
        ["A-01.01", "Xe máy", "59-X1 999.99", "Người Lạ", null, null, null],
      ],
    });
    const vi = await importFile(own.manager, bad, "", XLSX, own.buildingId);
    expect(vi.status).toBe(422);
    expect(vi.body.error.code).toBe("IMPORT_INVALID");
    const cells = vi.body.error.details.errors.map((e: any) => [e.sheet, e.row, e.column, e.code]);
    const expected = [
      ["Căn hộ", 2, "Diện tích (m²)", "IMPORT_AREA"],
      ["Căn hộ", 3, "Tòa/Block", "UNIT_BLOCK_UNKNOWN"],
      ["Căn hộ", 4, "Tầng", "UNIT_FLOOR_OUTSIDE"],
      ["Căn hộ", 5, "Mã căn hộ", "IMPORT_DUPLICATE"],
      ["Căn hộ", 6, "Loại", "IMPORT_CHOICE"],
      ["Căn hộ", 6, "Ngày bàn giao", "IMPORT_DATE_IMPOSSIBLE"],
      ["Cư dân", 2, "Điện thoại", "IMPORT_PHONE"],
      ["Cư dân", 3, "Mã căn hộ", "IMPORT_UNIT_UNKNOWN"],
      ["Phương tiện", 2, "Biển số", "PLATE_INVALID"],
      ["Phương tiện", 3, "Chủ xe", "VEHICLE_OWNER_NOT_MEMBER"],
    ];
    expect(cells).toEqual(expect.arrayContaining(expected));
    expect(vi.body.error.details.count).toBe(expected.length);
    expect(vi.body.error.details.errors[0].message).toMatch(/Diện tích/);
    expect(await tableCounts(own.companyId)).toEqual(before);
  });

  it("answers the error report in English for an English speaker", async () => {
    const english = await signIn(
      env,
      await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
    );
    await english.patch("/api/v1/me", { lang: "en" });
    const res = await importFile(
      english,
      await workbook({ units: [["A", "A-07.01", 7, "Căn hộ", -1, null, null, null]] }),
    );
    expect(res.body.error.details.errors[0]).toMatchObject({ column: "Diện tích (m²)", code: "IMPORT_AREA" });
    expect(res.body.error.details.errors[0].message).toMatch(/area must be/);
  });

  it("imports one sheet from CSV, keeping phones' leading zero", async () => {
    const units = `\uFEFF${HEADERS.units.join(",")}\nA,A-08.01,8,Căn hộ,"68,4",Trống,,\n`;
    const res = await importFile(manager, Buffer.from(units), "?format=csv&sheet=units", "text/csv");
    expect(res.body.counts.units).toEqual({ ...none, create: 1 });
    const residents = `${HEADERS.residents.join(",")}\nA-08.01,Hoàng Văn Giang,Chủ hộ,,0387654321,,,,,\n`;
    const imported = await importFile(
      manager,
      Buffer.from(residents),
      "?format=csv&sheet=residents",
      "text/csv",
    );
    expect(imported.body.counts.residents).toEqual({ ...none, create: 1 });
    const found = await manager.get("/api/v1/residents?q=0387654321");
    expect(found.body.items.map((r: { fullName: string }) => r.fullName)).toEqual(["Hoàng Văn Giang"]);
  });

  it("exports the same three sheets: contacts masked, or in full after re-confirmation, recorded per person", async () => {
    const { companyId, buildingId, manager } = await ownBuilding(true);
    const masked = await download(manager, `/api/v1/buildings/${buildingId}/export.xlsx`);
    expect(masked.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(masked.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Căn hộ", "Cư dân", "Phương tiện"]);
    const phones = wb.getWorksheet("Cư dân")?.getColumn(5).values.slice(2);
    expect(phones).toContain("0912 *** 678");
    expect(phones).not.toContain("0912345678");

    await env.db.owner.execute(sql`update sessions set reauth_at = null`);
    env.app.platform.sessionCache.forget();
    const url = `/api/v1/buildings/${buildingId}/export.xlsx?withContacts=true`;
    expect((await download(manager, url)).status).toBe(403);
    await manager.post("/api/v1/auth/reauth", { password: PASSWORD });
    const full = await download(manager, url);
    expect(full.status).toBe(200);
    const reveals = await env.db.owner.execute(
      sql`select count(*)::int as n from personal_data_reveals where company_id = ${companyId} and field = 'export'`,
    );
    // One reveal per person of the building: the workbook's four residents.
    expect((reveals as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(4);
    const again = await importFile(manager, full.body, "", XLSX, buildingId);
    expect(again.status).toBe(200);
    expect(again.body.counts.units.update + again.body.counts.residents.update).toBe(0);
    expect(again.body.counts.vehicles).toEqual({ ...none, unchanged: 4 });
  });
});
