import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";

/**
 * Meter readings from a workbook: the template, every row checked, one set-based write. Each test reads into a
 * building of its own (`building()`), so what one imports is not in another's lists.
 */
let env: TestEnv;

type Building = { buildingId: string; tech: Client };

async function upload(
  { buildingId, tech }: Building,
  body: Buffer,
  query: string,
  type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
) {
  const res = await tech.request(
    "POST",
    `/api/v1/buildings/${buildingId}/meter-readings/import?${query}`,
    body,
    {
      "content-type": type,
    },
  );
  return { status: res.status, body: res.body };
}

async function workbook(rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ số công tơ");
  ws.addRow(["Mã căn hộ", "Công tơ", "Chỉ số cũ", "Chỉ số mới", "Ngày ghi"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

/** A company of the test's own: building D with units D-01.01 and D-01.02, read in August and September. */
async function building(): Promise<Building> {
  const admin = await newMember(env, "company_admin");
  const adminClient = await signIn(env, admin);
  const buildingId = (
    await adminClient.post("/api/v1/buildings", {
      name: "Tòa Ánh Dương",
      address: "3 Hai Bà Trưng, Huế",
      blocks: [{ name: "D", floors: 1 }],
    })
  ).body.id;
  for (const code of ["D-01.01", "D-01.02"]) {
    const unit = await adminClient.post("/api/v1/units", {
      buildingId,
      code,
      block: "D",
      floor: 1,
      areaM2: 60,
    });
    for (const [period, reading] of [
      ["2026-08", 1100],
      ["2026-09", 1200],
    ] as const) {
      await adminClient.post("/api/v1/meter-readings", {
        unitId: unit.body.id,
        kind: "electricity",
        period,
        reading,
        previous: reading - 100,
        readOn: `${period}-28`,
      });
    }
  }
  const tech = await signIn(
    env,
    await newMember(env, "technician", { companyId: admin.companyId, buildingIds: [buildingId] }),
  );
  return { buildingId, tech };
}

describe("importing meter readings", () => {
  it("gives a template with last period's readings filled in", async () => {
    const { buildingId, tech } = await building();
    const res = await tech.get(`/api/v1/buildings/${buildingId}/meter-readings/template.xlsx`, {
      period: "2026-10",
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]
      ?.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toEqual([
      ["D-01.01", "Điện", 1200],
      ["D-01.01", "Nước"],
      ["D-01.02", "Điện", 1200],
      ["D-01.02", "Nước"],
    ]);
  });

  it("reports every bad cell and writes nothing", async () => {
    const b = await building();
    const file = await workbook([
      ["D-01.01", "Điện", null, 1150, "31/10/2026"],
      ["D-09.99", "Điện", null, 10, null],
      ["D-01.02", "Gas", null, 10, null],
      ["D-01.02", "Điện", null, 1900, "31/10/2026"],
    ]);
    const res = await upload(b, file, "period=2026-10");
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("IMPORT_INVALID");
    expect(
      res.body.error.details.errors.map((e: { row: number; code: string }) => `${e.row} ${e.code}`),
    ).toEqual(["3 IMPORT_UNIT_UNKNOWN", "4 IMPORT_CHOICE", "2 READING_BELOW_PREVIOUS", "5 READING_UNUSUAL"]);
  });

  it("imports once checked, an unusual reading once confirmed, and a second import changes nothing", async () => {
    const b = await building();
    const { buildingId, tech } = b;
    const file = await workbook([
      ["D-01.01", "Điện", null, 1320, "31/10/2026"],
      ["D-01.02", "Điện", null, 1900, null],
    ]);
    const dry = await upload(b, file, "period=2026-10&dryRun=true&confirmUnusual=true");
    expect(dry).toEqual({ status: 200, body: { dryRun: true, readings: 2 } });
    const done = await upload(b, file, "period=2026-10&confirmUnusual=true");
    expect(done).toEqual({ status: 200, body: { dryRun: false, readings: 2, changed: 2 } });
    const again = await upload(b, file, "period=2026-10&confirmUnusual=true");
    expect(again.body.changed).toBe(0);
    const list = await tech.get("/api/v1/meter-readings", { buildingId, period: "2026-10" });
    expect(
      list.body.items.map((r: { unitCode: string; consumption: number }) => [r.unitCode, r.consumption]),
    ).toEqual([
      ["D-01.01", 120],
      ["D-01.02", 700],
    ]);
  });

  it("reads a CSV sheet too", async () => {
    const b = await building();
    const csv = Buffer.from("Mã căn hộ,Công tơ,Chỉ số mới\nD-01.01,Nước,15\n", "utf8");
    const res = await upload(b, csv, "period=2026-10&format=csv", "text/csv");
    expect(res).toEqual({ status: 200, body: { dryRun: false, readings: 1, changed: 1 } });
  });
});
