import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileAnswer } from "../../../../contracts/common.js";
import {
  DataExportBody,
  DataExportLink,
  MyRecordPatch,
  ResidentIdParams,
} from "../../../../contracts/privacy.js";
import { MyData } from "../../../../contracts/registry.js";
import { correctOwnRecord } from "../../registry/index.js";
import { allow } from "../privacy.policy.js";
import { createExport, downloadExport } from "./exports.service.js";
import { myData } from "./my-data.service.js";

const TokenParams = z.object({ token: z.string().min(20).max(100) });
export const myDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];
  const own = allow("own_data");

  app.get(
    "/my/data",
    {
      schema: {
        summary: "My data",
        description:
          "Everything the company holds about the person, by purpose, with disclosures to partners.",
        tags,
        response: { 200: MyData },
      },
      config: own,
    },
    async (req) => req.run((ctx) => myData(ctx)),
  );
  app.patch(
    "/my/data/:residentId",
    {
      schema: {
        summary: "Correct my data",
        description: "Corrects the person's own fields (name, contacts, date of birth).",
        tags,
        params: ResidentIdParams,
        body: MyRecordPatch,
        response: { 200: MyData },
      },
      config: own,
    },
    async (req) =>
      req.run(async (ctx) => {
        await correctOwnRecord(ctx, req.params.residentId, req.body);
        return myData(ctx);
      }),
  );
  app.post(
    "/privacy/exports",
    {
      schema: {
        summary: "Export my data",
        description:
          "Prepares a copy of the person's data (JSON or HTML) and answers a download link valid for a short time.",
        tags,
        body: DataExportBody,
        response: { 201: DataExportLink },
      },
      config: own,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createExport(ctx, req.body.format))),
  );
  app.get(
    "/privacy/exports/:token",
    {
      schema: {
        response: {
          200: fileAnswer("application/octet-stream", "The copy of the data (JSON or HTML, as asked)"),
        },
        summary: "Download an export",
        description: "The prepared copy of the person's data, while its link is valid.",
        tags,
        params: TokenParams,
      },
      config: own,
    },
    async (req, reply) => {
      const file = await req.run((ctx) => downloadExport(ctx, req.params.token));
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.body);
    },
  );
};
