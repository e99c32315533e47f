import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Tariff,
  TariffBody,
  TariffList,
  TariffPreview,
  TariffPreviewBody,
  TariffQuery,
} from "../../../../contracts/billing.js";
import { IdParams, NoContent } from "../../../../contracts/common.js";
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
    const whose =
      auth === "platform"
        ? "A national tariff (EVN's household electricity), kept by the platform admin for every company."
        : "A local tariff of the company (its water utility's), kept by a company admin.";
    if (auth === "platform") {
      app.get(
        prefix,
        {
          schema: {
            summary: "List the national tariffs",
            description:
              "Every version of the national tariffs, with bands, VAT, validity and whether it is locked.",
            tags,
            response: { 200: TariffList },
          },
          config: keeps,
        },
        async (req) => req.run((ctx) => service.listTariffs(ctx, "national")),
      );
    }
    app.post(
      prefix,
      {
        schema: {
          summary: "Add a tariff version",
          description: `${whose} A version applies from its valid-from date until the next; one that would re-price days an issued notice charged is refused (409).`,
          tags,
          body: TariffBody,
          response: { 201: Tariff },
        },
        config: keeps,
      },
      async (req, reply) =>
        reply.status(201).send(await req.run((ctx) => service.createVersion(ctx, req.body))),
    );
    app.post(
      `${prefix}/preview`,
      {
        schema: {
          summary: "Preview a tariff version",
          description: `${whose} Prices typical consumptions for the first month the version would apply to, with the billing run's own SQL, and writes nothing.`,
          tags,
          body: TariffPreviewBody,
          response: { 200: TariffPreview },
        },
        config: keeps,
      },
      async (req) => req.run((ctx) => service.previewVersion(ctx, req.body.tariff, req.body.replaces)),
    );
    app.put(
      `${prefix}/:id`,
      {
        schema: {
          summary: "Correct a tariff version",
          description: `${whose} Only a version no issued notice has used can be corrected (else 409); the code stays.`,
          tags,
          params: IdParams,
          body: TariffBody,
          response: { 200: Tariff },
        },
        config: keeps,
      },
      async (req) => req.run((ctx) => service.updateVersion(ctx, req.params.id, req.body)),
    );
    app.delete(
      `${prefix}/:id`,
      {
        schema: {
          summary: "Delete a tariff version",
          description: `${whose} Only a version no issued notice has used can be deleted (else 409).`,
          tags,
          params: IdParams,
          response: { 204: NoContent },
        },
        config: keeps,
      },
      async (req, reply) => {
        await req.run((ctx) => service.deleteVersion(ctx, req.params.id));
        return reply.status(204).send(null);
      },
    );
  }
  // What a company bills with: the national tariffs and its own (fee rules name them).
  app.get(
    "/tariffs",
    {
      schema: {
        summary: "List the tariffs a company bills with",
        description:
          "The national tariffs and the company's own, every version with its bands, VAT and validity (fee rules name them by code).",
        tags,
        querystring: TariffQuery,
        response: { 200: TariffList },
      },
      config: { permission: ["read", "billing"] },
    },
    async (req) => req.run((ctx) => service.listTariffs(ctx, req.query.scope)),
  );
};
