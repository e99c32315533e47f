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
  await olderTransactionsEnded(db);
  for (const t of names) await db.ownerSql.query(`vacuum (full) "${t}"`);
  for (const step of ["select pg_switch_wal()", "checkpoint"]) {
    try {
      await db.ownerSql.query(step);
    } catch (err) {
      log?.warn({ err, step }, "compaction step skipped (needs the superuser or pg_checkpoint)");
    }
  }
}

/**
 * `VACUUM FULL` keeps a dead row version that a transaction still running may see: one begun before the
 * erasure committed (a pooled request, a job's poll) would leave the erased bytes in the new file. Waits, a
 * bounded time, until every transaction of this database older than the call has ended.
 */
async function olderTransactionsEnded(db: Database, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  const { rows } = await db.ownerSql.query<{ now: string }>("select clock_timestamp()::text as now");
  const since = rows[0]?.now;
  while (Date.now() - started < timeoutMs) {
    const { rows: older } = await db.ownerSql.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and xact_start < $1::timestamptz`,
      [since],
    );
    if ((older[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
