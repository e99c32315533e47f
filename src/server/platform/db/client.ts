import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { prepareStatements } from "./statement-cache.js";

/** A Drizzle handle bound to one open transaction, running as app_user with the tenant setting. */
export type Tx = PgDatabase<PgQueryResultHKT>;

/** Rows of a raw SQL statement (both drivers answer with `{ rows }`). */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as { rows: T[] }).rows;
}

/** The platform's own scope: platform tables and the platform audit chain live under this id. */
export const PLATFORM_SCOPE = "00000000-0000-0000-0000-000000000000";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Minimal SQL runner for pg-boss and maintenance work that must run as the owner. */
export interface OwnerSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (migrations, pg-boss schema). */
  exec(text: string): Promise<void>;
}

export interface Database {
  readonly kind: "pglite" | "postgres";
  /** Drizzle as the owner role: migrations and seeding only. */
  readonly owner: Tx;
  readonly ownerSql: OwnerSql;
  /**
   * Runs `fn` in one transaction as `app_user` with `app.company_id` set, so row-level security applies.
   * @param companyId the tenant, or PLATFORM_SCOPE for platform-wide work (no tenant rows visible)
   */
  transaction<T>(companyId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` with each `pg_notify(channel, payload)` committed by any process on this database, from
   * now until the returned function is called. On PostgreSQL one connection listens for the whole process and
   * comes back after a lost connection (what was sent meanwhile is missed).
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** The PGlite instance, for tests that dump or inspect it. */
  readonly pglite?: PGlite;
}

function assertScope(companyId: string): void {
  if (!UUID.test(companyId)) throw new Error(`invalid tenant scope ${JSON.stringify(companyId)}`);
}

const scopeSql = (companyId: string) =>
  sql`select set_config('role', 'app_user', true), set_config('app.company_id', ${companyId}, true)`;

export function openPglite(pglite: PGlite): Database {
  const owner = drizzlePglite({ client: pglite }) as unknown as Tx;
  return {
    kind: "pglite",
    owner,
    pglite,
    ownerSql: {
      query: async <T>(text: string, params?: unknown[]) =>
        (await pglite.query(text, params as unknown[])) as { rows: T[] },
      exec: async (text) => {
        await pglite.exec(text);
      },
    },
    transaction(companyId, fn) {
      assertScope(companyId);
      return (owner as unknown as Tx).transaction(async (tx) => {
        await tx.execute(scopeSql(companyId));
        return fn(tx as unknown as Tx);
      });
    },
    listen: (channel, onPayload) => pglite.listen(channelName(channel), onPayload),
    close: () => pglite.close(),
  };
}

const CHANNEL = /^[a-z_]{1,63}$/;
function channelName(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel ${JSON.stringify(channel)}`);
  return channel;
}

/**
 * PostgreSQL's notifications for one process: a connection of its own (a pooled one would carry `LISTEN` to
 * whoever borrows it next), opened on the first `listen`, reopened with back-off when lost.
 */
function postgresListener(url: string) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retryMs = 500;

  const dispatch = (message: pg.Notification) => {
    for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
  };
  const lost = (from: pg.Client) => {
    if (client !== from) return;
    client = undefined;
    from.removeAllListeners();
    from.end().catch(() => {});
    if (closed || handlers.size === 0) return;
    setTimeout(() => void connect().catch(() => {}), retryMs).unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };
  const connect = () => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on("notification", dispatch);
      next.on("error", () => lost(next));
      next.on("end", () => lost(next));
      client = next;
      try {
        await next.connect();
        for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`);
      } catch (error) {
        lost(next); // a refused connection does not always emit "error": try again from here
        throw error;
      }
      retryMs = 500;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    async listen(channel: string, onPayload: (payload: string) => void) {
      const name = channelName(channel);
      const set = handlers.get(name) ?? new Set();
      const first = set.size === 0;
      set.add(onPayload);
      handlers.set(name, set);
      try {
        if (!client) await connect();
        else if (first) {
          await connecting;
          await client?.query(`LISTEN ${name}`);
        }
      } catch (error) {
        // The caller will ask again: its handler must not be left to run twice once the connection is back.
        set.delete(onPayload);
        if (set.size === 0) handlers.delete(name);
        throw error;
      }
      return async () => {
        set.delete(onPayload);
        if (set.size > 0) return;
        handlers.delete(name);
        await client?.query(`UNLISTEN ${name}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}

/** Memory settings for the embedded server: its defaults are sized for a dedicated machine. */
const PGLITE_CONF = ["shared_buffers=16MB", "work_mem=4MB", "maintenance_work_mem=32MB"];

export async function openPgliteDir(dataDir: string): Promise<Database> {
  return openPglite(await PGlite.create({ dataDir, postgresqlconf: PGLITE_CONF }));
}

// One Drizzle handle per pooled connection, made once: building it per transaction costs measurable CPU.
// The same first use turns on per-connection prepared statements.
const handles = new WeakMap<pg.PoolClient, Tx>();
function drizzleFor(client: pg.PoolClient): Tx {
  let handle = handles.get(client);
  if (!handle) {
    prepareStatements(client);
    handle = drizzlePg({ client }) as unknown as Tx;
    handles.set(client, handle);
  }
  return handle;
}

/**
 * PostgreSQL: an owner pool (migrations, pg-boss) and an app pool that connects as app_user.
 * The app pool is created after migrations, which create the role.
 */
export function openPostgres(url: string, poolSize = 10): Database {
  const ownerPool = new pg.Pool({ connectionString: url, max: 3 });
  const listener = postgresListener(url);
  let appPool: pg.Pool | undefined;
  const getAppPool = () => {
    appPool ??= new pg.Pool({ connectionString: url, max: poolSize, options: "-c role=app_user" });
    return appPool;
  };
  return {
    kind: "postgres",
    owner: drizzlePg({ client: ownerPool }) as unknown as Tx,
    ownerSql: {
      query: async <T>(text: string, params?: unknown[]) =>
        (await ownerPool.query(text, params as unknown[])) as unknown as { rows: T[] },
      exec: async (text) => {
        await ownerPool.query(text);
      },
    },
    async transaction(companyId, fn) {
      assertScope(companyId);
      const client = await getAppPool().connect();
      let failed = false;
      try {
        // One round trip opens the transaction and sets role and tenant (the id is checked above).
        await client.query(
          `BEGIN; SELECT set_config('role', 'app_user', true), set_config('app.company_id', '${companyId}', true)`,
        );
        const result = await fn(drizzleFor(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        failed = true;
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release(failed ? true : undefined);
      }
    },
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async close() {
      await Promise.all([ownerPool.end(), appPool?.end(), listener.close()]);
    },
  };
}
