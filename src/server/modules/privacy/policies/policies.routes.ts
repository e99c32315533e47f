import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { NoContent } from "../../../../contracts/common.js";
import {
  AcknowledgeBody,
  PendingPolicies,
  Policy,
  PolicyKindParams,
  PolicyQuery,
  PolicyVersionList,
  PublishPolicyBody,
} from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import * as policies from "./policies.service.js";

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];
  const own = allow("own_data");

  app.get(
    "/public/policies/:kind",
    {
      schema: {
        summary: "Current policy text",
        description: "The privacy policy or terms in force, in the caller's language. Public.",
        tags,
        params: PolicyKindParams,
        querystring: PolicyQuery,
        response: { 200: Policy },
      },
      config: { auth: "public" },
    },
    async (req) =>
      req.run((ctx) => policies.publicPolicy(ctx, req.params.kind, req.query.companyId, req.query.version)),
  );
  app.get(
    "/public/policies/:kind/versions",
    {
      schema: {
        summary: "Policy versions",
        description: "Every published version of the privacy policy or terms. Public.",
        tags,
        params: PolicyKindParams,
        querystring: PolicyQuery,
        response: { 200: PolicyVersionList },
      },
      config: { auth: "public" },
    },
    async (req) =>
      req.query.companyId
        ? req.run((ctx) => policies.policyVersions(ctx, [req.params.kind], req.query.companyId))
        : req.run(async (ctx) => ({ items: [await policies.publicPolicy(ctx, req.params.kind)] })),
  );
  app.get(
    "/privacy/policies/pending",
    {
      schema: {
        summary: "Policies to acknowledge",
        description: "New policy versions the person has not acknowledged yet.",
        tags,
        response: { 200: PendingPolicies },
      },
      config: own,
    },
    async (req) => req.run((ctx) => policies.pendingPolicies(ctx)),
  );
  app.post(
    "/privacy/policies/acknowledge",
    {
      schema: {
        summary: "Acknowledge a policy",
        description: "Records that the person read the version shown.",
        response: { 204: NoContent },
        tags,
        body: AcknowledgeBody,
      },
      config: own,
    },
    async (req, reply) => {
      await req.run((ctx) => policies.acknowledge(ctx, req.body.policyId));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/privacy/policies",
    {
      schema: {
        summary: "List policies (admin)",
        description: "The company's policy versions, published and drafts.",
        tags,
        response: { 200: PolicyVersionList },
      },
      config: allow("publish_policy"),
    },
    async (req) => req.run((ctx) => policies.policyVersions(ctx, ["privacy", "terms"])),
  );
  app.post(
    "/privacy/policies",
    {
      schema: {
        summary: "Publish a policy",
        description:
          "Publishes a new version of the privacy policy or terms (vi and en); people are asked to acknowledge it.",
        tags,
        body: PublishPolicyBody,
        response: { 201: Policy },
      },
      config: allow("publish_policy"),
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => policies.publishPolicy(ctx, req.body))),
  );
};
