import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, NoContent } from "../../../../contracts/common.js";
import {
  IdentityCheck,
  IdentityCheckBody,
  PrivacyRequest,
  PrivacyRequestBody,
  PrivacyRequestPage,
  PrivacyRequestQuery,
  RequestNoteBody,
  RequestResolveBody,
  ResidentIdParams,
} from "../../../../contracts/privacy.js";
import { errors } from "../../../platform/errors.js";
import { residentIdsOfAccount } from "../../registry/index.js";
import { allow } from "../privacy.policy.js";
import { sendIdentityCheck } from "./identity.service.js";
import * as requests from "./requests.service.js";

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];
  const own = allow("own_data");

  app.post(
    "/privacy/restriction/lift",
    {
      schema: {
        summary: "Lift my restriction",
        description: "Ends the restriction of processing the person asked for.",
        response: { 204: NoContent },
        tags,
        body: ResidentIdParams,
      },
      config: own,
    },
    async (req, reply) => {
      await req.run(async (ctx) => {
        const mine = ctx.actor.accountId ? await residentIdsOfAccount(ctx, ctx.actor.accountId) : [];
        if (!mine.includes(req.body.residentId)) throw errors.notFound("resident");
        await requests.liftRestriction(ctx, req.body.residentId);
      });
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/privacy/requests",
    {
      schema: {
        summary: "List data requests",
        description: "Data-subject requests: staff see the company's, a resident their own.",
        tags,
        querystring: PrivacyRequestQuery,
        response: { 200: PrivacyRequestPage },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.listRequests(ctx, req.query)),
  );
  app.get(
    "/privacy/requests/:id",
    {
      schema: {
        summary: "A data request",
        description: "The request with its timeline, deadline and outcome.",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.getRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests",
    {
      schema: {
        summary: "Make a data request",
        description:
          "Asks to see, correct, copy, restrict, object or erase; staff may file one for a resident after checking their identity.",
        tags,
        body: PrivacyRequestBody,
        response: { 201: PrivacyRequest },
      },
      config: own,
    },
    async (req, reply) => {
      const result = await req.run((ctx) => requests.createRequest(ctx, req.body));
      if ("failure" in result) throw result.failure;
      return reply.status(201).send(result.request);
    },
  );
  app.post(
    "/privacy/requests/:id/cancel",
    {
      schema: {
        summary: "Cancel a data request",
        description: "Cancels a request that is still open (erasure: within its cancellation window).",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.cancelRequest(ctx, req.params.id)),
  );
  const handle = allow("handle_requests");
  app.post(
    "/privacy/requests/:id/take",
    {
      schema: {
        summary: "Take a data request",
        description: "Assigns the request to the caller.",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.takeRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests/:id/notes",
    {
      schema: {
        summary: "Add a note",
        description: "Adds a note to the request's timeline.",
        tags,
        params: IdParams,
        body: RequestNoteBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.noteRequest(ctx, req.params.id, req.body.note)),
  );
  app.post(
    "/privacy/requests/:id/complete",
    {
      schema: {
        summary: "Complete a data request",
        description: "Completes the request (erasure runs, with the holds that apply).",
        tags,
        params: IdParams,
        body: RequestResolveBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.completeRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/requests/:id/reject",
    {
      schema: {
        summary: "Reject a data request",
        description: "Rejects the request with a reason shown to the person.",
        tags,
        params: IdParams,
        body: RequestResolveBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.rejectRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/identity-checks",
    {
      schema: {
        summary: "Check a resident's identity",
        description:
          "Sends a verification code to the resident, to be read back to customer care before filing a request for them.",
        tags,
        body: IdentityCheckBody,
        response: { 201: IdentityCheck },
      },
      config: handle,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => sendIdentityCheck(ctx, req.body.residentId, req.body.channel))),
  );
};
