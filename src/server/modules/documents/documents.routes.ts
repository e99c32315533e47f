import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, PageQuery } from "../../../contracts/common.js";
import {
  AcknowledgementList,
  Document,
  DocumentBody,
  DocumentList,
  DocumentListQuery,
  DocumentPatch,
  VersionBody,
  VersionList,
} from "../../../contracts/documents.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import { sendFile } from "../files/index.js";
import * as service from "./documents.service.js";

const tags = ["documents"];
const read = { permission: ["read", "document"] } as const;
const manage = { permission: ["update", "document"] } as const;

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/documents",
    {
      schema: {
        summary: "The documents library",
        description:
          "Staff: the documents of the buildings they cover (the owners' board not the staff-only ones). A " +
          "resident: those for the residents of their buildings, and for owners where they own a unit; " +
          "`toAcknowledge` lists what they have still to read and acknowledge.",
        tags,
        querystring: DocumentListQuery,
        response: { 200: DocumentList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.listDocuments(ctx, req.query)),
  );

  app.post(
    "/documents",
    {
      schema: {
        summary: "Publish a document",
        description:
          "Building rules, minutes, a contract or a form, for an audience, with its first version's file " +
          "(uploaded with purpose `document`). Asking for acknowledgement notifies the audience.",
        tags,
        body: DocumentBody,
        response: { 201: Document },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createDocument(ctx, req.body))),
  );

  app.get(
    "/documents/:id",
    {
      schema: {
        summary: "A document",
        description:
          "Its current version, the asker's acknowledgement, and for the staff who acknowledged it.",
        tags,
        params: IdParams,
        response: { 200: Document },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.getDocument(ctx, req.params.id)),
  );

  app.patch(
    "/documents/:id",
    {
      schema: {
        summary: "Change a document",
        description:
          "Its title, category, audience, whether it asks for acknowledgement; `archived` takes it off the library.",
        tags,
        params: IdParams,
        body: DocumentPatch,
        response: { 200: Document },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.updateDocument(ctx, req.params.id, req.body)),
  );

  app.post(
    "/documents/:id/versions",
    {
      schema: {
        summary: "Publish a new version",
        description: "It becomes the version in force; acknowledgement is asked for again.",
        tags,
        params: IdParams,
        body: VersionBody,
        response: { 201: Document },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.addVersion(ctx, req.params.id, req.body))),
  );

  app.get(
    "/documents/:id/versions",
    {
      schema: {
        summary: "A document's versions",
        description: "The staff: every version, the latest first. A resident: the version in force.",
        tags,
        params: IdParams,
        response: { 200: VersionList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.listVersions(ctx, req.params.id)),
  );

  app.get(
    "/documents/:id/files/:fileId",
    {
      schema: {
        summary: "A version's file",
        description: "The PDF or image of a version (a resident: of the version in force only).",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("application/pdf", "The PDF or the image") },
      },
      config: read,
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) =>
          service.documentFile(ctx, req.params.id, req.params.fileId, req.query.variant),
        ),
      ),
  );

  app.post(
    "/documents/:id/acknowledge",
    {
      schema: {
        summary: "Read and acknowledged",
        description: "The resident acknowledges the version in force (once; again changes nothing).",
        tags,
        params: IdParams,
        response: { 200: Document },
      },
      config: { permission: ["acknowledge", "document"] as const },
    },
    async (req) => req.run((ctx) => service.acknowledge(ctx, req.params.id)),
  );

  app.get(
    "/documents/:id/acknowledgements",
    {
      schema: {
        summary: "Who acknowledged a document",
        description: "People of its audience who acknowledged the version in force, with their unit.",
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: AcknowledgementList },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.listAcknowledgements(ctx, req.params.id, req.query)),
  );
};
