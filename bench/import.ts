// `npm run bench -- import`: a 10,000-unit workbook (30,000 residents, 15,000 vehicles) imported through the
// product's service, then again (zero changes expected), beside a baseline that reads the same file and
// inserts the same rows with plain set-based SQL (no validation, encryption, planning or audit). A file a
// quarter the size is imported first, and the process's peak RSS printed after each (small_rss_mb,
// large_rss_mb): an import streams, so the second should be close to the first.

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { buildings } from "../src/server/modules/buildings/buildings.table.js";
import { companies } from "../src/server/modules/companies/companies.table.js";
import { SHEETS, type SheetKey, sheetOf } from "../src/server/modules/registry/import/import.columns.js";
import { type ImportResult, importRegistry } from "../src/server/modules/registry/import/import.service.js";
import { systemActor } from "../src/server/platform/authz/actor.js";
import type { Ctx, Platform } from "../src/server/platform/context.js";
import {
  type Database,
  openPgliteDir,
  openPostgres,
  PLATFORM_SCOPE,
} from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { cellText } from "../src/server/platform/spreadsheet/cells.js";
import { readRows } from "../src/server/platform/spreadsheet/read.js";
import { platformFor, postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
/** A file a quarter the size, imported first: peak memory should not follow the file's size. */
const SMALL_UNITS = Math.ceil(UNITS / 4);
const BLOCKS = ["A", "B", "C", "D", "E"];
const PER_FLOOR = 50;
const FLOORS = Math.ceil(UNITS / BLOCKS.length / PER_FLOOR);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Writes the workbook with exceljs's streaming writer: each unit has three residents, every other one a car.
 * People's names, phones, emails and plates are numbered from `first`, so several buildings' files name
 * different people (the unit codes are the building's own).
 */
export async function generate(file: string, units = UNITS, first = 0): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheets = Object.fromEntries(
    (["units", "residents", "vehicles"] as const).map((k) => {
      const ws = wb.addWorksheet(SHEETS[k].vi);
      ws.addRow(SHEETS[k].columns.map((c) => c.vi)).commit();
      return [k, ws];
    }),
  ) as Record<SheetKey, ExcelJS.Worksheet>;
  let rows = 0;
  const add = (k: SheetKey, values: (string | number | null)[]) => {
    sheets[k].addRow(values).commit();
    rows++;
  };
  for (let j = 0; j < units; j++) {
    const i = first + j;
    const block = BLOCKS[j % BLOCKS.length] as string;
    const seq = Math.floor(j / BLOCKS.length);
    const floor = Math.floor(seq / PER_FLOOR) + 1;
    const code = `${block}-${pad(floor, 2)}.${pad((seq % PER_FLOOR) + 1, 2)}`;
    const phone = `09${pad(i, 8)}`;
    const owner = `Nguyễn Văn ${pad(i, 5)}`;
    add("units", [block, code, floor, "Căn hộ", "72,35", "Đang ở", "15/03/2024", 48_000_000]);
    add("residents", [
      code,
      owner,
      "Chủ hộ",
      null,
      phone,
      `chu.ho.${i}@example.vn`,
      "14/03/1985",
      "VN",
      null,
      null,
    ]);
    add("residents", [
      code,
      `Trần Thị ${pad(i, 5)}`,
      "Thành viên",
      "Vợ",
      phone,
      null,
      "02/02/1987",
      "VN",
      null,
      null,
    ]);
    add("residents", [
      code,
      `Nguyễn Minh ${pad(i, 5)}`,
      "Thành viên",
      "Con",
      null,
      null,
      "20/06/2015",
      "VN",
      null,
      null,
    ]);
    add("vehicles", [code, "Xe máy", `59X1${pad(i, 5)}`, owner, "Đen", "Honda", null]);
    if (i % 2 === 0) add("vehicles", [code, "Ô tô", `51A${pad(i, 5)}`, owner, "Trắng", "Toyota", `OTO-${i}`]);
  }
  for (const ws of Object.values(sheets)) ws.commit();
  await wb.commit();
  return rows;
}

export async function newBuilding(db: Database, name: string) {
  const [company] = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.insert(companies).values({ name }).returning(),
  );
  const companyId = company?.id as string;
  const [building] = await db.transaction(companyId, (tx) =>
    tx
      .insert(buildings)
      .values({
        companyId,
        name,
        address: "1 Lê Lợi, TP. Hồ Chí Minh",
        blocks: BLOCKS.map((b) => ({ name: b, floors: FLOORS })),
      })
      .returning(),
  );
  return { companyId, buildingId: building?.id as string };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

export function product(
  db: Database,
  platform: Platform,
  target: { companyId: string; buildingId: string },
  file: string,
) {
  const actor = { ...systemActor, role: "company_admin" as const };
  return db.transaction(target.companyId, (tx) => {
    const ctx: Ctx = {
      companyId: target.companyId,
      actor,
      lang: "vi",
      requestId: "bench",
      tx,
      platform,
      afterCommit: () => {},
    };
    return importRegistry(ctx, {
      buildingId: target.buildingId,
      source: file,
      format: "xlsx",
      sheet: "units",
      dryRun: false,
    });
  });
}

const changesOf = (r: ImportResult) => Object.values(r.counts).reduce((n, c) => n + c.create + c.update, 0);

/** The same rows as they stand in the file, inserted with one plain statement per table and chunk. */
async function baseline(db: Database, target: { companyId: string; buildingId: string }, file: string) {
  const byKey: Record<SheetKey, string[][]> = { units: [], residents: [], vehicles: [] };
  for await (const raw of readRows(file, "xlsx", "")) {
    const key = sheetOf(raw.sheetName);
    if (key && raw.row > 1) byKey[key].push(raw.cells.map(cellText));
  }
  const unitIds = new Map(byKey.units.map((u) => [u[1] as string, randomUUID()]));
  const residents = byKey.residents.map((r) => ({
    id: randomUUID(),
    unitId: unitIds.get(r[0] as string),
    r,
  }));
  const ownerIds = new Map(residents.map((x) => [`${x.r[0]}|${x.r[1]}`, x.id]));
  const { companyId, buildingId } = target;
  const chunks = <T>(rows: T[], fn: (chunk: T[]) => Promise<unknown>) =>
    (async () => {
      for (let i = 0; i < rows.length; i += 5000) await fn(rows.slice(i, i + 5000));
    })();
  const col = <T>(rows: T[], f: (x: T) => unknown) => sql.param(rows.map(f));
  await db.transaction(companyId, async (tx) => {
    await chunks(byKey.units, (c) =>
      tx.execute(sql`insert into units (company_id, id, building_id, code, block, floor, area_m2)
        select ${companyId}::uuid, u.id, ${buildingId}::uuid, u.code, u.block, u.floor, u.area
        from unnest(${col(c, (u) => unitIds.get(u[1] as string))}::uuid[], ${col(c, (u) => u[1])}::text[],
          ${col(c, (u) => u[0])}::text[], ${col(c, (u) => Number(u[2]))}::int[], ${col(c, (u) => (u[4] as string).replace(",", "."))}::numeric[])
          as u(id, code, block, floor, area)`),
    );
    await chunks(residents, async (c) => {
      await tx.execute(sql`insert into residents (company_id, id, full_name, name_search, phone_bidx)
        select ${companyId}::uuid, u.id, u.name, lower(u.name), u.phone
        from unnest(${col(c, (x) => x.id)}::uuid[], ${col(c, (x) => x.r[1])}::text[], ${col(c, (x) => x.r[4] || null)}::text[])
          as u(id, name, phone)`);
      await tx.execute(sql`insert into household_members (company_id, unit_id, resident_id, role)
        select ${companyId}::uuid, u.unit, u.resident, 'member'
        from unnest(${col(c, (x) => x.unitId)}::uuid[], ${col(c, (x) => x.id)}::uuid[]) as u(unit, resident)`);
    });
    await chunks(byKey.vehicles, (c) =>
      tx.execute(sql`insert into vehicles (company_id, unit_id, building_id, resident_id, type, plate_bidx)
        select ${companyId}::uuid, u.unit, ${buildingId}::uuid, u.owner, 'motorbike', u.plate
        from unnest(${col(c, (v) => unitIds.get(v[0] as string))}::uuid[], ${col(c, (v) => ownerIds.get(`${v[0]}|${v[3]}`))}::uuid[],
          ${col(c, (v) => v[2])}::text[]) as u(unit, owner, plate)`),
    );
  });
}

type File = { file: string; rows: number };

async function measure(kind: "pglite" | "postgres", db: Database, big: File, small: File) {
  const { file, rows } = big;
  await migrate(db);
  const platform = platformFor(db);
  let peak = rssMb();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 200);
  try {
    // The small file first: the process's peak after it, then after the file four times its size.
    const before = rssMb();
    await product(db, platform, await newBuilding(db, "Bench small"), small.file);
    const smallPeak = Math.max(peak, rssMb());
    const target = await newBuilding(db, "Bench import");
    const first = await timed(() => product(db, platform, target, file)).catch((err) => {
      console.error(
        JSON.stringify((err as { details?: { errors?: unknown[] } }).details?.errors?.slice(0, 5)),
      );
      throw err;
    });
    const firstPeak = Math.max(peak, rssMb());
    const again = await timed(() => product(db, platform, target, file));
    const plainTarget = await newBuilding(db, "Bench baseline");
    const plain = await timed(() => baseline(db, plainTarget, file));
    const rate = rows / first.seconds;
    const baseRate = rows / plain.seconds;
    result("import", kind, {
      rows,
      rows_per_s: Math.round(rate),
      seconds: first.seconds.toFixed(1),
      baseline: Math.round(baseRate),
      ratio: (baseRate / rate).toFixed(2),
      rss_mb: firstPeak,
    });
    result("import", kind, {
      rss_before_mb: before,
      small_rows: small.rows,
      small_rss_mb: smallPeak,
      large_rows: rows,
      large_rss_mb: firstPeak,
    });
    result("import", kind, {
      reimport_seconds: again.seconds.toFixed(1),
      reimport_rows_per_s: Math.round(rows / again.seconds),
      changes: changesOf(again.value),
      rss_mb: Math.max(peak, rssMb()),
    });
    if (changesOf(first.value) !== rows)
      throw new Error(`first import created ${changesOf(first.value)} of ${rows}`);
  } finally {
    clearInterval(sampler);
    await db.close();
    // Let the pools' sockets finish closing before the scratch database is dropped under them.
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-import-"));
  try {
    const file = path.join(dir, "registry.xlsx");
    const rows = await generate(file);
    const small = { file: path.join(dir, "registry-small.xlsx"), rows: 0 };
    small.rows = await generate(small.file, SMALL_UNITS);
    const big = { file, rows };
    console.log(
      `import: ${UNITS} units, ${rows} rows in one workbook; product (validate, plan, encrypt, upsert, audit) vs plain inserts; ratio = product time / baseline time`,
    );
    if (await postgresAnswers()) {
      await withScratchDatabase("chungcu_bench_import", (url) =>
        measure("postgres", openPostgres(url), big, small),
      );
    } else {
      console.log("PostgreSQL does not answer: measuring PGlite only");
    }
    await measure("pglite", await openPgliteDir(path.join(dir, "pglite")), big, small);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
