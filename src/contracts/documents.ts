import { z } from "zod";
import { abilities, PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";

export const DocumentCategory = z.enum(["rules", "minutes", "contract", "form", "other"]);
/**
 * Who sees a document: everyone living in the building, its owners only, the owners' board (and the staff), or
 * the staff only. The staff of the building see every document of it.
 */
export const DocumentAudience = z.enum(["residents", "owners", "board", "staff"]);

export const DocumentBody = z.object({
  buildingId: Uuid,
  category: DocumentCategory,
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).optional(),
  audience: DocumentAudience,
  /** Residents must mark each version read and acknowledged (building rules). Not for the staff's or board's. */
  requiresAck: z.boolean().default(false),
  /** The PDF or image of the first version, uploaded with purpose `document`. */
  fileId: Uuid,
  note: z.string().trim().max(500).optional(),
});
export const DocumentPatch = DocumentBody.pick({
  category: true,
  title: true,
  description: true,
  audience: true,
  requiresAck: true,
})
  .partial()
  .extend({ archived: z.boolean().optional() });

/** A new version: its file and what changed. Acknowledgements start again from it. */
export const VersionBody = z.object({ fileId: Uuid, note: z.string().trim().max(500).optional() });

export const DocumentVersion = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  file: FileInfo,
});

export const Document = z.object({
  id: Uuid,
  buildingId: Uuid,
  category: DocumentCategory,
  title: z.string(),
  description: z.string().nullable(),
  audience: DocumentAudience,
  requiresAck: z.boolean(),
  archived: z.boolean(),
  current: DocumentVersion,
  updatedAt: z.string(),
  /** When the asker acknowledged the current version (null: not yet, or nothing to acknowledge). */
  acknowledgedAt: z.string().nullable(),
  /** For the staff, where acknowledgement is asked: who in the audience has acknowledged the current version. */
  acknowledgements: z.object({ done: z.number().int(), audience: z.number().int() }).nullable(),
  can: abilities("update", "acknowledge"),
});
export const DocumentList = page(Document);
export const DocumentListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  /** A resident's chosen unit: the documents of its building. */
  unitId: Uuid.optional(),
  category: DocumentCategory.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only those the asker still has to acknowledge. */
  toAcknowledge: z.coerce.boolean().optional(),
  archived: z.coerce.boolean().default(false),
});

export const VersionList = z.object({ items: z.array(DocumentVersion) });

/** Who acknowledged the current version: people of the audience with their unit, the latest first. */
export const Acknowledgement = z.object({
  name: z.string(),
  unitCode: z.string().nullable(),
  version: z.number().int(),
  acknowledgedAt: z.string(),
});
export const AcknowledgementList = page(Acknowledgement);
