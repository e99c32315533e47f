import type { Logger } from "pino";
import type { Database } from "./client.js";

const TABLE = /^[a-z_][a-z0-9_]*$/;

/**
 * Rewrites some tables so the old versions of their rows are gone from the files on disk, then writes a
 * checkpoint so the write-ahead log that still held them can be recycled. An UPDATE or DELETE leaves the old
 * row version in the heap file (a plain VACUUM marks its space free but leaves its bytes); `VACUUM FULL`
 * writes the live rows into a new file (indexes and TOAST too) and the old file is removed at the checkpoint.
 * This is what makes crypto-shredding hold on disk: a destroyed data key and an erased name are no longer in
 * any file the database keeps.
 *
 * Runs as the owner, outside any transaction (VACUUM refuses one); it takes each table's exclusive lock for
 * the time of its rewrite. Switching the WAL segment and the checkpoint need the superuser (or the
 * `pg_checkpoint` role); without them the rewrite still happens and the log says what was skipped.
 */
export async function compactTables(db: Database, tables: readonly string[], log?: Logger): Promise<void> {
  const names = [...new Set(tables)].sort();
  if (names.length === 0) return;
  for (const t of names) if (!TABLE.test(t)) throw new Error(`not a table name: ${t}`);
  for (const t of names) await db.ownerSql.query(`vacuum (full) "${t}"`);
  for (const step of ["select pg_switch_wal()", "checkpoint"]) {
    try {
      await db.ownerSql.query(step);
    } catch (err) {
      log?.warn({ err, step }, "compaction step skipped (needs the superuser or pg_checkpoint)");
    }
  }
}
