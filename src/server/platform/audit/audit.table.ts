import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, tstz } from "../db/columns.js";

/** Head of each company's hash chain, locked while an entry is appended. */
export const auditHeads = pgTable("audit_heads", {
  companyId: companyId().primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/** Tamper-evident audit log: hash = sha256(prev_hash || canonical JSON of the entry). app_user may only insert. */
export const auditLog = pgTable(
  "audit_log",
  {
    companyId: companyId(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: tstz("at").notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    /** Changed fields as { field: [before, after] } with personal data masked; bulk entries hold counts and a digest. */
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull(),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.seq] }),
    index("audit_log_entity").on(t.companyId, t.entity, t.entityId),
  ],
);
