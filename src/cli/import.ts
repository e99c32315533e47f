import { type ImportResult, importRegistry, type Progress } from "../server/modules/registry/index.js";
import { systemActor } from "../server/platform/authz/actor.js";
import type { Platform } from "../server/platform/context.js";
import type { Database } from "../server/platform/db/client.js";

export type ImportFileOptions = {
  buildingId: string;
  /** The .xlsx workbook or .csv sheet on disk. */
  file: string;
  /** units | residents | vehicles: the sheet a .csv file holds; "all" for a workbook. */
  sheet: "units" | "residents" | "vehicles" | "all";
  dryRun: boolean;
  onProgress?: (p: Progress) => void;
};

/** The company owning a building (the operator names buildings by id). */
export async function companyOfBuilding(db: Database, buildingId: string): Promise<string> {
  const rows = await db.ownerSql.query<{ company_id: string }>(
    "select company_id from buildings where id::text = $1",
    [buildingId],
  );
  const companyId = rows.rows[0]?.company_id;
  if (!companyId) throw new Error(`no building ${buildingId}`);
  return companyId;
}

/**
 * `chungcu import`: a file on disk imported as the API imports an upload. The operator acts with a company
 * admin's rights; the audit entry names no account.
 */
export async function importFromFile(
  db: Database,
  platform: Platform,
  opts: ImportFileOptions,
): Promise<ImportResult> {
  const companyId = await companyOfBuilding(db, opts.buildingId);
  const actor = { ...systemActor, role: "company_admin" as const };
  return db.transaction(companyId, (tx) =>
    importRegistry(
      { companyId, actor, lang: "en", requestId: "cli", tx, platform, afterCommit: () => {} },
      {
        buildingId: opts.buildingId,
        source: opts.file,
        format: opts.file.toLowerCase().endsWith(".csv") ? "csv" : "xlsx",
        sheet: opts.sheet === "all" ? "units" : opts.sheet,
        dryRun: opts.dryRun,
        onProgress: opts.onProgress,
      },
    ),
  );
}
