import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { parseDecimal } from "../../../platform/i18n/numbers.js";
import { cellText } from "../../../platform/spreadsheet/cells.js";
import { type Format, readRows, type Source } from "../../../platform/spreadsheet/read.js";
import { ErrorReport } from "../../../platform/spreadsheet/report.js";
import { billingBuilding } from "../rules/rules.service.js";
import { periodBounds } from "../runs/charges.sql.js";
import { meterHistories, templateMeters, unitCodes, writeReadings } from "./readings.repo.js";

const SHEET = { vi: "Chỉ số công tơ", en: "Meter readings" };
const COLUMNS = {
  unit: { vi: "Mã căn hộ", en: "Unit" },
  kind: { vi: "Công tơ", en: "Meter" },
  previous: { vi: "Chỉ số cũ", en: "Previous" },
  reading: { vi: "Chỉ số mới", en: "Reading" },
  readOn: { vi: "Ngày ghi", en: "Read on" },
} as const;
type Column = keyof typeof COLUMNS;
const KINDS: Record<string, "electricity" | "water"> = {
  điện: "electricity",
  dien: "electricity",
  electricity: "electricity",
  nước: "water",
  nuoc: "water",
  water: "water",
};
/** A consumption this many times the unit's usual (its last three periods) needs confirming. */
const UNUSUAL_FACTOR = 3;
const UNUSUAL_FLOOR = 30;

type Row = {
  row: number;
  unitId: string;
  kind: "electricity" | "water";
  previous: number | null;
  reading: number;
  readOn: string;
};

export type ReadingsImportInput = {
  source: Source;
  format: Format;
  period: string;
  dryRun: boolean;
  confirmUnusual: boolean;
};

type TemplateRow = { code: string; kind: string; last: string | null };

/** The template's rows: the building's units, one row per meter, with last period's reading filled in. */
export async function templateRows(ctx: Ctx, buildingId: string, period: string): Promise<TemplateRow[]> {
  await billingBuilding(ctx, buildingId, "record_reading");
  return templateMeters(ctx.tx, { companyId: ctx.companyId, buildingId, period });
}

/** Writes the template (outside the transaction: the rows are read first). */
export async function writeReadingsTemplate(rows: TemplateRow[], out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(SHEET.vi);
  ws.addRow(Object.values(COLUMNS).map((c) => c.vi)).commit();
  for (const r of rows) {
    ws.addRow([
      r.code,
      r.kind === "electricity" ? "Điện" : "Nước",
      r.last === null ? null : Number(r.last),
      null,
      null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

function dateOf(text: string, fallback: string): string | null {
  if (!text) return fallback;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}` : null;
}

/** A meter index as spreadsheets write it (the one number reader): 12.345 and 12,345 alike, 1234.5 refused. */
const wholeNumber = (text: string) => {
  const n = parseDecimal(text, 0);
  return n !== null && /^\d{1,12}$/.test(n) ? Number(n) : null;
};

/** Reads and checks every row; nothing is written while any cell is wrong. */
async function parse(ctx: Ctx, buildingId: string, input: ReadingsImportInput, report: ErrorReport) {
  const unitIds = new Map(
    (await unitCodes(ctx.tx, { companyId: ctx.companyId, buildingId })).map((u) => [
      u.code.toUpperCase(),
      u.id,
    ]),
  );
  const lastDay = `${input.period}-${String(periodBounds(input.period).days).padStart(2, "0")}`;
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  let layout: (Column | null)[] | null = null;
  const sheet = SHEET[ctx.lang];
  for await (const raw of readRows(input.source, input.format, SHEET.vi)) {
    const cells = raw.cells.map(cellText);
    if (!layout) {
      layout = cells.map(
        (h) =>
          (Object.keys(COLUMNS) as Column[]).find((k) =>
            [COLUMNS[k].vi, COLUMNS[k].en].some((n) => n.toLowerCase() === h.toLowerCase()),
          ) ?? null,
      );
      for (const k of ["unit", "kind", "reading"] as const) {
        if (!layout.includes(k))
          report.add({ sheet, row: raw.row, column: COLUMNS[k][ctx.lang] }, "IMPORT_COLUMN_MISSING");
      }
      continue;
    }
    const get = (k: Column) => cells[(layout as (Column | null)[]).indexOf(k)] ?? "";
    if (cells.every((c) => c === "")) continue;
    const at = (k: Column) => ({ sheet, row: raw.row, column: COLUMNS[k][ctx.lang] });
    const readingText = get("reading");
    if (readingText === "") continue; // a template row not read yet
    const unitId = unitIds.get(get("unit").toUpperCase());
    const kind = KINDS[get("kind").toLowerCase()];
    const reading = wholeNumber(readingText);
    const previous = get("previous") === "" ? null : wholeNumber(get("previous"));
    const readOn = dateOf(get("readOn"), lastDay);
    if (!unitId) report.add(at("unit"), "IMPORT_UNIT_UNKNOWN");
    if (!kind) report.add(at("kind"), "IMPORT_CHOICE", { choices: "Điện, Nước" });
    if (reading === null) report.add(at("reading"), "IMPORT_NUMBER", { min: 0, max: "999999999999" });
    if (get("previous") !== "" && previous === null)
      report.add(at("previous"), "IMPORT_NUMBER", { min: 0, max: "999999999999" });
    if (!readOn) report.add(at("readOn"), "IMPORT_DATE");
    if (!unitId || !kind || reading === null || !readOn || (get("previous") !== "" && previous === null))
      continue;
    const key = `${unitId}|${kind}`;
    const earlier = seen.get(key);
    if (earlier) report.add(at("unit"), "IMPORT_DUPLICATE", { row: earlier });
    seen.set(key, raw.row);
    rows.push({ row: raw.row, unitId, kind, previous, reading, readOn });
  }
  if (!layout) report.add({ sheet, row: 1, column: COLUMNS.unit[ctx.lang] }, "IMPORT_COLUMN_MISSING");
  return rows;
}

/**
 * Imports a period's meter readings from .xlsx or .csv (the template's columns): every row is checked first
 * (unknown unit, a reading below the previous one, a consumption far above the unit's usual unless confirmed)
 * and nothing is written while any is wrong; then one set-based upsert and one audit entry.
 */
export async function importReadings(ctx: Ctx, buildingId: string, input: ReadingsImportInput) {
  await billingBuilding(ctx, buildingId, "record_reading");
  const report = new ErrorReport(ctx.lang);
  let rows: Row[];
  try {
    rows = await parse(ctx, buildingId, input, report);
  } catch (err) {
    if (err instanceof Error && !(err instanceof TypeError)) throw errors.rule("IMPORT_FILE_UNREADABLE");
    throw err;
  }
  const history = await meterHistories(ctx.tx, {
    companyId: ctx.companyId,
    buildingId,
    period: input.period,
  });
  const past = new Map(history.map((h) => [`${h.unit_id}|${h.kind}`, h]));
  const sheet = SHEET[ctx.lang];
  for (const r of rows) {
    const h = past.get(`${r.unitId}|${r.kind}`);
    r.previous ??= h?.last == null ? 0 : Number(h.last);
    if (r.reading < r.previous) {
      report.add({ sheet, row: r.row, column: COLUMNS.reading[ctx.lang] }, "READING_BELOW_PREVIOUS", {
        previous: r.previous,
        reading: r.reading,
      });
    }
    const usual = h?.usual == null ? null : Number(h.usual);
    const consumption = r.reading - r.previous;
    if (
      !input.confirmUnusual &&
      usual !== null &&
      consumption > UNUSUAL_FLOOR &&
      consumption > usual * UNUSUAL_FACTOR
    ) {
      report.add({ sheet, row: r.row, column: COLUMNS.reading[ctx.lang] }, "READING_UNUSUAL", {
        consumption,
        usual: Math.round(usual),
      });
    }
  }
  if (report.count > 0) throw errors.rule("IMPORT_INVALID", { count: report.count, errors: report.items });
  if (input.dryRun || rows.length === 0) return { dryRun: input.dryRun, readings: rows.length };
  const written = await writeReadings(ctx.tx, {
    companyId: ctx.companyId,
    buildingId,
    period: input.period,
    readBy: ctx.actor.accountId,
    rows,
  });
  await audit(ctx, {
    action: "meter_reading.import",
    entity: "building",
    entityId: buildingId,
    changes: bulkChanges(
      written.map((w) => w.id),
      { rows: rows.length },
    ),
  });
  return { dryRun: false, readings: rows.length, changed: written.length };
}
