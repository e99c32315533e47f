import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";

// Issue 13, item 5: which sheet a file holds is read from its header row, and the messages say what is wrong
// where (the phone column by its header as written in the file; an impossible date apart from a badly
// written one).

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Rows = (string | number | null)[][];
type Sheet = { name: string; headers: string[]; rows: Rows };

let env: TestEnv;
let admin: Client;
let counter = 0;

async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function building(): Promise<string> {
  const res = await admin.post("/api/v1/buildings", {
    name: `Toà dò trang ${++counter}`,
    address: "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
    blocks: [{ name: "A", floors: 20 }],
  });
  return res.body.id;
}

const upload = (buildingId: string, body: Buffer | string, query = "", type = XLSX) =>
  admin.request("POST", `/api/v1/buildings/${buildingId}/import${query}`, body, { "content-type": type });

type Reported = { sheet: string; row: number; column: string; code: string; message: string };
const errorsOf = (res: { body: { error?: { details?: { errors?: Reported[] } } } }) =>
  (res.body.error?.details?.errors ?? []).map((e) => [e.sheet, e.row, e.column, e.code]);

/** Units, from a worksheet called "Bảng 1": recognised by its headers. */
async function buildingWithUnits() {
  const buildingId = await building();
  const res = await upload(
    buildingId,
    await workbook([
      {
        name: "Bảng 1",
        headers: ["Toà/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"],
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

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  admin = await signIn(env, await newMember(env, "company_admin"));
});

describe("sheet detection and messages", () => {
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
    const messages = (res.body.error.details.errors as Reported[]).map((e) => e.message);
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
    const messages = (res.body.error.details.errors as Reported[]).map((e) => e.message);
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
    const ok = await upload(buildingId, residents, "?format=csv&dryRun=true", "text/csv");
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.counts.residents.create).toBe(1);
    expect(ok.body.counts.units.create).toBe(0);

    const vehicles = "Mã căn hộ,Loại xe,Biển số,Chủ xe\nA-03.02,Xe đạp,,Mạc Thị Lan\n";
    const asVehicles = await upload(buildingId, vehicles, "?format=csv&dryRun=true", "text/csv");
    // The owner is not in the building yet (a dry run wrote nothing): the vehicles sheet was checked as such.
    expect(errorsOf(asVehicles)).toEqual([["Phương tiện", 2, "Chủ xe", "VEHICLE_OWNER_NOT_MEMBER"]]);

    const unknown = await upload(buildingId, "Tên,Tuổi\nLan,30\n", "?format=csv&dryRun=true", "text/csv");
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)).toEqual([["CSV", 1, "", "IMPORT_SHEET_UNKNOWN"]]);
  });
});
