import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Tariff,
  TariffBody,
  TariffList,
  TariffPreview,
  TariffPreviewBody,
  TariffQuery,
} from "../../../../contracts/billing.js";
import { IdParams } from "../../../../contracts/common.js";
import * as service from "./tariffs.service.js";

/**
 * Tariff versions. The same routes under `/platform/tariffs` (platform scope) keep the national tariffs (EVN's);
 * under `/tariffs` (a company's scope) the company's local water tariffs, and list what the company bills with.
 */
export const tariffRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  for (const [prefix, auth] of [
    ["/tariffs", "tenant"],
    ["/platform/tariffs", "platform"],
  ] as const) {
    const keeps = { auth, permission: ["keep", "tariff"] as const };
    if (auth === "platform") {
      app.get(prefix, { schema: { tags, response: { 200: TariffList } }, config: keeps }, async (req) =>
        req.run((ctx) => service.listTariffs(ctx, "national")),
      );
    }
    app.post(
      prefix,
      { schema: { tags, body: TariffBody, response: { 201: Tariff } }, config: keeps },
      async (req, reply) =>
        reply.status(201).send(await req.run((ctx) => service.createVersion(ctx, req.body))),
    );
    app.post(
      `${prefix}/preview`,
      { schema: { tags, body: TariffPreviewBody, response: { 200: TariffPreview } }, config: keeps },
      async (req) => req.run((ctx) => service.previewVersion(ctx, req.body.tariff, req.body.replaces)),
    );
    app.put(
      `${prefix}/:id`,
      { schema: { tags, params: IdParams, body: TariffBody, response: { 200: Tariff } }, config: keeps },
      async (req) => req.run((ctx) => service.updateVersion(ctx, req.params.id, req.body)),
    );
    app.delete(`${prefix}/:id`, { schema: { tags, params: IdParams }, config: keeps }, async (req, reply) => {
      await req.run((ctx) => service.deleteVersion(ctx, req.params.id));
      return reply.status(204).send();
    });
  }
  // What a company bills with: the national tariffs and its own (fee rules name them).
  app.get(
    "/tariffs",
    {
      schema: { tags, querystring: TariffQuery, response: { 200: TariffList } },
      config: { permission: ["read", "billing"] },
    },
    async (req) => req.run((ctx) => service.listTariffs(ctx, req.query.scope)),
  );
};
