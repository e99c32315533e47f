import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../../src/server/platform/db/client.js";
import { migrate } from "../../src/server/platform/db/migrate.js";
import { testDatabaseKind } from "./kind.js";

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgres";
    /** PGlite: path of the migrated template's dump. PostgreSQL: the template database's name. */
    template: string;
    postgresUrl: string;
  }
}

/** Migrates one template per run; each test file then gets its own copy (see test/helpers/db.ts). */
export default async function setup(project: TestProject) {
  // What the suites observe is compared with the OpenAPI document after the run (scripts/test.mjs).
  rmSync(".tmp/api-statuses", { recursive: true, force: true });
  const kind = testDatabaseKind();
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "chungcu-tmpl-"));
    const pglite = await PGlite.create();
    await migrate(openPglite(pglite));
    const dump = await pglite.dumpDataDir("none");
    const file = path.join(dir, "template.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    project.provide("dbKind", "pglite");
    project.provide("template", file);
    project.provide("postgresUrl", "");
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.TEST_DATABASE_URL as string;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect().catch((err) => {
    throw new Error(`TEST_DATABASE_URL=${url} does not answer: ${err.message}`);
  });
  const template = `chungcu_tmpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template}`);
  const db = openPostgres(withDatabase(url, template));
  await migrate(db);
  await db.close();
  project.provide("dbKind", "postgres");
  project.provide("template", template);
  project.provide("postgresUrl", url);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
