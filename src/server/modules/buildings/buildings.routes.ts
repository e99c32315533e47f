import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, PageQuery } from "../../../contracts/common.js";
import { Building, BuildingBody, BuildingPage, BuildingPatch } from "../../../contracts/organisation.js";
import * as service from "./buildings.service.js";

export const buildingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["buildings"];

  app.get(
    "/buildings",
    {
      schema: { tags, querystring: PageQuery, response: { 200: BuildingPage } },
      config: { permission: ["list", "building"] },
    },
    async (req) => req.run((ctx) => service.listBuildings(ctx, req.query)),
  );

  app.post(
    "/buildings",
    {
      schema: { tags, body: BuildingBody, response: { 201: Building } },
      config: { permission: ["create", "building"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createBuilding(ctx, req.body))),
  );

  app.get(
    "/buildings/:id",
    {
      schema: { tags, params: IdParams, response: { 200: Building } },
      config: { permission: ["list", "building"] },
    },
    async (req) => req.run((ctx) => service.getBuilding(ctx, req.params.id)),
  );

  app.patch(
    "/buildings/:id",
    {
      schema: { tags, params: IdParams, body: BuildingPatch, response: { 200: Building } },
      config: { permission: ["update", "building"] },
    },
    async (req) => req.run((ctx) => service.updateBuilding(ctx, req.params.id, req.body)),
  );

  app.delete(
    "/buildings/:id",
    { schema: { tags, params: IdParams }, config: { permission: ["delete", "building"], reauth: true } },
    async (req, reply) => {
      await req.run((ctx) => service.deleteBuilding(ctx, req.params.id));
      return reply.status(204).send();
    },
  );
};
