import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams } from "../../../contracts/common.js";
import { FileInfo, FileVariantQuery, UploadQuery } from "../../../contracts/files.js";
import { errors } from "../../platform/errors.js";
import { MAX_UPLOAD_BYTES, readFile, uploadFile } from "./files.service.js";

/** Answers a file's bytes: private to the person (no shared cache), named for saving, never sniffed as HTML. */
export function sendFile(reply: FastifyReply, file: { name: string; contentType: string; bytes: Buffer }) {
  return reply
    .headers({
      "content-type": file.contentType,
      "cache-control": "private, max-age=3600",
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "x-content-type-options": "nosniff",
    })
    .send(file.bytes);
}

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["files"];
  // The upload is the body as sent; what it is comes from its content, not from a declared type.
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES + 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/files",
    {
      bodyLimit: MAX_UPLOAD_BYTES + 1024,
      schema: {
        summary: "Upload a file",
        description:
          "The file as the body (`application/octet-stream`, at most 10 MB). Checked by its content: JPEG, PNG, " +
          "WebP or HEIC images (re-encoded without their metadata, GPS included) for announcements and messages; " +
          "PDF for announcements. The file is the uploader's until an announcement or a message claims it; " +
          "unclaimed, it is removed after a day.",
        tags,
        querystring: UploadQuery,
        response: { 201: FileInfo },
      },
      config: { permission: ["upload", "file"] as const },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw errors.rule("UPLOAD_UNREADABLE");
      const bytes = req.body;
      const file = await req.run((ctx) => uploadFile(ctx, req.query.purpose, req.query.name, bytes));
      return reply.status(201).send(file);
    },
  );

  app.get(
    "/files/:id",
    {
      schema: {
        summary: "One of my uploads, not yet sent",
        description: "The uploader's own file before an announcement or a message claims it (its preview).",
        tags,
        params: IdParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("image/jpeg", "The image or the PDF") },
      },
      config: { permission: ["upload", "file"] as const },
    },
    async (req, reply) =>
      sendFile(reply, await req.run((ctx) => readFile(ctx, req.params.id, null, req.query.variant))),
  );
};
