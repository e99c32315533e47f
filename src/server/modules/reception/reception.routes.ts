import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, PageQuery } from "../../../contracts/common.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import {
  GuestPass,
  GuestPassList,
  MyParcelList,
  NewGuestPassBody,
  NewParcelBody,
  Parcel,
  ParcelList,
  ParcelListQuery,
  ParcelPickupBody,
  ReceptionLookup,
  ReceptionLookupQuery,
  Visit,
  VisitList,
  VisitListQuery,
  WalkInBody,
} from "../../../contracts/reception.js";
import { errors } from "../../platform/errors.js";
import { bookingByCode } from "../amenities/index.js";
import { sendFile } from "../files/index.js";
import * as parcels from "./parcels.service.js";
import * as visitors from "./visitors.service.js";

const tags = ["reception"];
const desk = { permission: ["desk", "reception"] } as const;
const household = { permission: ["household", "reception"] } as const;

export const receptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/parcels",
    {
      schema: {
        summary: "Record a parcel",
        description:
          "Reception records a parcel for a unit (a photo of its label uploaded first with `purpose=parcel`); the household is told, and its pickup code is in their app.",
        tags,
        body: NewParcelBody,
        response: { 201: Parcel },
      },
      config: desk,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => parcels.receiveParcel(ctx, req.body))),
  );

  app.get(
    "/parcels",
    {
      schema: {
        summary: "Parcels at reception",
        description: "The parcels of the buildings the desk covers, newest first, by status.",
        tags,
        querystring: ParcelListQuery,
        response: { 200: ParcelList },
      },
      config: desk,
    },
    async (req) => req.run((ctx) => parcels.listParcels(ctx, req.query)),
  );

  app.post(
    "/parcels/:id/pickup",
    {
      schema: {
        summary: "Hand a parcel over",
        description:
          "With the household's code (single use), or — by a manager, for someone without the app — with who collected it and why.",
        tags,
        params: IdParams,
        body: ParcelPickupBody,
        response: { 200: Parcel },
      },
      config: desk,
    },
    async (req) => req.run((ctx) => parcels.handOver(ctx, req.params.id, req.body)),
  );

  app.get(
    "/parcels/:id/files/:fileId",
    {
      schema: {
        summary: "A parcel's label photo",
        description: "For the desk and the household (`variant=thumbnail`: its thumbnail).",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("image/jpeg", "The photo") },
      },
      config: { permission: ["read", "reception"] },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) => parcels.parcelPhoto(ctx, req.params.id, req.params.fileId, req.query.variant)),
      ),
  );

  app.get(
    "/me/parcels",
    {
      schema: {
        summary: "My household's parcels",
        description:
          "Parcels waiting at reception with their pickup code, and those collected in the last 30 days.",
        tags,
        querystring: PageQuery,
        response: { 200: MyParcelList },
      },
      config: household,
    },
    async (req) => req.run((ctx) => parcels.myParcels(ctx, req.query)),
  );

  app.get(
    "/reception/lookup",
    {
      schema: {
        summary: "What a code is",
        description:
          "Reception scans or types a code: a waiting parcel's pickup code (6 digits), a guest pass or an amenity booking (8 characters), in the buildings it covers.",
        tags,
        querystring: ReceptionLookupQuery,
        response: { 200: ReceptionLookup },
      },
      config: desk,
    },
    async (req) =>
      req.run(async (ctx) => {
        const code = req.query.code.replace(/[\s-]/g, "");
        if (/^\d{6}$/.test(code)) {
          const parcel = await parcels.parcelByCode(ctx, code);
          if (parcel) return { kind: "parcel" as const, parcel };
        } else {
          const pass = await visitors.passByCode(ctx, code);
          if (pass) return { kind: "pass" as const, pass };
          const booking = await bookingByCode(ctx, code);
          if (booking) return { kind: "booking" as const, booking };
        }
        throw errors.notFound("resource");
      }),
  );

  app.post(
    "/me/guest-passes",
    {
      schema: {
        summary: "Register a guest",
        description:
          "A pass for a guest of one of the resident's units, valid in its window (at most 7 days).",
        tags,
        body: NewGuestPassBody,
        response: { 201: GuestPass },
      },
      config: household,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => visitors.createPass(ctx, req.body))),
  );

  app.get(
    "/me/guest-passes",
    {
      schema: {
        summary: "My guest passes",
        description: "The passes the resident made, latest first.",
        tags,
        querystring: PageQuery,
        response: { 200: GuestPassList },
      },
      config: household,
    },
    async (req) => req.run((ctx) => visitors.myPasses(ctx, req.query)),
  );

  app.post(
    "/me/guest-passes/:id/cancel",
    {
      schema: {
        summary: "Cancel a guest pass",
        description: "A pass not used yet stops working.",
        tags,
        params: IdParams,
        response: { 200: GuestPass },
      },
      config: household,
    },
    async (req) => req.run((ctx) => visitors.cancelPass(ctx, req.params.id)),
  );

  app.post(
    "/guest-passes/:id/check-in",
    {
      schema: {
        summary: "Check a guest in",
        description: "With their pass, within its window and once; the host is told.",
        tags,
        params: IdParams,
        response: { 201: Visit },
      },
      config: desk,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => visitors.checkInPass(ctx, req.params.id))),
  );

  app.post(
    "/visits",
    {
      schema: {
        summary: "Record a walk-in visitor",
        description: "A guest without a pass, going to a unit.",
        tags,
        body: WalkInBody,
        response: { 201: Visit },
      },
      config: desk,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => visitors.walkIn(ctx, req.body))),
  );

  app.post(
    "/visits/:id/check-out",
    {
      schema: {
        summary: "Check a visitor out",
        description: "The guest leaves the building.",
        tags,
        params: IdParams,
        response: { 200: Visit },
      },
      config: desk,
    },
    async (req) => req.run((ctx) => visitors.checkOut(ctx, req.params.id)),
  );

  app.get(
    "/visits",
    {
      schema: {
        summary: "The visitor log",
        description: "Visits of the buildings the desk covers, latest first; `inside=true`: guests still in.",
        tags,
        querystring: VisitListQuery,
        response: { 200: VisitList },
      },
      config: desk,
    },
    async (req) => req.run((ctx) => visitors.listVisits(ctx, req.query)),
  );
};
