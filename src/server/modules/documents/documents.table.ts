import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** A document of a building's library (rules, minutes, contracts, forms) and who may see it. */
export const documents = pgTable(
  "documents",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    category: text("category").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    audience: text("audience").notNull(),
    requiresAck: boolean("requires_ack").notNull().default(false),
    /** The version residents see; versions are numbered from 1. */
    currentVersion: integer("current_version").notNull().default(1),
    archivedAt: tstz("archived_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("documents_building").on(t.companyId, t.buildingId, t.updatedAt),
    check("documents_category", sql`${t.category} in ('rules', 'minutes', 'contract', 'form', 'other')`),
    check("documents_audience", sql`${t.audience} in ('residents', 'owners', 'board', 'staff')`),
    check("documents_ack_audience", sql`not ${t.requiresAck} or ${t.audience} in ('residents', 'owners')`),
  ],
);

/** Each version of a document: its file (the files module's, attached to the version) and what changed. */
export const documentVersions = pgTable(
  "document_versions",
  {
    companyId: companyId(),
    id: id(),
    documentId: uuid("document_id").notNull(),
    version: integer("version").notNull(),
    fileId: uuid("file_id").notNull(),
    note: text("note"),
    publishedBy: uuid("published_by"),
    publishedAt: tstz("published_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex("document_versions_number").on(t.companyId, t.documentId, t.version),
  ],
);

/** A person's "read and acknowledged" of one version of a document that asks for it. */
export const documentAcknowledgements = pgTable(
  "document_acknowledgements",
  {
    companyId: companyId(),
    documentId: uuid("document_id").notNull(),
    version: integer("version").notNull(),
    accountId: uuid("account_id").notNull(),
    acknowledgedAt: tstz("acknowledged_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.documentId, t.version, t.accountId] })],
);
