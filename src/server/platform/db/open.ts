import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";
import { type Database, openPgliteDir, openPostgres } from "./client.js";

/** PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite. */
export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir" | "poolSize">,
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize);
  const dir = path.join(config.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  return openPgliteDir(dir);
}
