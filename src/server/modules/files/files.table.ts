import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { companyId, createdAt, id } from "../../platform/db/columns.js";

/**
 * An uploaded file: checked by its content, an image re-encoded without its metadata (and a thumbnail), kept in
 * the storage adapter under `display_key` (and `thumb_key`). It belongs to its uploader until the resource it
 * was uploaded for (an announcement, a message) claims it; unclaimed files are removed after a day.
 */
export const files = pgTable(
  "files",
  {
    companyId: companyId(),
    id: id(),
    uploadedBy: uuid("uploaded_by").notNull(),
    purpose: text("purpose").notNull(),
    /** The announcement, message… that shows it; null until claimed. */
    attachedTo: uuid("attached_to"),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    width: integer("width"),
    height: integer("height"),
    displayKey: text("display_key").notNull(),
    thumbKey: text("thumb_key"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("files_attached").on(t.companyId, t.attachedTo),
    index("files_unclaimed").on(t.companyId, t.createdAt).where(sql`${t.attachedTo} is null`),
    check("files_kind", sql`${t.kind} in ('image', 'pdf')`),
    check(
      "files_purpose",
      sql`${t.purpose} in ('announcement', 'conversation', 'ticket', 'parcel', 'document', 'renovation', 'catalog_item')`,
    ),
  ],
);
