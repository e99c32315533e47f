import { createHash } from "node:crypto";
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Database } from "../db/client.js";

/*
 * Rate-limit counters kept in PostgreSQL, so that several API processes count one client's requests together
 * (10 sign-in attempts a minute stay 10 behind a load balancer, not 10 per process). The table is UNLOGGED:
 * counters are not worth a write-ahead log and start again empty after a crash. A key is a hash of the route
 * and the client's address: no address is stored.
 *
 * Small limits (the security ones: sign-in steps, one-time codes, invitations) are counted in the database on
 * every request, exactly. Large ones (the flood guard every route has) would cost every request a round trip
 * for a figure nobody needs to the unit: a process counts them itself and adds its count to the shared one
 * every FLUSH_MS, and counts exactly again once a client is within half of its limit. Across processes such a
 * limit may then be passed by what the others counted in their last FLUSH_MS.
 */

/** Limits up to this many requests per window are counted exactly on every request. */
const EXACT_UP_TO = 100;
const FLUSH_MS = 200;
const PURGE_EVERY_MS = 60_000;

const ADD = `
  insert into rate_limit_hits as r (key, hits, resets_at)
  select k, n, clock_timestamp() + w * interval '1 millisecond'
    from unnest($1::text[], $2::int[], $3::int[]) as t(k, n, w)
  on conflict (key) do update set
    hits = case when r.resets_at <= clock_timestamp() then excluded.hits else r.hits + excluded.hits end,
    resets_at = case when r.resets_at <= clock_timestamp() then excluded.resets_at else r.resets_at end
  returning key, hits, greatest(0, ceil(extract(epoch from r.resets_at - clock_timestamp()) * 1000))::int as ttl`;

type Hits = { current: number; ttl: number };
/** What this process knows of a key: the shared count it last read, its own hits since, the window's end. */
type Known = { shared: number; pending: number; window: number; endsAt: number };

export function sharedRateLimitStore(db: Database): { Store: FastifyRateLimitStoreCtor; stop: () => void } {
  const known = new Map<string, Known>();

  const add = async (hits: Map<string, { n: number; window: number }>) => {
    const keys = [...hits.keys()];
    const { rows } = await db.ownerSql.query<{ key: string; hits: number; ttl: number }>(ADD, [
      keys,
      keys.map((k) => hits.get(k)?.n ?? 0),
      keys.map((k) => hits.get(k)?.window ?? 0),
    ]);
    const now = Date.now();
    const counts = new Map<string, Hits>();
    for (const row of rows) {
      const window = hits.get(row.key)?.window ?? 0;
      counts.set(row.key, { current: row.hits, ttl: row.ttl });
      const k = known.get(row.key);
      known.set(row.key, { shared: row.hits, pending: k?.pending ?? 0, window, endsAt: now + row.ttl });
    }
    return counts;
  };

  const flush = async () => {
    const hits = new Map<string, { n: number; window: number }>();
    const now = Date.now();
    for (const [key, k] of known) {
      if (k.pending > 0) {
        hits.set(key, { n: k.pending, window: k.window });
        k.pending = 0;
      } else if (k.endsAt <= now) known.delete(key);
    }
    if (hits.size > 0) await add(hits).catch(() => {});
  };

  const flusher = setInterval(() => void flush(), FLUSH_MS);
  flusher.unref();
  const purger = setInterval(() => {
    db.ownerSql.query("delete from rate_limit_hits where resets_at < clock_timestamp()").catch(() => {});
  }, PURGE_EVERY_MS);
  purger.unref();

  class SharedStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = "") {}

    incr(key: string, callback: (error: Error | null, result?: Hits) => void, window: number, max: number) {
      const hashed = createHash("sha256").update(`${this.prefix}${key}`).digest("base64url");
      const k = known.get(hashed);
      const now = Date.now();
      if (max > EXACT_UP_TO && k && k.endsAt > now && k.shared + k.pending + 1 <= max / 2) {
        k.pending++;
        return callback(null, { current: k.shared + k.pending, ttl: k.endsAt - now });
      }
      const n = 1 + (k && k.endsAt > now ? k.pending : 0);
      if (k) k.pending = 0;
      add(new Map([[hashed, { n, window }]]))
        .then((counts) => callback(null, counts.get(hashed) ?? { current: n, ttl: window }))
        .catch((error: Error) => callback(error));
    }

    // The plugin passes the route's merged limit options, the route itself under `routeInfo`.
    child(options: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      const route =
        (options as { routeInfo?: { method: string | string[]; url: string } }).routeInfo ?? options;
      return new SharedStore(`${this.prefix}${route.method}${route.url}-`);
    }
  }

  const stop = () => {
    clearInterval(flusher);
    clearInterval(purger);
  };
  return { Store: SharedStore as unknown as FastifyRateLimitStoreCtor, stop };
}
