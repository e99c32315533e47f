import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/server/platform/db/client.js";
import { withDatabase } from "../setup/global-setup.js";

/**
 * A fresh, migrated database for one test file: PGlite loaded from the template's dump, or a PostgreSQL
 * database created from the template database. `drop()` closes and removes it.
 */
export async function freshDatabase(): Promise<{ db: Database; url?: string; drop: () => Promise<void> }> {
  if (inject("dbKind") === "pglite") {
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("template"))]) });
    const db = openPglite(pglite);
    return { db, drop: () => db.close() };
  }
  const url = inject("postgresUrl");
  const name = `chungcu_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("template")}`);
  const dbUrl = withDatabase(url, name);
  const db = openPostgres(dbUrl, 5);
  return {
    db,
    url: dbUrl,
    drop: async () => {
      await db.close();
      // pg's pool.end() resolves before the server has ended those backends; FORCE would then kill them
      // mid-goodbye and their clients report it as an error. Wait for them to go first (bounded).
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
