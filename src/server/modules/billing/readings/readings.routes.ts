import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  MissingReadings,
  Period,
  Reading,
  ReadingBody,
  ReadingPage,
  ReadingQuery,
  ReadingsImportQuery,
  ReadingsImportResult,
} from "../../../../contracts/billing.js";
import { fileAnswer, IdParams, XLSX } from "../../../../contracts/common.js";
import { errors } from "../../../platform/errors.js";
import { XLSX_TYPE } from "../../../platform/spreadsheet/read.js";
import * as readingsImport from "./readings.import.js";
import * as readings from "./readings.service.js";

const MAX_FILE = 20 * 1024 * 1024;

/** Meter readings: one by one, or a building's sheet at once. */
export const readingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];

  app.post(
    "/meter-readings",
    {
      schema: {
        summary: "Record a meter reading",
        description:
          "Records a unit's electricity or water reading for a period; a reading below the previous one, or far above the usual, is refused unless confirmed.",
        tags,
        body: ReadingBody,
        response: { 201: Reading },
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => readings.recordReading(ctx, req.body))),
  );
  app.get(
    "/meter-readings",
    {
      schema: {
        summary: "List meter readings",
        description: "Readings of a building for a period, with consumption.",
        tags,
        querystring: ReadingQuery,
        response: { 200: ReadingPage },
      },
      config: { permission: ["read_readings", "billing"] },
    },
    async (req) => req.run((ctx) => readings.listReadings(ctx, req.query)),
  );
  // A readings file is the body, as sent: an .xlsx workbook or a CSV sheet.
  app.addContentTypeParser(
    ["application/octet-stream", "text/csv", XLSX_TYPE],
    { parseAs: "buffer", bodyLimit: MAX_FILE },
    (_req, body, done) => done(null, body),
  );
  app.get(
    "/buildings/:id/meter-readings/template.xlsx",
    {
      schema: {
        response: { 200: fileAnswer(XLSX, "The readings sheet") },
        summary: "Download the readings template",
        description: "An .xlsx sheet with every metered unit of the building, to fill in and import.",
        tags,
        params: IdParams,
        querystring: z.object({ period: Period }),
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req, reply) => {
      const rows = await req.run((ctx) => readingsImport.templateRows(ctx, req.params.id, req.query.period));
      const stream = new PassThrough();
      readingsImport.writeReadingsTemplate(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename="chi-so-cong-to-${req.query.period}.xlsx"`)
        .send(stream);
    },
  );
  app.post(
    "/buildings/:id/meter-readings/import",
    {
      bodyLimit: MAX_FILE,
      schema: {
        summary: "Import meter readings",
        description:
          "Reads a filled-in sheet (.xlsx or .csv, as the body) and records every reading, or none when a row is wrong.",
        tags,
        params: IdParams,
        querystring: ReadingsImportQuery,
        response: { 200: ReadingsImportResult },
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw errors.rule("IMPORT_BODY_MISSING");
      const source = req.body;
      return req.run((ctx) => readingsImport.importReadings(ctx, req.params.id, { source, ...req.query }));
    },
  );
  app.get(
    "/buildings/:id/missing-readings",
    {
      schema: {
        summary: "Units without readings",
        description: "Metered units of the building still missing a reading for the period.",
        tags,
        params: IdParams,
        querystring: z.object({ period: Period }),
        response: { 200: MissingReadings },
      },
      config: { permission: ["read_readings", "billing"] },
    },
    async (req) => req.run((ctx) => readings.missingReadings(ctx, req.params.id, req.query.period)),
  );
};
