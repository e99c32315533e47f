import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { decrypt, encrypt } from "../crypto/crypto.js";
import type { Database, Tx } from "../db/client.js";
import type { accessLog } from "./access-log.table.js";

export type AccessLogRow = typeof accessLog.$inferInsert;

export type Origin = { ip: string | null; userAgent: string | null; referrer: string | null };

/** Where a request came from: sealed with the person's data key when there is one, else kept in clear. */
export function sealOrigin(key: Buffer | null, origin: Origin): Partial<AccessLogRow> {
  return key ? { sealed: encrypt(key, JSON.stringify(origin)) } : origin;
}

/** The origin of a row, opened with its person's key (null when the key is gone: the person was erased). */
export function openOrigin(
  row: Pick<AccessLogRow, "sealed" | "ip" | "userAgent" | "referrer">,
  key: Buffer | null,
): Origin {
  if (!row.sealed)
    return { ip: row.ip ?? null, userAgent: row.userAgent ?? null, referrer: row.referrer ?? null };
  if (!key) return { ip: null, userAgent: null, referrer: null };
  return JSON.parse(decrypt(key, row.sealed)) as Origin;
}

/**
 * Access-log rows are buffered and written in batches (one insert per company per flush) so that
 * per-request bookkeeping costs no extra round trip on the request's path.
 */
export class AccessLogWriter {
  private buffer: AccessLogRow[] = [];
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly maxBatch = 500,
    intervalMs = 1000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  push(row: AccessLogRow): void {
    this.buffer.push(row);
    if (this.buffer.length >= this.maxBatch) void this.flush();
  }

  /** Writes what is buffered; resolves when every earlier flush is done too. */
  flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(() => this.write(rows));
    return this.flushing;
  }

  private async write(rows: AccessLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    const byCompany = new Map<string, AccessLogRow[]>();
    for (const r of rows) {
      const group = byCompany.get(r.companyId);
      if (group) group.push(r);
      else byCompany.set(r.companyId, [r]);
    }
    for (const [companyId, group] of byCompany) {
      try {
        await this.db.transaction(companyId, (tx) => insertRows(tx, companyId, group));
      } catch (err) {
        this.log.error({ err, rows: group.length }, "access log batch lost");
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

/** One statement with one array per column: building a many-row VALUES list costs far more CPU. */
function insertRows(tx: Tx, companyId: string, rows: AccessLogRow[]) {
  // sql.param: one array parameter, not a list of parameters (how Drizzle renders a bare array).
  const col = <K extends keyof AccessLogRow>(k: K) => sql.param(rows.map((r) => r[k] ?? null));
  return tx.execute(sql`
    insert into access_log (company_id, at, account_id, method, path, status, ip, user_agent, lang, referrer, request_id, duration_ms, sealed)
    select ${companyId}::uuid, at, account_id, method, path, status, ip, user_agent, lang, referrer, request_id,
           duration_ms, decode(sealed, 'base64')
    from unnest(
      ${sql.param(rows.map((r) => r.at.toISOString()))}::timestamptz[], ${col("accountId")}::uuid[],
      ${col("method")}::text[], ${col("path")}::text[], ${col("status")}::int[], ${col("ip")}::text[],
      ${col("userAgent")}::text[], ${col("lang")}::text[], ${col("referrer")}::text[], ${col("requestId")}::text[],
      ${col("durationMs")}::int[], ${sql.param(rows.map((r) => r.sealed?.toString("base64") ?? null))}::text[])
      as t(at, account_id, method, path, status, ip, user_agent, lang, referrer, request_id, duration_ms, sealed)`);
}
