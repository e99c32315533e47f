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
  if (!(await olderTransactionsEnded(db))) {
    log?.warn(
      { tables: names },
      "compaction did not wait out older transactions: old row versions may remain",
    );
  }
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
 * `VACUUM FULL` keeps a dead row version that some transaction may still see: any snapshot whose xmin is
 * older than the erasure's commit. That is not only a transaction begun before the erasure committed (a pooled
 * request, a job's poll) but also one begun after it while an older transaction was still running — in any
 * database of the server, as a snapshot's xmin is the oldest transaction running anywhere. Waits, a bounded
 * time, until no backend of this database holds a snapshot, and no backend of any database runs a transaction,
 * older than the first transaction id not yet assigned when the call began (what the server itself weighs to
 * decide which row versions are dead). Answers whether that happened in time.
 */
async function olderTransactionsEnded(db: Database, timeoutMs = 60_000): Promise<boolean> {
  const started = Date.now();
  // xid8 to the 32-bit xid that pg_stat_activity shows; age() compares them across wraparound.
  const { rows } = await db.ownerSql.query<{ horizon: string }>(
    "select (pg_snapshot_xmax(pg_current_snapshot())::text::numeric % 4294967296)::text as horizon",
  );
  const horizon = rows[0]?.horizon;
  while (Date.now() - started < timeoutMs) {
    const { rows: older } = await db.ownerSql.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where pid <> pg_backend_pid()
          and (age(backend_xid) > age($1::xid)
               or (datname = current_database() and age(backend_xmin) > age($1::xid)))`,
      [horizon],
    );
    if ((older[0]?.n ?? 0) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
