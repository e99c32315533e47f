import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, NoContent } from "../../../../contracts/common.js";
import { FloorGrid, Unit, UnitBody, UnitPage, UnitPatch, UnitQuery } from "../../../../contracts/registry.js";
import * as service from "./units.service.js";

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["units"];

  app.get(
    "/units",
    {
      schema: {
        summary: "List units",
        description: "Units of a building, filtered and paginated.",
        tags,
        querystring: UnitQuery,
        response: { 200: UnitPage },
      },
      config: { permission: ["list", "unit"] },
    },
    async (req) => req.run((ctx) => service.listUnits(ctx, req.query)),
  );

  app.post(
    "/units",
    {
      schema: {
        summary: "Create a unit",
        description: "Adds a unit (code, block, floor, area, type) to a building.",
        tags,
        body: UnitBody,
        response: { 201: Unit },
      },
      config: { permission: ["create", "unit"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.createUnit(ctx, req.body))),
  );

  app.get(
    "/units/:id",
    {
      schema: {
        summary: "A unit",
        description: "The unit with its household and vehicles count.",
        tags,
        params: IdParams,
        response: { 200: Unit },
      },
      config: { permission: ["list", "unit"] },
    },
    async (req) => req.run((ctx) => service.getUnit(ctx, req.params.id)),
  );

  app.patch(
    "/units/:id",
    {
      schema: {
        summary: "Change a unit",
        description: "Changes a unit's code, floor, area or type.",
        tags,
        params: IdParams,
        body: UnitPatch,
        response: { 200: Unit },
      },
      config: { permission: ["update", "unit"] },
    },
    async (req) => req.run((ctx) => service.updateUnit(ctx, req.params.id, req.body)),
  );

  app.delete(
    "/units/:id",
    {
      schema: {
        summary: "Delete a unit",
        description: "Deletes a unit with no history. Needs a recent password confirmation.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config: { permission: ["delete", "unit"], reauth: true },
    },
    async (req, reply) => {
      await req.run((ctx) => service.deleteUnit(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/buildings/:id/grid",
    {
      schema: {
        summary: "Floor grid",
        description:
          "Every unit of the building by block and floor, with occupancy and debts, for the console's grid.",
        tags,
        params: IdParams,
        response: { 200: FloorGrid },
      },
      config: { permission: ["list", "unit"] },
    },
    async (req) => req.run((ctx) => service.floorGrid(ctx, req.params.id)),
  );
};
