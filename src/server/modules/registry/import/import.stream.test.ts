import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newBuilding } from "../../../../../test/helpers/builders.js";
import { systemActor } from "../../../platform/authz/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError } from "../../../platform/errors.js";
import { type ImportInput, importRegistry, type Progress } from "./import.service.js";

// Item 20: an import streams. Rows are planned and written chunk by chunk inside the caller's transaction, so
// what is held does not grow with the file; an error anywhere still leaves nothing written.

let env: TestEnv;

beforeAll(async () => {
  env = await startTestApp();
});

type Rows = (string | number | null)[][];
const HEADERS = {
  units: ["Tòa/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"],
  residents: ["Mã căn hộ", "Họ và tên", "Vai trò", "Điện thoại", "Email"],
  vehicles: ["Mã căn hộ", "Loại xe", "Biển số", "Chủ xe"],
};
const NAMES = { units: "Căn hộ", residents: "Cư dân", vehicles: "Phương tiện" } as const;
type Key = keyof typeof NAMES;

/** `n` units on block A (10 floors), one owner each, a motorbike for every other unit: n × 2.5 rows. */
function registry(n: number): Record<Key, Rows> {
  const units: Rows = [];
  const residents: Rows = [];
  const vehicles: Rows = [];
  for (let i = 0; i < n; i++) {
    const code = `A-${String((i % 10) + 1).padStart(2, "0")}.${String(Math.floor(i / 10) + 1).padStart(2, "0")}`;
    const name = `Lê Văn ${String(i).padStart(4, "0")}`;
    units.push(["A", code, (i % 10) + 1, "70,5"]);
    residents.push([code, name, "Chủ hộ", `090${String(i).padStart(7, "0")}`, `le.${i}@example.vn`]);
    if (i % 2 === 0) vehicles.push([code, "Xe máy", `59X1${String(i).padStart(5, "0")}`, name]);
  }
  return { units, residents, vehicles };
}

async function workbook(rows: Record<Key, Rows>, order: Key[] = ["units", "residents", "vehicles"]) {
  const wb = new ExcelJS.Workbook();
  for (const key of order) {
    const sheet = wb.addWorksheet(NAMES[key]);
    sheet.addRow(HEADERS[key]);
    for (const r of rows[key]) sheet.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The service called as the CLI calls it, in a transaction of the test's own. */
function importIn(
  target: { companyId: string; buildingId: string },
  source: Buffer,
  more: Partial<ImportInput> = {},
  inside: (run: () => Promise<unknown>) => Promise<unknown> = (run) => run(),
) {
  return env.db.transaction(target.companyId, (tx) => {
    const ctx: Ctx = {
      companyId: target.companyId,
      actor: { ...systemActor, role: "company_admin" },
      lang: "en",
      requestId: "test",
      tx,
      platform: env.app.platform,
      afterCommit: () => {},
    };
    return inside(() =>
      importRegistry(ctx, {
        buildingId: target.buildingId,
        source,
        format: "xlsx",
        sheet: "units",
        dryRun: false,
        ...more,
      }),
    );
  });
}

async function counts(companyId: string) {
  const res = await env.db.owner.execute(sql`select
    (select count(*)::int from units where company_id = ${companyId}) as units,
    (select count(*)::int from residents where company_id = ${companyId}) as residents,
    (select count(*)::int from household_members where company_id = ${companyId}) as members,
    (select count(*)::int from vehicles where company_id = ${companyId}) as vehicles`);
  return (res as unknown as { rows: Record<string, number>[] }).rows[0];
}

describe("registry import streams (item 20)", () => {
  it("writes chunk by chunk while the file is still being read, never holding more than two chunks of rows", async () => {
    const target = await newBuilding(env);
    const rows = registry(120); // 120 + 120 + 60 = 300 rows
    const events: Progress[] = [];
    await importIn(target, await workbook(rows), { chunkRows: 50, onProgress: (p) => events.push(p) });
    expect(await counts(target.companyId)).toEqual({
      units: 120,
      residents: 120,
      members: 120,
      vehicles: 60,
    });
    const writes = events.filter((e) => e.phase === "write");
    // The first chunk is written long before the file's 300th row is read…
    expect(writes[0]?.total).toBeLessThan(300);
    // …and at no time are more rows read than written plus one chunk being planned and one being written.
    for (const w of writes) expect(w.total - w.done).toBeLessThanOrEqual(2 * 50);
    expect(writes.at(-1)).toMatchObject({ done: 300, total: 300 });
  });

  it("leaves nothing written by earlier chunks when a later row is bad, even if the caller commits", async () => {
    const target = await newBuilding(env);
    const rows = registry(120);
    rows.vehicles.push(["A-01.01", "Xe máy", "59X100000", "Không Có Ai"]);
    let caught: unknown;
    await importIn(target, await workbook(rows), { chunkRows: 50 }, (run) =>
      run().catch((err) => {
        caught = err;
      }),
    );
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("IMPORT_INVALID");
    const details = (caught as AppError).details as {
      errors: { sheet: string; row: number; code: string }[];
    };
    expect(details.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([
      ["Phương tiện", 62, "VEHICLE_OWNER_NOT_MEMBER"],
    ]);
    expect(await counts(target.companyId)).toEqual({ units: 0, residents: 0, members: 0, vehicles: 0 });
  });

  it("reads the sheets parents first whatever their order in the workbook", async () => {
    const target = await newBuilding(env);
    const rows = registry(40);
    const file = await workbook(rows, ["vehicles", "residents", "units"]);
    const result = await importIn(target, file, { chunkRows: 10 });
    expect(result).toMatchObject({
      counts: {
        units: { create: 40, update: 0, unchanged: 0 },
        residents: { create: 40, update: 0, unchanged: 0 },
        vehicles: { create: 20, update: 0, unchanged: 0 },
      },
    });
    expect(await counts(target.companyId)).toEqual({ units: 40, residents: 40, members: 40, vehicles: 20 });
    const again = await importIn(target, file, { chunkRows: 10 });
    expect(again).toMatchObject({
      counts: {
        units: { create: 0, update: 0, unchanged: 40 },
        residents: { create: 0, update: 0, unchanged: 40 },
        vehicles: { create: 0, update: 0, unchanged: 20 },
      },
    });
  });

  it("writes nothing on a dry run of a file larger than a chunk", async () => {
    const target = await newBuilding(env);
    const events: Progress[] = [];
    const result = await importIn(target, await workbook(registry(60)), {
      chunkRows: 20,
      dryRun: true,
      onProgress: (p) => events.push(p),
    });
    expect(result).toMatchObject({ dryRun: true, counts: { units: { create: 60 } } });
    expect(events.filter((e) => e.phase === "write")).toEqual([]);
    expect(await counts(target.companyId)).toEqual({ units: 0, residents: 0, members: 0, vehicles: 0 });
  });
});
