import { bigint, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { bytea, companyId, tstz } from "../db/columns.js";

/** One row per request (DESIGN §3 access logs), written in batches, purged after the retention period. */
export const accessLog = pgTable(
  "access_log",
  {
    companyId: companyId(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    at: tstz("at").notNull(),
    accountId: uuid("account_id"),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    lang: text("lang"),
    referrer: text("referrer"),
    /**
     * For a signed-in person: their IP, browser and referrer as JSON, sealed with their data key (DESIGN §3), so
     * erasing them makes these unreadable; ip, user_agent and referrer stay empty. Anonymous rows keep them in
     * clear until the retention purge.
     */
    sealed: bytea("sealed"),
    requestId: text("request_id").notNull(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), index("access_log_at").on(t.companyId, t.at)],
);
