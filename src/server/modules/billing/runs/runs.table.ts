import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { companyId, id, tstz } from "../../../platform/db/columns.js";
import { vnd } from "../core/columns.js";

/** One billing run per building and period; re-running it adds what is missing and changes nothing else. */
export const billingRuns = pgTable(
  "billing_runs",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    period: text("period").notNull(),
    status: text("status").notNull().default("running"),
    /** The building's units, and how many the run has gone through (its progress). */
    units: integer("units").notNull().default(0),
    done: integer("done").notNull().default(0),
    created: integer("created").notNull().default(0),
    redrafted: integer("redrafted").notNull().default(0),
    /** Issued notices the run would now compute differently: corrected by adjustment notices, never edited. */
    changedAfterIssue: integer("changed_after_issue").notNull().default(0),
    invoices: integer("invoices").notNull().default(0),
    total: vnd("total").notNull().default(0),
    startedBy: uuid("started_by"),
    startedAt: tstz("started_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("billing_runs_period").on(t.companyId, t.buildingId, t.period),
    check("billing_runs_status", sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);
