import { PassThrough, Readable, type Writable } from "node:stream";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, XLSX } from "../../../../contracts/common.js";
import { ExportQuery, ImportQuery, ImportResult } from "../../../../contracts/registry.js";
import { AppError, errors } from "../../../platform/errors.js";
import { assertReauthenticated, authOf } from "../../../platform/http/request-context.js";
import { XLSX_TYPE } from "../../../platform/spreadsheet/read.js";
import { exportRegistry, type SheetRows, writeTemplate, writeWorkbook } from "./export.service.js";
import { importRegistry } from "./import.service.js";

const MAX_FILE = 50 * 1024 * 1024;
const tooLarge = () => new AppError(413, "IMPORT_FILE_TOO_LARGE", { max: 50 }, { max: 50 });

/**
 * The upload as it arrives, cut off past MAX_FILE (Fastify's body limit applies only to bodies it reads
 * itself) and refused when empty: the reader consumes it while the rows are checked, so the file is never
 * held whole in memory.
 */
function limited(body: Readable): Readable {
  async function* bytes() {
    let total = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_FILE) throw tooLarge();
      yield chunk;
    }
    if (total === 0) throw errors.rule("IMPORT_BODY_MISSING");
  }
  return Readable.from(bytes(), { objectMode: false });
}

/** Streams a workbook as a download; a failure while writing ends the response. */
function sendWorkbook(reply: FastifyReply, filename: string, write: (s: Writable) => Promise<void>) {
  const stream = new PassThrough();
  write(stream).catch((err) => stream.destroy(err));
  return reply
    .type(XLSX_TYPE)
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(stream);
}

export const registryImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["registry import"];
  // The file is the body, as sent: an .xlsx workbook or a CSV sheet, handed over as a stream.
  app.addContentTypeParser(["application/octet-stream", "text/csv", XLSX_TYPE], (req, payload, done) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_FILE) return done(tooLarge(), undefined);
    done(null, payload);
  });

  app.get(
    "/registry/template.xlsx",
    {
      schema: {
        response: { 200: fileAnswer(XLSX, "The empty import workbook") },
        summary: "Download the import template",
        description: "An empty workbook with the units, residents and vehicles sheets and their columns.",
        tags,
      },
      config: { permission: ["import", "registry_import"] },
    },
    async (_req, reply) => sendWorkbook(reply, "mau-nhap-du-lieu.xlsx", writeTemplate),
  );

  app.post(
    "/buildings/:id/import",
    {
      bodyLimit: MAX_FILE,
      schema: {
        summary: "Import units, residents and vehicles",
        description:
          "Reads a workbook (.xlsx or .csv, as the body): checks every row, then writes all of it or nothing; a dry run only checks.",
        tags,
        params: IdParams,
        querystring: ImportQuery,
        response: { 200: ImportResult },
      },
      config: { permission: ["import", "registry_import"] },
    },
    async (req) => {
      if (!(req.body instanceof Readable)) throw errors.rule("IMPORT_BODY_MISSING");
      const source = limited(req.body);
      return req.run((ctx) => importRegistry(ctx, { buildingId: req.params.id, source, ...req.query }));
    },
  );

  app.get(
    "/buildings/:id/export.xlsx",
    {
      schema: {
        response: { 200: fileAnswer(XLSX, "The registry workbook") },
        summary: "Export the registry",
        description:
          "The building's units, residents and vehicles as a workbook; contacts only after a recent password confirmation.",
        tags,
        params: IdParams,
        querystring: ExportQuery,
      },
      config: { permission: ["export", "registry_import"] },
    },
    async (req, reply) => {
      if (req.query.withContacts) assertReauthenticated(authOf(req));
      const rows: SheetRows = await req.run((ctx) =>
        exportRegistry(ctx, req.params.id, req.query.withContacts),
      );
      return sendWorkbook(reply, `so-dang-ky-${req.params.id}.xlsx`, (s) => writeWorkbook(s, rows));
    },
  );
};
