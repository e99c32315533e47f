import { z } from "zod";
import { Uuid } from "./common.js";

export const FilePurpose = z.enum([
  "announcement",
  "conversation",
  "ticket",
  "parcel",
  "document",
  "renovation",
  "catalog_item",
]);

export const UploadQuery = z.object({
  purpose: FilePurpose,
  /** The file's name as the person chose it (shown beside it; its type is read from its content). */
  name: z.string().trim().min(1).max(200),
});

export const FileInfo = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(["image", "pdf"]),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const FileVariantQuery = z.object({
  /** An image's thumbnail (320 px) instead of its display size (1600 px). */
  variant: z.enum(["display", "thumbnail"]).default("display"),
});

export const FileParams = z.object({ id: Uuid, fileId: Uuid });
