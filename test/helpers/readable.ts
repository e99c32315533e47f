import { decrypt } from "../../src/server/platform/crypto/crypto.js";
import type { TestEnv } from "./app.js";

/**
 * The tables where a value can still be read: in clear in any column, or inside any encrypted column that a
 * key still in the database (a person's data key, or the system key) opens. What only a destroyed key opened
 * is not readable.
 */
export async function readableIn(env: TestEnv, needle: string): Promise<string[]> {
  const { keyring } = env.app.platform;
  const wrapped = await env.db.ownerSql.query<{ k: Uint8Array }>(
    "select data_key as k from residents where data_key is not null union all select data_key from accounts where data_key is not null",
  );
  const keys = [keyring.systemKey, ...wrapped.rows.map((r) => keyring.unwrap(Buffer.from(r.k)))];
  const columns = await env.db.ownerSql.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
       join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
  );
  const hits = new Set<string>();
  for (const table of new Set(columns.rows.map((c) => c.table_name))) {
    const { rows } = await env.db.ownerSql.query<{ n: number }>(
      `select count(*)::int as n from "${table}" t where t::text ilike $1`,
      [`%${needle}%`],
    );
    if ((rows[0]?.n ?? 0) > 0) hits.add(table);
    for (const { column_name } of columns.rows.filter(
      (c) => c.table_name === table && c.data_type === "bytea",
    )) {
      const boxes = await env.db.ownerSql.query<{ v: Uint8Array }>(
        `select "${column_name}" as v from "${table}" where "${column_name}" is not null`,
      );
      for (const { v } of boxes.rows) {
        for (const key of keys) {
          try {
            if (decrypt(key, Buffer.from(v)).toLowerCase().includes(needle.toLowerCase())) hits.add(table);
          } catch {
            // Not sealed with this key.
          }
        }
      }
    }
  }
  return [...hits];
}

/**
 * Whether some bytes are still in a table's heap file on disk (live rows or old row versions), after a
 * checkpoint has written the buffers out. Works on PostgreSQL and on PGlite (its virtual file system).
 */
export async function bytesInHeapFile(env: TestEnv, table: string, bytes: Buffer): Promise<boolean> {
  await env.db.ownerSql.query("checkpoint");
  const { rows } = await env.db.ownerSql.query<{ pos: number }>(
    `select position($1::bytea in pg_read_binary_file(pg_relation_filepath($2::regclass))) as pos`,
    [bytes, table],
  );
  return (rows[0]?.pos ?? 0) > 0;
}
