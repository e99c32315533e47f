import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/db.js";
import type { Database } from "./client.js";
import { compactTables } from "./compact.js";

/*
 * Compaction after an erasure must not run while some snapshot can still see the erased row version, or
 * VACUUM FULL copies it into the new file. Needs several connections at once: PostgreSQL only (PGlite has one).
 */
describe.runIf(inject("dbKind") === "postgres")("compactTables", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let elsewhere: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Database;
  const open: pg.Client[] = [];
  const connect = async (url = fresh.url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    open.push(client);
    return client;
  };
  const inHeapFile = async (secret: string) => {
    await db.ownerSql.query("checkpoint");
    const { rows } = await db.ownerSql.query<{ pos: number }>(
      "select position(convert_to($1, 'UTF8') in pg_read_binary_file(pg_relation_filepath('shred_me'))) as pos",
      [secret],
    );
    return (rows[0]?.pos ?? 0) > 0;
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    elsewhere = await freshDatabase();
    db = fresh.db;
    await db.ownerSql.query("create table shred_me (id int primary key, secret text)");
    for (const d of [db, elsewhere.db]) await d.ownerSql.query("create table unrelated (id int)");
  });
  afterAll(async () => {
    for (const client of open) await client.end();
    await fresh.drop();
    await elsewhere.drop();
  });

  // A snapshot's xmin is the oldest transaction running on the whole server, so a writer in another database
  // holds back what a snapshot taken later in this one may see.
  it.each([
    ["this database", () => fresh.url],
    ["another database", () => elsewhere.url],
  ])(
    "waits for a snapshot taken after it began that still sees the erased row (older writer in %s), then leaves no trace of it",
    async (_where, olderUrl) => {
      await db.ownerSql.query("delete from shred_me");
      await db.ownerSql.query("insert into shred_me values (1, 'Secret-Erased-Name')");
      const older = await connect(olderUrl());
      const later = await connect();
      // A writer begun before the erasure, still running when the compaction starts.
      await older.query("begin");
      await older.query("insert into unrelated values (1)");
      await db.ownerSql.query("update shred_me set secret = 'gone' where id = 1");
      let compacted = false;
      const compaction = compactTables(db, ["shred_me"]).then(() => {
        compacted = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Begun after the compaction started, but its snapshot's xmin is the older writer's: it can see the old
      // row version, so the compaction must wait for it too, not only for what began before.
      await later.query("begin isolation level repeatable read");
      await later.query("select count(*) from unrelated");
      await older.query("commit");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(compacted).toBe(false);
      await later.query("commit");
      await compaction;
      expect(await inHeapFile("Secret-Erased-Name")).toBe(false);
      expect(await inHeapFile("gone")).toBe(true);
    },
  );
});
