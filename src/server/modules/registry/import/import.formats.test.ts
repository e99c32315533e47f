import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { importFromFile } from "../../../../cli/import.js";
import { AppError } from "../../../platform/errors.js";

// How spreadsheets arrive in practice: numbers written the Vietnamese or English way, hidden sheets, headers
// worded differently, the template's examples, and workbooks whose parts come in another order — read alike by
// the API and the CLI.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Rows = (string | number | Date | null)[][];
type Sheet = { name: string; headers: string[]; rows: Rows; state?: "hidden" | "veryHidden" };

const UNIT_HEADERS = [
  "Tòa/Block",
  "Mã căn hộ",
  "Tầng",
  "Loại",
  "Diện tích (m²)",
  "Trạng thái",
  "Ngày bàn giao",
  "Quỹ bảo trì (VND)",
];
const RESIDENT_HEADERS = [
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
];
const VEHICLE_HEADERS = ["Mã căn hộ", "Loại xe", "Biển số", "Chủ xe", "Màu", "Hãng", "Số thẻ xe"];

let env: TestEnv;
let companyId: string;
let admin: Client;
let counter = 0;

async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A building of the test's own, with blocks A (20 floors). */
async function building(): Promise<string> {
  const res = await admin.post("/api/v1/buildings", {
    name: `Tòa ${++counter}`,
    address: "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
    blocks: [{ name: "A", floors: 20 }],
  });
  return res.body.id;
}

const upload = (buildingId: string, body: Buffer, query = "") =>
  admin.request("POST", `/api/v1/buildings/${buildingId}/import${query}`, body, { "content-type": XLSX });

const errorsOf = (res: { body: any }) =>
  (res.body.error?.details?.errors ?? []).map((e: any) => [e.sheet, e.row, e.column, e.code]);

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const company = await newMember(env, "company_admin");
  companyId = company.companyId;
  admin = await signIn(env, company);
});

describe("numbers as spreadsheets write them (item 16)", () => {
  it("reads 41.070.000,00 and 41,070,000.00 as 41,070,000 đ", async () => {
    const buildingId = await building();
    const file = await workbook([
      {
        name: "Căn hộ",
        headers: UNIT_HEADERS,
        rows: [
          ["A", "A-01.01", 1, "Căn hộ", "72,35", null, null, "41.070.000,00"],
          ["A", "A-01.02", "1", "Căn hộ", "1.234,50", null, null, "41,070,000.00"],
          ["A", "A-01.03", 1, "Căn hộ", "72.35", null, null, "41 070 000"],
        ],
      },
    ]);
    const res = await upload(buildingId, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await admin.get(`/api/v1/units?buildingId=${buildingId}&sort=code`);
    expect(list.body.items.map((u: any) => [u.code, u.areaM2, u.maintenanceFundVnd])).toEqual([
      ["A-01.01", 72.35, 41_070_000],
      ["A-01.02", 1234.5, 41_070_000],
      ["A-01.03", 72.35, 41_070_000],
    ]);
  });

  it("refuses a fractional đồng amount and a fractional floor instead of reading them 10× or 100× larger", async () => {
    const buildingId = await building();
    const file = await workbook([
      {
        name: "Căn hộ",
        headers: UNIT_HEADERS,
        rows: [
          ["A", "A-02.01", 2, "Căn hộ", 50, null, null, "48000000,5"],
          ["A", "A-02.02", "1.5", "Căn hộ", 50, null, null, null],
          ["A", "A-02.03", 2, "Căn hộ", 50, null, null, 48_000_000.5],
        ],
      },
    ]);
    const res = await upload(buildingId, file, "?dryRun=true");
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toEqual([
      ["Căn hộ", 2, "Quỹ bảo trì (VND)", "IMPORT_NUMBER"],
      ["Căn hộ", 3, "Tầng", "IMPORT_NUMBER"],
      ["Căn hộ", 4, "Quỹ bảo trì (VND)", "IMPORT_NUMBER"],
    ]);
  });
});

describe("what is read (item 17)", () => {
  it("reads only visible sheets", async () => {
    const buildingId = await building();
    const file = await workbook([
      { name: "Căn hộ", headers: UNIT_HEADERS, rows: [["A", "A-03.01", 3, "Căn hộ", 50, null, null, null]] },
      { name: "Phương tiện", headers: VEHICLE_HEADERS, rows: [["X", "?", "?", "?"]], state: "hidden" },
    ]);
    const res = await upload(buildingId, file, "?dryRun=true");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts.units.create).toBe(1);
    expect(res.body.counts.vehicles).toEqual({ create: 0, update: 0, unchanged: 0 });
  });

  it("matches documented synonyms of headers and reports a header it does not know", async () => {
    const buildingId = await building();
    const units = {
      name: "Căn hộ",
      headers: UNIT_HEADERS,
      rows: [["A", "A-04.01", 4, "Căn hộ", 50, null, null, null]],
    };
    const synonyms = RESIDENT_HEADERS.map((h) =>
      h === "Điện thoại" ? "Số điện thoại" : h === "Họ và tên" ? "Họ tên" : h,
    );
    const ok = await upload(
      buildingId,
      await workbook([
        units,
        {
          name: "Cư dân",
          headers: synonyms,
          rows: [["A-04.01", "Đặng Thu Hà", "Chủ hộ", null, "0933111222"]],
        },
      ]),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const found = await admin.get("/api/v1/residents?q=0933111222");
    expect(found.body.items.map((r: any) => r.fullName)).toEqual(["Đặng Thu Hà"]);

    const unknown = await upload(
      buildingId,
      await workbook([
        units,
        {
          name: "Cư dân",
          headers: [...RESIDENT_HEADERS.filter((h) => h !== "Điện thoại"), "Số ĐT liên lạc"],
          rows: [["A-04.01", "Đặng Thu Hà", "Chủ hộ", null, null, null, null, null, null, "0933111222"]],
        },
      ]),
      "?dryRun=true",
    );
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)).toEqual([["Cư dân", 1, "Số ĐT liên lạc", "IMPORT_COLUMN_UNKNOWN"]]);
  });

  it("never imports the template's example rows", async () => {
    const buildingId = await building();
    const template = await env.app.inject({
      method: "GET",
      url: "/api/v1/registry/template.xlsx",
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    const asDownloaded = await upload(buildingId, template.rawPayload, "?dryRun=true");
    expect(asDownloaded.status, JSON.stringify(asDownloaded.body)).toBe(200);
    const none = { create: 0, update: 0, unchanged: 0 };
    expect(asDownloaded.body.counts).toEqual({ units: none, residents: none, vehicles: none });
    // The rows the template used to carry in its sheets: the example person is refused, so the file is.
    const copied = await upload(
      buildingId,
      await workbook([
        {
          name: "Căn hộ",
          headers: UNIT_HEADERS,
          rows: [["A", "A-12.05", 12, "Căn hộ", 72.35, "Đang ở", "15/03/2024", 48_000_000]],
        },
        {
          name: "Cư dân",
          headers: RESIDENT_HEADERS,
          rows: [
            [
              "A-12.05",
              "Nguyễn Văn An",
              "Chủ hộ",
              null,
              "0912345678",
              "an.nguyen@example.vn",
              "14/03/1985",
              "VN",
              "01/04/2024",
            ],
          ],
        },
      ]),
      "?dryRun=true",
    );
    expect(copied.status).toBe(422);
    expect(errorsOf(copied)).toEqual([["Cư dân", 2, "Họ và tên", "IMPORT_EXAMPLE_ROW"]]);
  });

  it("refuses a date of birth in the future", async () => {
    const buildingId = await building();
    const next = new Date().getUTCFullYear() + 1;
    const res = await upload(
      buildingId,
      await workbook([
        {
          name: "Căn hộ",
          headers: UNIT_HEADERS,
          rows: [["A", "A-05.01", 5, "Căn hộ", 50, null, null, null]],
        },
        {
          name: "Cư dân",
          headers: RESIDENT_HEADERS,
          rows: [["A-05.01", "Vũ Minh Khôi", "Chủ hộ", null, "0944555666", null, `01/01/${next}`]],
        },
      ]),
      "?dryRun=true",
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toEqual([["Cư dân", 2, "Ngày sinh", "IMPORT_DATE_FUTURE"]]);
  });
});

describe("errors (item 18)", () => {
  it("reports a refused resident once, not again on the vehicle naming them", async () => {
    const buildingId = await building();
    const res = await upload(
      buildingId,
      await workbook([
        {
          name: "Căn hộ",
          headers: UNIT_HEADERS,
          rows: [["A", "A-06.01", 6, "Căn hộ", 50, null, null, null]],
        },
        {
          name: "Cư dân",
          headers: RESIDENT_HEADERS,
          rows: [["A-06.01", "Lý Thị Mai", "Chủ hộ", null, "12345"]],
        },
        {
          name: "Phương tiện",
          headers: VEHICLE_HEADERS,
          rows: [["A-06.01", "Xe máy", "59-X1 555.66", "Lý Thị Mai"]],
        },
      ]),
      "?dryRun=true",
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toEqual([["Cư dân", 2, "Điện thoại", "IMPORT_PHONE"]]);
    expect(res.body.error.details.count).toBe(1);
  });
});

describe("one reader for the API and the CLI (item 19)", () => {
  const JSZip = createRequire(import.meta.url)("jszip");
  /** The same workbook with its zip entries in another order (as other spreadsheet programs write them). */
  async function reordered(file: Buffer, first: string[], last: string[]): Promise<Buffer> {
    const zip = await JSZip.loadAsync(file);
    const names = Object.keys(zip.files).filter((n: string) => !zip.files[n].dir);
    const middle = names.filter((n: string) => !first.includes(n) && !last.includes(n));
    const out = new JSZip();
    for (const n of [...first, ...middle, ...last].filter((x) => names.includes(x)))
      out.file(n, await zip.file(n).async("nodebuffer"));
    return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  async function viaCli(buildingId: string, file: Buffer) {
    const dir = mkdtempSync(path.join(tmpdir(), "cc-import-"));
    const at = path.join(dir, "so-dang-ky.xlsx");
    writeFileSync(at, file);
    expect(readFileSync(at).equals(file)).toBe(true);
    try {
      const r = await importFromFile(env.db, env.app.platform, {
        buildingId,
        file: at,
        sheet: "all",
        dryRun: true,
      });
      return { status: 200, body: r as any };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { status: err.status, body: { error: { code: err.code, details: err.details } } };
    }
  }

  it("gives the same answer for the same file, whatever the order of its parts", async () => {
    const buildingId = await building();
    const base = await workbook([
      {
        name: "Căn hộ",
        headers: UNIT_HEADERS,
        rows: [
          ["A", "A-07.01", 7, "Căn hộ", "72,35", "Đang ở", "15/03/2024", "12.000.000"],
          ["A", "A-07.02", 7, "Shophouse", 95.5, null, null, null],
        ],
      },
      {
        name: "Cư dân",
        headers: RESIDENT_HEADERS,
        rows: [["A-07.01", "Phan Quốc Bảo", "Chủ hộ", null, "0955666777", null, "02/02/1980"]],
      },
      { name: "Ghi chú", headers: ["Không đọc"], rows: [["x"]], state: "hidden" },
    ]);
    const files = {
      asWritten: base,
      workbookLast: await reordered(
        base,
        ["xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"],
        ["xl/workbook.xml"],
      ),
      sheetsFirst: await reordered(base, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"], []),
    };
    for (const [name, file] of Object.entries(files)) {
      const api = await upload(buildingId, file, "?dryRun=true");
      const cli = await viaCli(buildingId, file);
      expect(api.status, `${name}: ${JSON.stringify(api.body)}`).toBe(200);
      expect(cli, name).toEqual({ status: 200, body: api.body });
      expect(api.body.counts.units.create, name).toBe(2);
      expect(api.body.counts.residents.create, name).toBe(1);
    }
  });

  it("answers 422 for an upload that is no workbook or is empty (the stream is not trusted)", async () => {
    const buildingId = await building();
    const garbage = await upload(buildingId, Buffer.from("PK\u0003\u0004 not really a zip"), "?dryRun=true");
    expect([garbage.status, garbage.body.error.code]).toEqual([422, "IMPORT_FILE_UNREADABLE"]);
    const empty = await upload(buildingId, Buffer.alloc(0), "?dryRun=true");
    expect([empty.status, empty.body.error.code]).toEqual([422, "IMPORT_BODY_MISSING"]);
  });

  it("reads the product's own template from the CLI as the API does", async () => {
    const buildingId = await building();
    const template = await env.app.inject({
      method: "GET",
      url: "/api/v1/registry/template.xlsx",
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    const api = await upload(buildingId, template.rawPayload, "?dryRun=true");
    expect(await viaCli(buildingId, template.rawPayload)).toEqual({ status: api.status, body: api.body });
    void companyId;
  });
});

// Which sheet a file holds is read from its header row, and the messages say what is wrong where: the phone
// column by its header as written in the file, an impossible date apart from a badly written one.

/** A CSV file, checked only, without saying which sheet it holds. */
const csv = (buildingId: string, text: string) =>
  admin.request("POST", `/api/v1/buildings/${buildingId}/import?format=csv&dryRun=true`, text, {
    "content-type": "text/csv",
  });

/** Units, from a worksheet called "Bảng 1": recognised by its headers. */
async function buildingWithUnits() {
  const buildingId = await building();
  const res = await upload(
    buildingId,
    await workbook([
      {
        name: "Bảng 1",
        headers: ["Tòa/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"],
        rows: [
          ["A", "A-03.01", 3, 70],
          ["A", "A-03.02", 3, "65,5"],
        ],
      },
    ]),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.counts.units.create).toBe(2);
  return buildingId;
}

describe("sheet detection and messages (issue 13, item 5)", () => {
  it("checks a residents worksheet named Sheet1 as residents, naming the phone column and the impossible date", async () => {
    const buildingId = await buildingWithUnits();
    const res = await upload(
      buildingId,
      await workbook([
        {
          name: "Sheet1",
          headers: ["STT", "Mã căn hộ", "Họ tên", "Vai trò", "Số điện thoại", "Ngày sinh"],
          rows: [
            [1, "A-03.01", "Trịnh Văn Hải", "Chủ hộ", "0905 12", "14/03/1985"],
            [2, "A-03.02", "Mạc Thị Lan", "Chủ hộ", "0905123456", "31/02/1990"],
            [3, "A-03.02", "Mạc Văn Tú", "Thành viên", "0905123457", "1990-02-31"],
            [4, "A-03.02", "Mạc Văn Tài", "Thành viên", "0905123458", "31.2.90"],
          ],
        },
      ]),
      "?dryRun=true",
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toEqual([
      ["Sheet1", 2, "Số điện thoại", "IMPORT_PHONE"],
      ["Sheet1", 3, "Ngày sinh", "IMPORT_DATE_IMPOSSIBLE"],
      ["Sheet1", 4, "Ngày sinh", "IMPORT_DATE_IMPOSSIBLE"],
      ["Sheet1", 5, "Ngày sinh", "IMPORT_DATE"],
    ]);
    const messages = (res.body.error.details.errors as { message: string }[]).map((e) => e.message);
    expect(messages[0]).toBe(
      "Số điện thoại không hợp lệ (dòng 2, cột “Số điện thoại”): cần số di động 10 chữ số, ví dụ 0912345678.",
    );
    expect(messages[1]).toBe("Không có ngày 31/02/1990: tháng 2/1990 chỉ có 28 ngày.");
    expect(messages[3]).toBe("Ngày phải theo dạng dd/MM/yyyy.");
  });

  it("says so in English too", async () => {
    const buildingId = await buildingWithUnits();
    await admin.patch("/api/v1/me", { lang: "en" });
    const res = await admin.request(
      "POST",
      `/api/v1/buildings/${buildingId}/import?dryRun=true`,
      await workbook([
        {
          name: "Residents 2026",
          headers: ["Unit code", "Full name", "Role", "Mobile", "Date of birth"],
          rows: [["A-03.01", "Trịnh Văn Hải", "Owner", "12345", "29/02/2023"]],
        },
      ]),
      { "content-type": XLSX },
    );
    await admin.patch("/api/v1/me", { lang: "vi" });
    const messages = (res.body.error.details.errors as { message: string }[]).map((e) => e.message);
    expect(messages).toEqual([
      "Invalid phone number (row 2, column “Mobile”): a 10-digit mobile number such as 0912345678.",
      "There is no 29/02/2023: month 2/2023 has only 28 days.",
    ]);
  });

  it("follows the headers over the worksheet's name, and leaves notes alone", async () => {
    const buildingId = await buildingWithUnits();
    const res = await upload(
      buildingId,
      await workbook([
        { name: "Ghi chú", headers: ["Danh sách cư dân cập nhật tháng 11"], rows: [["Người lập: BQL"]] },
        {
          name: "Căn hộ",
          headers: ["Mã căn hộ", "Họ và tên", "Vai trò", "Điện thoại"],
          rows: [["A-03.01", "Trịnh Văn Hải", "Chủ hộ", "0905123456"]],
        },
      ]),
      "?dryRun=true",
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts.residents.create).toBe(1);
    expect(res.body.counts.units).toEqual({ create: 0, update: 0, unchanged: 0 });
  });

  it("refuses a worksheet that looks like data but matches no sheet, saying which", async () => {
    const buildingId = await buildingWithUnits();
    const res = await upload(
      buildingId,
      await workbook([
        {
          name: "Dữ liệu",
          // A residents sheet without its "Vai trò" column: no sheet has all its required columns.
          headers: ["Mã căn hộ", "Họ và tên", "Điện thoại"],
          rows: [["A-03.01", "Trịnh Văn Hải", "0905123456"]],
        },
      ]),
      "?dryRun=true",
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toEqual([["Dữ liệu", 1, "", "IMPORT_SHEET_UNKNOWN"]]);
    expect(res.body.error.details.errors[0].message).toContain("Không nhận ra trang “Dữ liệu”");
  });

  it("detects a CSV file's sheet from its headers (no sheet named), and refuses one it cannot place", async () => {
    const buildingId = await buildingWithUnits();
    const residents = "Mã căn hộ,Họ và tên,Vai trò,Điện thoại\nA-03.02,Mạc Thị Lan,Chủ hộ,0905123456\n";
    const ok = await csv(buildingId, residents);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.counts.residents.create).toBe(1);
    expect(ok.body.counts.units.create).toBe(0);

    const vehicles = "Mã căn hộ,Loại xe,Biển số,Chủ xe\nA-03.02,Xe đạp,,Mạc Thị Lan\n";
    const asVehicles = await csv(buildingId, vehicles);
    // The owner is not in the building yet (a dry run wrote nothing): the vehicles sheet was checked as such.
    expect(errorsOf(asVehicles)).toEqual([["Phương tiện", 2, "Chủ xe", "VEHICLE_OWNER_NOT_MEMBER"]]);

    const unknown = await csv(buildingId, "Tên,Tuổi\nLan,30\n");
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)).toEqual([["CSV", 1, "", "IMPORT_SHEET_UNKNOWN"]]);
  });
});
