import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";

/** A hold placed by the company (an open dispute) that keeps a person's data from erasure until released. */
export const legalHolds = pgTable(
  "legal_holds",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    reason: text("reason").notNull(),
    reference: text("reference"),
    placedBy: uuid("placed_by"),
    placedAt: tstz("placed_at").notNull().defaultNow(),
    releasedBy: uuid("released_by"),
    releasedAt: tstz("released_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("legal_holds_resident").on(t.companyId, t.residentId),
  ],
);
