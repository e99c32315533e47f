import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";
import { projectRoot } from "../../paths.js";
import { type Database, openPgliteDir, openPostgres } from "./client.js";

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite.
 * @param opts.initialiseInChild create a new PGlite directory in a child process (the long-running server)
 */
export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir" | "poolSize">,
  opts: { initialiseInChild?: boolean } = {},
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize);
  const dir = path.join(config.dataDir, "pglite");
  if (opts.initialiseInChild && !existsSync(path.join(dir, "PG_VERSION"))) initialisePglite(config.dataDir);
  return openPgliteDir(dir);
}

/**
 * Creates and migrates a new PGlite data directory in a child process. PGlite's initdb grows the WASM heap
 * to about 700 MB and never gives it back; done here, the server itself starts at about a third of that.
 */
function initialisePglite(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const cli = path.join(projectRoot, "dist", "cli", "main.js");
  if (!existsSync(cli)) return; // running from source (tsx): initialise in this process
  execFileSync(process.execPath, [cli, "db", "migrate"], {
    timeout: 120_000,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
