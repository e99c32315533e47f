import { and, asc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../context.js";
import { maskContact, parseContact } from "../crypto/contact.js";
import { sha256 } from "../crypto/crypto.js";
import type { Database, Tx } from "../db/client.js";
import { type FieldCatalog, personalFieldOf, personalFields } from "../privacy/personal-data.js";
import { auditHeads, auditLog } from "./audit.table.js";
import { canonicalJson } from "./canonical.js";

export const GENESIS = "0".repeat(64);

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
};

type HashedFields = {
  companyId: string;
  seq: number;
  at: string;
  actorAccountId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
};

export const entryHash = (prevHash: string, e: HashedFields) => sha256(prevHash + canonicalJson(e));

/** Transactions that have written an audit entry; a state-changing request without one gets a generic entry. */
export const auditedTransactions = new WeakSet<object>();

/**
 * Says that the request changed nothing worth an entry (a repeated delivery of something already recorded),
 * so it gets no generic one.
 */
export function nothingToAudit(ctx: Ctx): void {
  auditedTransactions.add(ctx.tx);
}

/** Appends one entry to the company's hash chain, inside the caller's transaction. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const { tx, companyId } = ctx;
  auditedTransactions.add(ctx.tx);
  await tx.insert(auditHeads).values({ companyId, seq: 0, hash: GENESIS }).onConflictDoNothing();
  const [head] = await tx
    .select({ seq: auditHeads.seq, hash: auditHeads.hash })
    .from(auditHeads)
    .where(eq(auditHeads.companyId, companyId))
    .for("update");
  if (!head) throw new Error("audit head missing");
  const fields: HashedFields = {
    companyId,
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actorAccountId: ctx.actor.accountId,
    actorRole: ctx.actor.role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    // Stored exactly as hashed: personal fields masked, then in the form the database's JSON keeps.
    changes: JSON.parse(
      canonicalJson(maskPersonal(personalFields(ctx.platform), entry.entity, entry.changes ?? {})),
    ),
    requestId: ctx.requestId,
  };
  const hash = entryHash(head.hash, fields);
  await tx.insert(auditLog).values({ ...fields, at: new Date(fields.at), prevHash: head.hash, hash });
  await tx.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.companyId, companyId));
}

/** One entry for a bulk operation: counts and a digest of the affected ids, not one entry per row. */
export function bulkChanges(
  ids: readonly string[],
  counts: Record<string, number> = {},
): Record<string, unknown> {
  return { count: ids.length, ...counts, digest: sha256([...ids].sort().join("\n")) };
}

/**
 * Changed fields as { field: [before, after] }. Personal fields are masked: contacts keep their masked
 * form, anything else becomes "***", so the audit log never holds personal data in clear.
 */
export function diff<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  personal: readonly (keyof T)[] = [],
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (canonicalJson(b) === canonicalJson(a)) continue;
    out[key] = personal.includes(key as keyof T) ? [maskValue(b), maskValue(a)] : [b, a];
  }
  return out;
}

function maskValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && v.includes("***")) return v; // masked already
  const contact = typeof v === "string" ? parseContact(v) : null;
  return contact ? maskContact(contact) : "***";
}

/**
 * The audit log is hash-chained, so nothing written into it can be erased later: every change to a field the
 * personal-data registry lists for the entry's record (`number` of an `access_card`, `plate` of a `vehicle`,
 * …) is masked here, whatever the service passed. A change is `[before, after]` or a single value.
 */
export function maskPersonal(
  fields: FieldCatalog,
  entity: string,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!personalFieldOf(fields, entity, key)) out[key] = value;
    else out[key] = Array.isArray(value) ? value.map(maskValue) : maskValue(value);
  }
  return out;
}

export type ChainBreak = { companyId: string; seq: number; reason: string };

type ChainRow = typeof auditLog.$inferSelect;

/**
 * Walks one company's chain from its first entry, reading it in pages through `read` (entries after a
 * sequence number, in order), and answers how many entries hold and the first broken link: a row whose hash
 * does not match its content, whose prev_hash is not its predecessor's hash, a gap in the sequence, or a head
 * that does not match the last row.
 */
async function walkChain(
  head: { seq: number; hash: string },
  read: (afterSeq: number) => Promise<ChainRow[]>,
): Promise<{ verified: number; broken: { seq: number; reason: string } | null }> {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (;;) {
    const rows = await read(expectedSeq - 1);
    if (rows.length === 0) break;
    for (const r of rows) {
      const broken = (reason: string) => ({ verified: expectedSeq - 1, broken: { seq: r.seq, reason } });
      if (r.seq !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}`);
      if (r.prevHash !== prev) return broken("prev_hash does not match the previous entry");
      const recomputed = entryHash(prev, {
        companyId: r.companyId,
        seq: r.seq,
        at: r.at.toISOString(),
        actorAccountId: r.actorAccountId,
        actorRole: r.actorRole,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        changes: r.changes,
        requestId: r.requestId,
      });
      if (recomputed !== r.hash) return broken("content does not match its hash");
      prev = r.hash;
      expectedSeq++;
    }
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== prev) {
    return {
      verified: expectedSeq - 1,
      broken: { seq: expectedSeq, reason: "chain head does not match the last entry" },
    };
  }
  return { verified: expectedSeq - 1, broken: null };
}

const CHAIN_PAGE = 5000;

const chainPage = (tx: Tx, companyId: string) => (afterSeq: number) =>
  tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.companyId, companyId), gt(auditLog.seq, afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(CHAIN_PAGE);

/**
 * Walks every company's chain (as the owner, which sees all companies) and reports the first broken link.
 */
export async function verifyAuditChains(
  db: Database,
  onProgress?: (done: number, total: number) => void,
): Promise<{ entries: number; companies: number; broken: ChainBreak | null }> {
  const heads = await db.owner.select().from(auditHeads).orderBy(asc(auditHeads.companyId));
  let entries = 0;
  for (const [i, head] of heads.entries()) {
    const walked = await walkChain(head, chainPage(db.owner, head.companyId));
    entries += walked.verified;
    if (walked.broken) {
      return { entries, companies: heads.length, broken: { companyId: head.companyId, ...walked.broken } };
    }
    onProgress?.(i + 1, heads.length);
  }
  return { entries, companies: heads.length, broken: null };
}

/**
 * Verifies the chain of the transaction's company (its row-level security shows no other): how many entries
 * hold from the first, and the first broken link if any. `entries` is the head's count.
 */
export async function verifyCompanyChain(
  tx: Tx,
  companyId: string,
): Promise<{ entries: number; verified: number; broken: { seq: number; reason: string } | null }> {
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.companyId, companyId));
  if (!head) return { entries: 0, verified: 0, broken: null };
  return { entries: head.seq, ...(await walkChain(head, chainPage(tx, companyId))) };
}
