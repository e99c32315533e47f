import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
import { Building, BuildingBody, BuildingPage, BuildingPatch } from "../../../contracts/organisation.js";
import * as service from "./buildings.service.js";

export const buildingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["buildings"];

  app.get(
    "/buildings",
    {
      schema: {
        summary: "List buildings",
        description: "The company's buildings the caller may see, searchable by name or address.",
        tags,
        querystring: PageQuery,
        response: { 200: BuildingPage },
      },
      config: { permission: ["list", "building"] },
    },
    async (req) => req.run((ctx) => service.listBuildings(ctx, req.query)),
  );

  app.post(
    "/buildings",
    {
      schema: {
        summary: "Create a building",
        description: "Adds a building with its blocks and floors.",
        tags,
        body: BuildingBody,
        response: { 201: Building },
      },
      config: { permission: ["create", "building"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createBuilding(ctx, req.body))),
  );

  app.get(
    "/buildings/:id",
    {
      schema: {
        summary: "A building",
        description: "The building with its blocks and unit count.",
        tags,
        params: IdParams,
        response: { 200: Building },
      },
      config: { permission: ["list", "building"] },
    },
    async (req) => req.run((ctx) => service.getBuilding(ctx, req.params.id)),
  );

  app.patch(
    "/buildings/:id",
    {
      schema: {
        summary: "Change a building",
        description: "Changes the name, address or blocks.",
        tags,
        params: IdParams,
        body: BuildingPatch,
        response: { 200: Building },
      },
      config: { permission: ["update", "building"] },
    },
    async (req) => req.run((ctx) => service.updateBuilding(ctx, req.params.id, req.body)),
  );

  app.delete(
    "/buildings/:id",
    {
      schema: {
        summary: "Delete a building",
        description: "Deletes an empty building. Needs a recent password confirmation.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config: { permission: ["delete", "building"], reauth: true },
    },
    async (req, reply) => {
      await req.run((ctx) => service.deleteBuilding(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
};
