import { sql } from "drizzle-orm";
import type { Tx } from "./client.js";

/** What one notification can carry: PostgreSQL refuses payloads of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * Sends `pg_notify(channel, …)` for each payload in one statement, within the caller's transaction: listeners
 * in every process hear them once it commits, and nothing of a transaction that rolled back.
 */
export async function notifyOnCommit(tx: Tx, channel: string, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  for (const p of payloads) {
    if (Buffer.byteLength(p) > MAX_PAYLOAD_BYTES)
      throw new Error(`notification payload too long for ${channel}`);
  }
  const list = JSON.stringify(payloads);
  await tx.execute(sql`select pg_notify(${channel}, p) from json_array_elements_text(${list}::json) as p`);
}

/** Splits ids into groups small enough for one notification's payload each. */
export function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
