import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams } from "../../../contracts/common.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import {
  CancelRequestBody,
  DecideBody,
  InspectionBody,
  Renovation,
  RenovationBody,
  RenovationDecideBody,
  RenovationList,
  RenovationListQuery,
  ScheduleBody,
  Service,
  ServiceBody,
  ServiceList,
  ServiceListQuery,
  ServicePatch,
  ServiceRequest,
  ServiceRequestBody,
  ServiceRequestList,
  ServiceRequestListQuery,
} from "../../../contracts/services.js";
import { sendFile } from "../files/index.js";
import * as renovations from "./renovations.service.js";
import * as services from "./services.service.js";

const tags = ["services"];

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/services",
    {
      schema: {
        summary: "A building's services",
        description:
          "The catalogue: cleaning, repairs, parking and access cards, moving with the service elevator, extra " +
          "parking. The desk: its buildings'. A resident: the active services of their buildings.",
        tags,
        querystring: ServiceListQuery,
        response: { 200: ServiceList },
      },
      config: { permission: ["read", "service"] as const },
    },
    async (req) => req.run((ctx) => services.listServices(ctx, req.query)),
  );

  app.post(
    "/services",
    {
      schema: {
        summary: "Add a service",
        description: "Its fee (on the fee notice once done) and whether a manager approves each request.",
        tags,
        body: ServiceBody,
        response: { 201: Service },
      },
      config: { permission: ["update", "service"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => services.createService(ctx, req.body))),
  );

  app.patch(
    "/services/:id",
    {
      schema: {
        summary: "Change a service",
        description: "Requests made keep the fee they were made with.",
        tags,
        params: IdParams,
        body: ServicePatch,
        response: { 200: Service },
      },
      config: { permission: ["update", "service"] as const },
    },
    async (req) => req.run((ctx) => services.updateService(ctx, req.params.id, req.body)),
  );

  app.get(
    "/service-requests",
    {
      schema: {
        summary: "Service requests",
        description:
          "The desk: its buildings' requests (`open`: waiting for a decision or a date). A resident: their units'.",
        tags,
        querystring: ServiceRequestListQuery,
        response: { 200: ServiceRequestList },
      },
      config: { permission: ["read", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.listRequests(ctx, req.query)),
  );

  app.post(
    "/service-requests",
    {
      schema: {
        summary: "Ask for a service",
        description:
          "For one of the resident's units, on a preferred day (moving: with the elevator window). A service " +
          "without approval is approved at once.",
        tags,
        body: ServiceRequestBody,
        response: { 201: ServiceRequest },
      },
      config: { permission: ["request", "service"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => services.requestService(ctx, req.body))),
  );

  app.get(
    "/service-requests/:id",
    {
      schema: {
        summary: "A service request",
        description: "Its status, dates, fee and what the asker may do with it.",
        tags,
        params: IdParams,
        response: { 200: ServiceRequest },
      },
      config: { permission: ["read", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.getRequest(ctx, req.params.id)),
  );

  app.post(
    "/service-requests/:id/decide",
    {
      schema: {
        summary: "Approve or refuse a request",
        description: "A manager's decision; a refusal says why. The household is told.",
        tags,
        params: IdParams,
        body: DecideBody,
        response: { 200: ServiceRequest },
      },
      config: { permission: ["decide", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.decideRequest(ctx, req.params.id, req.body)),
  );

  app.post(
    "/service-requests/:id/schedule",
    {
      schema: {
        summary: "Schedule a request",
        description:
          "A day (and for moving an elevator window, one household per window: `ELEVATOR_TAKEN` when another " +
          "holds it). The household is told.",
        tags,
        params: IdParams,
        body: ScheduleBody,
        response: { 200: ServiceRequest },
      },
      config: { permission: ["schedule", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.scheduleRequest(ctx, req.params.id, req.body)),
  );

  app.post(
    "/service-requests/:id/complete",
    {
      schema: {
        summary: "Mark a request done",
        description: "The service's fee becomes a line of the unit's fee notice.",
        tags,
        params: IdParams,
        response: { 200: ServiceRequest },
      },
      config: { permission: ["complete", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.completeRequest(ctx, req.params.id)),
  );

  app.post(
    "/service-requests/:id/cancel",
    {
      schema: {
        summary: "Cancel a request",
        description: "The household before it is scheduled; the desk until it is done.",
        tags,
        params: IdParams,
        body: CancelRequestBody,
        response: { 200: ServiceRequest },
      },
      config: { permission: ["cancel", "service_request"] as const },
    },
    async (req) => req.run((ctx) => services.cancelRequest(ctx, req.params.id, req.body)),
  );

  app.get(
    "/renovations",
    {
      schema: {
        summary: "Renovations",
        description: "The desk: its buildings' renovations. A resident: their units'.",
        tags,
        querystring: RenovationListQuery,
        response: { 200: RenovationList },
      },
      config: { permission: ["read", "renovation"] as const },
    },
    async (req) => req.run((ctx) => renovations.listRenovations(ctx, req.query)),
  );

  app.post(
    "/renovations",
    {
      schema: {
        summary: "Register a renovation",
        description:
          "Contractor, dates, the work and up to 5 drawings (uploaded with purpose `renovation`), for a manager " +
          "to approve.",
        tags,
        body: RenovationBody,
        response: { 201: Renovation },
      },
      config: { permission: ["register", "renovation"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => renovations.registerRenovation(ctx, req.body))),
  );

  app.get(
    "/renovations/:id",
    {
      schema: {
        summary: "A renovation",
        description: "Its dates, contractor, drawings, deposit and inspection.",
        tags,
        params: IdParams,
        response: { 200: Renovation },
      },
      config: { permission: ["read", "renovation"] as const },
    },
    async (req) => req.run((ctx) => renovations.getRenovation(ctx, req.params.id)),
  );

  app.post(
    "/renovations/:id/decide",
    {
      schema: {
        summary: "Approve or refuse a renovation",
        description: "Approval sets the deposit, charged on the unit's fee notice; a refusal says why.",
        tags,
        params: IdParams,
        body: RenovationDecideBody,
        response: { 200: Renovation },
      },
      config: { permission: ["decide", "renovation"] as const },
    },
    async (req) => req.run((ctx) => renovations.decideRenovation(ctx, req.params.id, req.body)),
  );

  app.post(
    "/renovations/:id/complete",
    {
      schema: {
        summary: "Inspect a finished renovation",
        description:
          "The deposit is refunded on the fee notice, less what is kept for damage (a line of its own, with the " +
          "reason).",
        tags,
        params: IdParams,
        body: InspectionBody,
        response: { 200: Renovation },
      },
      config: { permission: ["complete", "renovation"] as const },
    },
    async (req) => req.run((ctx) => renovations.completeRenovation(ctx, req.params.id, req.body)),
  );

  app.post(
    "/renovations/:id/cancel",
    {
      schema: {
        summary: "Withdraw a renovation",
        description: "Before a decision, by the household or a manager.",
        tags,
        params: IdParams,
        body: CancelRequestBody,
        response: { 200: Renovation },
      },
      config: { permission: ["cancel", "renovation"] as const },
    },
    async (req) => req.run((ctx) => renovations.cancelRenovation(ctx, req.params.id, req.body)),
  );

  app.get(
    "/renovations/:id/files/:fileId",
    {
      schema: {
        summary: "A drawing of a renovation",
        description: "The PDF or image, for the household and the building's desk.",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("application/pdf", "The PDF or the image") },
      },
      config: { permission: ["read", "renovation"] as const },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) =>
          renovations.renovationFile(ctx, req.params.id, req.params.fileId, req.query.variant),
        ),
      ),
  );
};
