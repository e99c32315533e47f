import { sql } from "drizzle-orm";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, errors } from "../../../platform/errors.js";
import type { Format, Source } from "../../../platform/spreadsheet/read.js";
import { ErrorReport } from "../../../platform/spreadsheet/report.js";
import { loadBuilding } from "../../buildings/index.js";
import { MEMBERS, RESIDENTS, type Row, type TableSpec, UNITS, upsertRows, VEHICLES } from "./import.apply.js";
import type { SheetKey } from "./import.columns.js";
import { type ParsedRow, parseRows } from "./import.parse.js";
import { type Change, type Chunk, type Counts, loadExisting, Planner } from "./import.plan.js";
import { registryImportPolicy } from "./import.policy.js";

export type Progress = { phase: "read" | "write"; done: number; total: number };

export type ImportInput = {
  buildingId: string;
  /** The file's bytes or its path. */
  source: Source;
  format: Format;
  /** Which sheet a CSV file holds when its headers do not say (ignored for .xlsx). */
  sheet?: SheetKey;
  /** Validate and plan only: nothing is written. */
  dryRun: boolean;
  /** File rows planned before they are written (CHUNK_ROWS unless a test wants small chunks). */
  chunkRows?: number;
  /**
   * Rows read (phase "read") and rows whose changes are written (phase "write", out of the rows read so far).
   */
  onProgress?: (p: Progress) => void;
};

export type ImportResult = { dryRun: boolean; counts: Record<SheetKey, Counts>; sample: Change[] };

/**
 * File rows planned, then written, at a time: what an import holds besides its look-up keys (a few MB),
 * whatever the file's size. Large enough that a chunk's statements are few, small enough to stay flat.
 */
export const CHUNK_ROWS = 5000;

/** Rows written at once past which the registry's statistics are refreshed (drizzle/0025). */
const ANALYZE_AFTER = 1000;

/** The file's parsed rows; a reader's failure (a file that is no workbook) becomes IMPORT_FILE_UNREADABLE. */
async function* rowsOf(input: ImportInput, report: ErrorReport): AsyncGenerator<ParsedRow> {
  try {
    yield* parseRows(input.source, input.format, input.sheet, report);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && !(err instanceof TypeError)) throw errors.rule("IMPORT_FILE_UNREADABLE");
    throw err;
  }
}

/**
 * Writes chunks table by table, parents first, one chunk at a time while the next is read and planned: on
 * PostgreSQL the server works on a chunk while this process parses, checks and encrypts the next. Everything
 * is written after a savepoint, so an error found later (a bad cell in the last row) undoes what the earlier
 * chunks wrote even if the caller goes on to commit.
 */
class ChunkWriter {
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Table rows written, for the statistics. */
  tableRows = 0;
  /** File rows whose changes are written. */
  fileRows = 0;
  /** Ids of the units, residents and vehicles written, for the audit entry's digest. */
  readonly ids: string[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly progress: (written: number) => void,
  ) {}

  begin() {
    return this.ctx.tx.execute(sql`savepoint registry_import`);
  }

  /** Waits for the chunk being written, then starts writing this one. */
  async write(chunk: Chunk): Promise<void> {
    await this.settled();
    this.inFlight = this.upsert(chunk).then(
      () => {
        this.fileRows += chunk.fileRows;
        this.progress(this.fileRows);
      },
      (err) => {
        this.failure = err;
      },
    );
  }

  /** Waits for the chunk being written; throws what writing it threw. */
  async settled(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private async upsert(chunk: Chunk) {
    const writes: [TableSpec, Row[]][] = [
      [UNITS, chunk.units],
      [RESIDENTS, chunk.residents],
      [MEMBERS, chunk.members],
      [VEHICLES, chunk.vehicles],
    ];
    for (const [spec, rows] of writes) await upsertRows(this.ctx.tx, this.ctx.companyId, spec, rows);
    for (const rows of [chunk.units, chunk.residents, chunk.vehicles]) {
      for (const r of rows) this.ids.push(r.id as string);
    }
    this.tableRows += writes.reduce((n, [, rows]) => n + rows.length, 0);
  }

  /** Undoes every chunk written (after the last one has finished, so nothing is written after it). */
  async undo() {
    await this.inFlight;
    await this.ctx.tx.execute(sql`rollback to savepoint registry_import`);
  }

  async finish() {
    await this.settled();
    await this.ctx.tx.execute(sql`release savepoint registry_import`);
    // Without fresh statistics the planner takes the tables for empty and the building-scoped searches that
    // follow an import go from milliseconds to seconds.
    if (this.tableRows >= ANALYZE_AFTER) await this.ctx.tx.execute(sql`select app_analyze_registry()`);
  }
}

/**
 * Imports a building's units, residents and vehicles from a workbook (or one sheet as CSV), streamed: rows
 * are read, checked and planned one at a time and written in chunks of `chunkRows` inside the caller's
 * transaction, so memory does not grow with the file. Every row is checked; with any error, what was written
 * is undone and nothing stays (422 IMPORT_INVALID, each bad cell reported). Otherwise each entity is created,
 * updated or left as it is, so importing the same file again changes nothing; the whole import is one audit
 * entry.
 */
export async function importRegistry(ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  const building = await loadBuilding(ctx, input.buildingId);
  authorizeVisible(ctx.actor, "import", subject(registryImportPolicy, { buildingId: building.id }));
  const report = new ErrorReport(ctx.lang);
  const existing = await loadExisting(ctx, building.id);
  const planner = new Planner(ctx, building, existing, report);
  const chunkRows = input.chunkRows ?? CHUNK_ROWS;
  let read = 0;
  const writer = input.dryRun
    ? null
    : new ChunkWriter(ctx, (done) => input.onProgress?.({ phase: "write", done, total: read }));
  await writer?.begin();
  const flush = async () => {
    input.onProgress?.({ phase: "read", done: read, total: 0 });
    const chunk = planner.take();
    // After an error nothing more is written; the rows are still checked, so that every error is reported.
    if (writer && report.count === 0) await writer.write(chunk);
  };
  try {
    for await (const item of rowsOf(input, report)) {
      planner.add(item);
      read++;
      if (planner.pending >= chunkRows) await flush();
    }
    await flush();
    await writer?.settled();
  } catch (err) {
    await writer?.undo();
    throw err;
  }
  if (report.count > 0) {
    await writer?.undo();
    throw errors.rule("IMPORT_INVALID", { count: report.count, errors: report.items });
  }
  if (writer) {
    await writer.finish();
    const counts = Object.fromEntries(
      Object.entries(planner.counts).flatMap(([sheet, c]) => [
        [`${sheet}Created`, c.create],
        [`${sheet}Updated`, c.update],
      ]),
    );
    await audit(ctx, {
      action: "registry.import",
      entity: "building",
      entityId: building.id,
      changes: bulkChanges(writer.ids, counts),
    });
  }
  return { dryRun: input.dryRun, counts: planner.counts, sample: planner.sample };
}
