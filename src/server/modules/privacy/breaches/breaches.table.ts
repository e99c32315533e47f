import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";

/** A personal-data breach and its 72-hour clock from detection. */
export const breachIncidents = pgTable(
  "breach_incidents",
  {
    companyId: companyId(),
    id: id(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    detectedAt: tstz("detected_at").notNull(),
    severity: text("severity").notNull(),
    status: text("status").notNull().default("open"),
    fields: text("fields").array().notNull(),
    containment: jsonb("containment")
      .$type<{ at: string; step: string; by: string | null }[]>()
      .notNull()
      .default([]),
    authorityNotifiedAt: tstz("authority_notified_at"),
    authorityReference: text("authority_reference"),
    residentsNotifiedAt: tstz("residents_notified_at"),
    residentsNotified: integer("residents_notified").notNull().default(0),
    overdueAlertedAt: tstz("overdue_alerted_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("breach_incidents_status").on(t.companyId, t.status),
    check("breach_incidents_severity", sql`${t.severity} in ('low', 'medium', 'high', 'critical')`),
    check("breach_incidents_status_check", sql`${t.status} in ('open', 'contained', 'closed')`),
  ],
);

/** The people a breach touched, fixed when it is opened. */
export const breachAffected = pgTable(
  "breach_affected",
  {
    companyId: companyId(),
    incidentId: uuid("incident_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    notifiedAt: tstz("notified_at"),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.incidentId, t.residentId] })],
);
