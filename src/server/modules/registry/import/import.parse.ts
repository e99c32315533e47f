import { type Cell, cellText } from "../../../platform/spreadsheet/cells.js";
import { type Format, readRows, type Source } from "../../../platform/spreadsheet/read.js";
import type { ErrorReport } from "../../../platform/spreadsheet/report.js";
import {
  CellError,
  type Column,
  columnOf,
  EXAMPLE_AT,
  EXAMPLE_PARSED,
  type RecordOf,
  SHEET_KEYS,
  SHEETS,
  type SheetKey,
  sheetOf,
} from "./import.columns.js";

/** A row read from the file, with its number and the header text of each column, for error reports. */
export type Parsed<T> = { row: number; value: T; valid: boolean };

/** A sheet as far as it has been read: its rows are handed on one by one, never kept. */
export type ParsedSheet<K extends SheetKey> = {
  key: K;
  /** The worksheet's name as the file has it (or the sheet's Vietnamese name for a CSV file). */
  name: string;
  headers: Map<string, string>;
};

/** One parsed row with the sheet it belongs to. */
export type ParsedRow = {
  [K in SheetKey]: { key: K; sheet: ParsedSheet<K>; parsed: Parsed<RecordOf[K]> };
}[SheetKey];

const emptySheet = <K extends SheetKey>(key: K): ParsedSheet<K> => ({
  key,
  name: SHEETS[key].vi,
  headers: new Map((SHEETS[key].columns as readonly Column[]).map((c) => [c.key, c.vi])),
});

/** Where a column's cell is, for an error report. */
export const at = (sheet: ParsedSheet<SheetKey>, row: number, key: string) => ({
  sheet: sheet.name,
  row,
  column: sheet.headers.get(key) ?? key,
});

type Layout = (Column | null)[] | null;

/**
 * Maps the header row to columns. A header the template does not know (nor its synonyms) and a second column
 * for the same field are reported, never dropped (the other columns are still checked, so every error shows at
 * once); a missing required column is reported and the sheet's rows skipped.
 */
function layoutOf(key: SheetKey, sheet: ParsedSheet<SheetKey>, cells: Cell[], report: ErrorReport): Layout {
  const layout: (Column | null)[] = [];
  sheet.headers = new Map();
  cells.forEach((cell, i) => {
    const header = cellText(cell);
    const c = columnOf(key, header);
    layout[i] = null;
    if (c === "ignored") return;
    const where = { sheet: sheet.name, row: 1, column: header };
    if (!c) {
      report.add(where, "IMPORT_COLUMN_UNKNOWN");
    } else if (sheet.headers.has(c.key)) {
      report.add(where, "IMPORT_COLUMN_DUPLICATE", { column: sheet.headers.get(c.key) });
    } else {
      sheet.headers.set(c.key, header);
      layout[i] = c;
    }
  });
  const missing = (SHEETS[key].columns as readonly Column[]).filter(
    (c) => c.required && !sheet.headers.has(c.key),
  );
  for (const c of missing) report.add({ sheet: sheet.name, row: 1, column: c.vi }, "IMPORT_COLUMN_MISSING");
  return missing.length ? null : layout;
}

function parseRow(
  key: SheetKey,
  sheet: ParsedSheet<SheetKey>,
  layout: (Column | null)[],
  raw: { row: number; cells: Cell[] },
  report: ErrorReport,
): Parsed<Record<string, unknown>> {
  const byKey = new Map<string, Cell>();
  layout.forEach((c, i) => {
    if (c && !byKey.has(c.key)) byKey.set(c.key, raw.cells[i]);
  });
  const value: Record<string, unknown> = {};
  let valid = true;
  const columns = SHEETS[key].columns as readonly Column[];
  for (const column of columns) {
    try {
      value[column.key] = column.parse(byKey.get(column.key));
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      valid = false;
      value[column.key] = null;
      report.add(at(sheet, raw.row, column.key), err.code, err.params);
    }
  }
  const example = EXAMPLE_AT[key];
  if (valid && example && JSON.stringify(columns.map((c) => value[c.key])) === EXAMPLE_PARSED[key]) {
    report.add(at(sheet, raw.row, example), "IMPORT_EXAMPLE_ROW");
    valid = false;
  }
  return { row: raw.row, value, valid };
}

/** Sheets that others refer to come first: units, then residents, then vehicles, then anything else. */
const parentsFirst = (sheetName: string) => {
  const key = sheetOf(sheetName);
  return key ? SHEET_KEYS.indexOf(key) : SHEET_KEYS.length;
};

/**
 * Reads the file and parses its rows one at a time, reporting each bad cell. Rows with a bad cell are handed
 * on too (marked invalid) so that later rows referring to them are not reported as well. A workbook's sheets
 * come parents first (units, residents, vehicles), whatever their order in the file, so a streaming caller
 * has seen every row a row may refer to.
 * @param csvSheet which sheet a CSV file holds
 */
export async function* parseRows(
  source: Source,
  format: Format,
  csvSheet: SheetKey,
  report: ErrorReport,
): AsyncGenerator<ParsedRow> {
  const sheets = new Map<SheetKey, ParsedSheet<SheetKey>>();
  const layouts = new Map<SheetKey, Layout>();
  const keys = new Map<string, SheetKey | null>();
  const keyOf = (name: string) => {
    if (!keys.has(name)) keys.set(name, sheetOf(name));
    return keys.get(name) ?? null;
  };
  for await (const raw of readRows(source, format, SHEETS[csvSheet].vi, parentsFirst)) {
    const key = format === "csv" ? csvSheet : keyOf(raw.sheetName);
    if (!key) continue;
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = { ...emptySheet(key), name: raw.sheetName };
      sheets.set(key, sheet);
      layouts.set(key, layoutOf(key, sheet, raw.cells, report));
      continue;
    }
    const layout = layouts.get(key);
    if (!layout || raw.cells.every((c) => cellText(c) === "")) continue;
    yield { key, sheet, parsed: parseRow(key, sheet, layout, raw, report) } as ParsedRow;
  }
  if (SHEET_KEYS.every((k) => !layouts.has(k))) {
    report.add({ sheet: "", row: 1, column: "" }, "IMPORT_NO_SHEET");
  }
}
