import { createWriteStream, createReadStream as openFile } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import type { Cell } from "./cells.js";

/**
 * A file to read: a stream (an upload, read as it arrives), its path (the CLI, benchmarks) or bytes already
 * in memory. Whatever the source, the bytes go through the one streaming reader below.
 */
export type Source = Readable | Buffer | string;
export type Format = "xlsx" | "csv";
/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One row of one visible worksheet, numbered as Excel shows it (the header row is 1). */
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

// exceljs's own helpers (CommonJS, not in its typings), used as its reader uses them.
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
type ZipFile = { path: string; type: string; stream(): Readable };
const unzip = requireFromExceljs("unzipper") as {
  Open: { file(path: string): Promise<{ files: ZipFile[] }> };
};
const iterateStream = requireFromExceljs("exceljs/lib/utils/iterate-stream") as (
  s: NodeJS.ReadableStream,
) => AsyncIterable<Buffer>;

/** Where a worksheet comes in the reading order, by its name. */
export type SheetRank = (sheetName: string) => number;
type WorkbookModel = {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; name: string }[] };
};

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; state?: string };
type Parsed = { eventType: string; value: unknown };
type ReaderInternals = {
  model?: { sheets?: unknown[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<Parsed>;
  _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<Parsed>;
};
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

/**
 * exceljs 4.4's streaming reader, with its chunks cut at character boundaries: it decodes every chunk of a zip
 * entry on its own, so a Vietnamese letter whose bytes fall across two chunks turned into U+FFFD.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string) {
    return base._parseWorksheet.call(this, utf8Chunks(iterator), sheetNo);
  }
  _parseSharedStrings(entry: AsyncIterable<Buffer>) {
    return base._parseSharedStrings.call(this, Readable.from(utf8Chunks(entry)));
  }
}

/** The bytes of a stream in a temporary file (removed by `cleanup`): an upload is never held in memory. */
async function spool(stream: Readable): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "chungcu-import-"));
  const file = path.join(dir, "upload.xlsx");
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(stream, createWriteStream(file));
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { path: file, cleanup };
}

/**
 * The rows of every visible worksheet of an .xlsx file on disk. The zip is opened by its central directory,
 * so the parts a worksheet needs — relationships, sheet names and visibility (`xl/workbook.xml`), styles,
 * shared strings — are read first whatever their order in the file: exceljs's streaming reader read them in
 * file order and lost the sheet names (or crashed) when `xl/workbook.xml` came after the sheets, as exceljs
 * itself and other programs write them. Worksheets are then streamed (cells are not kept), so memory does not
 * grow with the workbook's size. Hidden sheets (lists behind drop-downs, working copies) are skipped.
 */
async function* xlsxFileRows(file: string, rank?: SheetRank): AsyncGenerator<RawRow> {
  const { files } = await unzip.Open.file(file);
  const part = (name: string) => files.find((f) => f.path === name && f.type === "File");
  const reader = new Utf8WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  }) as unknown as ReaderInternals;
  const rels = part("xl/_rels/workbook.xml.rels");
  const workbook = part("xl/workbook.xml");
  const styles = part("xl/styles.xml");
  const strings = part("xl/sharedStrings.xml");
  if (rels) await reader._parseRels(rels.stream());
  if (workbook) await reader._parseWorkbook(workbook.stream());
  reader.model ??= { sheets: [] };
  if (styles) await reader._parseStyles(styles.stream());
  if (strings) for await (const _ of reader._parseSharedStrings(iterateStream(strings.stream())));
  const internals = reader as unknown as WorkbookModel;
  // A worksheet's name as exceljs finds it: the relationship naming its part, then the sheet with that id.
  const nameOf = (no: string) => {
    const rel = internals.workbookRels?.find((r) => r.Target === `worksheets/sheet${no}.xml`);
    return internals.model?.sheets?.find((s) => s.rId === rel?.Id)?.name ?? "";
  };
  const sheets = files
    .map((f) => ({ f, no: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(f.path)?.[1] }))
    .filter((s): s is { f: ZipFile; no: string } => Boolean(s.no))
    .map((s) => ({ ...s, rank: rank?.(nameOf(s.no)) ?? 0 }))
    .sort((a, b) => a.rank - b.rank || Number(a.no) - Number(b.no));
  for (const { f, no } of sheets) {
    for (const { eventType, value } of reader._parseWorksheet(iterateStream(f.stream()), no)) {
      if (eventType !== "worksheet") continue;
      const sheet = value as SheetReader;
      const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
      for await (const row of sheet) {
        if (hidden) continue;
        yield { sheetName: sheet.name ?? "", row: row.number, cells: (row.values as Cell[]).slice(1) };
      }
    }
  }
}

/** An .xlsx source: a path is read where it is; a stream or bytes are first written to a temporary file. */
async function* xlsxRows(source: Source, rank?: SheetRank): AsyncGenerator<RawRow> {
  if (typeof source === "string") {
    yield* xlsxFileRows(source, rank);
    return;
  }
  const spooled = await spool(Buffer.isBuffer(source) ? Readable.from([source]) : source);
  try {
    yield* xlsxFileRows(spooled.path, rank);
  } finally {
    await spooled.cleanup();
  }
}

const csvParse = requireFromExceljs("fast-csv").parse as (o: object) => NodeJS.ReadWriteStream;

/**
 * A CSV file holds one sheet, streamed row by row. Every value stays text, so a phone keeps its leading 0 and
 * "72,35" is left for the column's parser; a byte-order mark is dropped.
 */
async function* csvRows(stream: Readable, sheetName: string): AsyncGenerator<RawRow> {
  const parser = csvParse({ ignoreEmpty: false, trim: false });
  const source = Readable.from(utf8Chunks(stream));
  source.on("error", (err) => (parser as unknown as Readable).destroy(err));
  source.pipe(parser as unknown as NodeJS.WritableStream);
  let row = 0;
  for await (const cells of parser as unknown as AsyncIterable<string[]>) {
    row++;
    if (row === 1 && typeof cells[0] === "string") cells[0] = cells[0].replace(/^\uFEFF/, "");
    yield { sheetName, row, cells };
  }
}

/** The source as a byte stream. */
export function streamOf(source: Source): Readable {
  if (typeof source === "string") return openFile(source);
  if (Buffer.isBuffer(source)) return Readable.from([source]);
  return source;
}

/**
 * The rows of a workbook's visible sheets, or of a CSV file (one sheet, named `csvSheetName`).
 * @param rank orders a workbook's sheets by name (lowest first; equal ranks in the workbook's order), so a
 *   caller that streams can have the sheets other sheets refer to first, whatever their order in the file
 */
export function readRows(
  source: Source,
  format: Format,
  csvSheetName: string,
  rank?: SheetRank,
): AsyncGenerator<RawRow> {
  return format === "csv" ? csvRows(streamOf(source), csvSheetName) : xlsxRows(source, rank);
}
