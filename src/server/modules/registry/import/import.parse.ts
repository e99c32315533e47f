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
  sheetOfHeaders,
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

/** How many of a header row's cells some sheet of the template knows: a data sheet gone wrong, or notes. */
const knownHeaders = (headers: readonly string[]) =>
  headers.filter((h) =>
    SHEET_KEYS.some((k) => {
      const c = columnOf(k, h);
      return c !== null && c !== "ignored";
    }),
  ).length;

type Worksheet = { key: SheetKey; sheet: ParsedSheet<SheetKey>; layout: Layout } | null;

/**
 * Reads the file and parses its rows one at a time, reporting each bad cell. Rows with a bad cell are handed
 * on too (marked invalid) so that later rows referring to them are not reported as well. A workbook's sheets
 * come parents first (units, residents, vehicles), whatever their order in the file, so a streaming caller
 * has seen every row a row may refer to.
 *
 * Which sheet a worksheet (or a CSV file) holds is read from its header row (sheetOfHeaders): a residents file
 * is checked as residents whatever it is called. Only when the headers match no sheet does the worksheet's name
 * (or, for a CSV file, the sheet the caller named) decide, so that its missing columns are reported; a CSV file
 * that is neither is refused with IMPORT_SHEET_UNKNOWN, as is a worksheet that looks like data (two or more
 * known headers) but matches no sheet. Other worksheets (a guide, notes) are left alone.
 * @param csvSheet which sheet a CSV file holds, when the caller says so
 */
export async function* parseRows(
  source: Source,
  format: Format,
  csvSheet: SheetKey | undefined,
  report: ErrorReport,
): AsyncGenerator<ParsedRow> {
  const worksheets = new Map<string, Worksheet>();
  const found = new Set<SheetKey>();
  let refused = false;
  for await (const raw of readRows(source, format, "CSV", parentsFirst)) {
    const known = worksheets.get(raw.sheetName);
    if (known === undefined) {
      // The worksheet's first row: its headers say which sheet it is.
      const headers = raw.cells.map(cellText);
      const named = format === "csv" ? (csvSheet ?? null) : sheetOf(raw.sheetName);
      const key = sheetOfHeaders(headers) ?? named;
      if (!key) {
        if (format === "csv" || knownHeaders(headers) >= 2) {
          report.add({ sheet: raw.sheetName, row: 1, column: "" }, "IMPORT_SHEET_UNKNOWN", {
            sheet: raw.sheetName,
          });
          refused = true;
        }
        worksheets.set(raw.sheetName, null);
        continue;
      }
      const sheet = { ...emptySheet(key), name: format === "csv" ? SHEETS[key].vi : raw.sheetName };
      found.add(key);
      worksheets.set(raw.sheetName, { key, sheet, layout: layoutOf(key, sheet, raw.cells, report) });
      continue;
    }
    if (!known?.layout || raw.cells.every((c) => cellText(c) === "")) continue;
    const { key, sheet, layout } = known;
    yield { key, sheet, parsed: parseRow(key, sheet, layout, raw, report) } as ParsedRow;
  }
  if (found.size === 0 && !refused) report.add({ sheet: "", row: 1, column: "" }, "IMPORT_NO_SHEET");
}
