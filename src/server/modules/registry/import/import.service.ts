import { sql } from "drizzle-orm";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, errors } from "../../../platform/errors.js";
import { loadBuilding } from "../../buildings/buildings.service.js";
import { MEMBERS, RESIDENTS, type Row, type TableSpec, UNITS, upsertRows, VEHICLES } from "./import.apply.js";
import type { SheetKey } from "./import.columns.js";
import { ErrorReport, parseFile } from "./import.parse.js";
import { type Change, type Counts, loadExisting, type Plan, Planner } from "./import.plan.js";
import type { Format, Source } from "./import.read.js";
import "./import.policy.js";

export type Progress = { phase: "read" | "write"; done: number; total: number };

export type ImportInput = {
  buildingId: string;
  /** The file's bytes or its path. */
  source: Source;
  format: Format;
  /** Which sheet a CSV file holds (ignored for .xlsx, whose sheets are named). */
  sheet: SheetKey;
  /** Validate and plan only: nothing is written. */
  dryRun: boolean;
  onProgress?: (p: Progress) => void;
};

export type ImportResult = { dryRun: boolean; counts: Record<SheetKey, Counts>; sample: Change[] };

async function readFile(input: ImportInput, report: ErrorReport) {
  const progress = (done: number) => input.onProgress?.({ phase: "read", done, total: 0 });
  try {
    return await parseFile(input.source, input.format, input.sheet, report, progress);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && !(err instanceof TypeError)) throw errors.rule("IMPORT_FILE_UNREADABLE");
    throw err;
  }
}

/** Rows written at once past which the registry's statistics are refreshed (drizzle/0025). */
const ANALYZE_AFTER = 1000;

/** Writes the plan table by table, parents first, in set-based chunks. */
async function apply(ctx: Ctx, plan: Plan, onProgress?: (p: Progress) => void) {
  const writes: [TableSpec, Row[]][] = [
    [UNITS, plan.units],
    [RESIDENTS, plan.residents],
    [MEMBERS, plan.members],
    [VEHICLES, plan.vehicles],
  ];
  const total = writes.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  for (const [spec, rows] of writes) {
    await upsertRows(ctx.tx, ctx.companyId, spec, rows, (n) => {
      done += n;
      onProgress?.({ phase: "write", done, total });
    });
  }
  // Without fresh statistics the planner takes the tables for empty and the building-scoped searches that
  // follow an import go from milliseconds to seconds.
  if (total >= ANALYZE_AFTER) await ctx.tx.execute(sql`select app_analyze_registry()`);
}

/**
 * Imports a building's units, residents and vehicles from a workbook (or one sheet as CSV): every row is
 * checked first, and with any error nothing is written (422 IMPORT_INVALID, each bad cell reported).
 * Otherwise each entity is created, updated or left as it is, so importing the same file again changes
 * nothing; the whole import is one audit entry.
 */
export async function importRegistry(ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  const building = await loadBuilding(ctx, input.buildingId);
  authorizeVisible(ctx.actor, "import", subject("registry_import", { buildingId: building.id }));
  const report = new ErrorReport(ctx.lang);
  const file = await readFile(input, report);
  const existing = await loadExisting(ctx, building.id);
  const plan = new Planner(ctx, building, existing, report).run(file);
  if (report.count > 0) {
    throw errors.rule("IMPORT_INVALID", { count: report.count, errors: report.items });
  }
  if (!input.dryRun) {
    await apply(ctx, plan, input.onProgress);
    const ids = [plan.units, plan.residents, plan.vehicles].flatMap((rows) =>
      rows.map((r) => r.id as string),
    );
    const counts = Object.fromEntries(
      Object.entries(plan.counts).flatMap(([sheet, c]) => [
        [`${sheet}Created`, c.create],
        [`${sheet}Updated`, c.update],
      ]),
    );
    await audit(ctx, {
      action: "registry.import",
      entity: "building",
      entityId: building.id,
      changes: bulkChanges(ids, counts),
    });
  }
  return { dryRun: input.dryRun, counts: plan.counts, sample: plan.sample };
}
