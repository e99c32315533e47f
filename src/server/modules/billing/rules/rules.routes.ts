import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BillingSettings,
  BillingSettingsBody,
  BuildingQuery,
  FeeRule,
  FeeRuleBody,
  FeeRuleList,
  FeeRulePreview,
  FeeRulePreviewBody,
} from "../../../../contracts/billing.js";
import { IdParams, NoContent } from "../../../../contracts/common.js";
import * as rules from "./rules.service.js";

/** Fee rules and a building's billing settings (DESIGN §2 Billing). */
export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  const reads = { permission: ["read", "billing"] as const };
  const configures = { permission: ["configure", "billing"] as const };

  app.get(
    "/fee-rules",
    {
      schema: {
        summary: "List fee rules",
        description: "The company's fee rules (per m², per vehicle, fixed, metered), filtered by building.",
        tags,
        querystring: BuildingQuery,
        response: { 200: FeeRuleList },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.listRules(ctx, req.query.buildingId)),
  );
  app.post(
    "/fee-rules",
    {
      schema: {
        summary: "Create a fee rule",
        description:
          "Adds a fee rule to a building; a management fee outside the province's price frame is refused.",
        tags,
        body: FeeRuleBody,
        response: { 201: FeeRule },
      },
      config: configures,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => rules.createRule(ctx, req.body))),
  );
  app.post(
    "/fee-rules/preview",
    {
      schema: {
        summary: "Preview a fee rule",
        description: "Computes what a rule would charge each unit for a period, without saving anything.",
        tags,
        body: FeeRulePreviewBody,
        response: { 200: FeeRulePreview },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.previewRule(ctx, req.body.rule, req.body.replaces)),
  );
  app.put(
    "/fee-rules/:id",
    {
      schema: {
        summary: "Change a fee rule",
        description: "Replaces a fee rule's terms; a rule cannot move to another building.",
        tags,
        params: IdParams,
        body: FeeRuleBody,
        response: { 200: FeeRule },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.updateRule(ctx, req.params.id, req.body)),
  );
  app.delete(
    "/fee-rules/:id",
    {
      schema: {
        summary: "Delete a fee rule",
        description:
          "Deletes a rule that no issued notice uses; otherwise set an end date. Needs a recent password confirmation.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config: configures,
    },
    async (req, reply) => {
      await req.run((ctx) => rules.deleteRule(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/buildings/:id/billing-settings",
    {
      schema: {
        summary: "Billing settings of a building",
        description:
          "The building's due day, price frame for the management fee, and bank account for transfers.",
        tags,
        params: IdParams,
        response: { 200: BillingSettings },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.getSettings(ctx, req.params.id)),
  );
  app.put(
    "/buildings/:id/billing-settings",
    {
      schema: {
        summary: "Change billing settings",
        description: "Sets the building's due day, price frame and receiving bank account.",
        tags,
        params: IdParams,
        body: BillingSettingsBody,
        response: { 200: BillingSettings },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.saveSettings(ctx, req.params.id, req.body)),
  );
};
