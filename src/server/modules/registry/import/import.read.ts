import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "./import.columns.js";

/** A file to read: its bytes (an upload) or its path (the CLI, benchmarks). */
export type Source = Buffer | string;
export type Format = "xlsx" | "csv";

/** One row of one worksheet, numbered as Excel shows it (the header row is 1). */
export type RawRow = { sheetName: string; row: number; cells: Cell[] };

/** Bytes up to the end of the last complete UTF-8 character of `buf`. */
function completeLength(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && buf.length - i < 4 && ((buf[i] ?? 0) & 0xc0) === 0x80) i--;
  if (i < 0) return buf.length;
  const lead = buf[i] ?? 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + size <= buf.length ? buf.length : i;
}

/** Re-cuts a byte stream so that no chunk ends inside a UTF-8 character. */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeLength(buf);
    carry = buf.subarray(cut);
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry.length) yield carry;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: number): Generator<unknown>;
  _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<unknown>;
};
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

/**
 * exceljs 4.4's streaming reader decodes every chunk of a zip entry on its own, so a Vietnamese letter
 * whose bytes fall across two chunks turns into U+FFFD ("Chủ hộ" becomes unreadable once in a few thousand
 * rows). Its worksheets and shared strings are fed chunks cut at character boundaries instead.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: number) {
    return base._parseWorksheet.call(this, utf8Chunks(iterator), sheetNo);
  }
  _parseSharedStrings(entry: AsyncIterable<Buffer>) {
    return base._parseSharedStrings.call(this, Readable.from(utf8Chunks(entry)));
  }
}

/**
 * The rows of every worksheet, read as a stream (shared strings and styles are kept, cells are not), so
 * memory does not grow with the workbook's size.
 */
async function* xlsxRows(path: string): AsyncGenerator<RawRow> {
  const reader = new Utf8WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      yield { sheetName: name, row: row.number, cells: (row.values as Cell[]).slice(1) };
    }
  }
}

/**
 * A CSV file holds one sheet. Every value stays text (`map`), so a phone keeps its leading 0 and
 * "72,35" is left for the column's parser. exceljs reads a CSV into one worksheet: unlike .xlsx, its memory
 * grows with the file.
 */
async function* csvRows(source: Source, sheetName: string): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.Workbook();
  const options = { map: (v: unknown) => v };
  const sheet =
    typeof source === "string"
      ? await workbook.csv.readFile(source, options)
      : await workbook.csv.read(Readable.from([source]), options);
  for (let i = 1; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    yield { sheetName, row: i, cells: (row.values as Cell[]).slice(1) };
  }
}

/**
 * An upload is already in memory (at most the route's body limit): it is loaded whole, because exceljs
 * 4.4's streaming reader sometimes loses the sheet names of small workbooks whose workbook.xml comes after
 * the sheets (as exceljs itself writes them). Files on disk (CLI, benchmark) are streamed.
 */
async function* loadedRows(source: Buffer): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(source as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    for (let i = 1; i <= sheet.rowCount; i++) {
      yield { sheetName: sheet.name, row: i, cells: (sheet.getRow(i).values as Cell[]).slice(1) };
    }
  }
}

export function readRows(source: Source, format: Format, csvSheetName: string): AsyncGenerator<RawRow> {
  if (format === "csv") return csvRows(source, csvSheetName);
  return typeof source === "string" ? xlsxRows(source) : loadedRows(source);
}
