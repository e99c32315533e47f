import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, NoContent } from "../../../../contracts/common.js";
import {
  IsoDate,
  Vehicle,
  VehicleBody,
  VehicleList,
  VehiclePatch,
  VehicleSearch,
} from "../../../../contracts/registry.js";
import * as service from "./vehicles.service.js";

export const vehicleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["vehicles"];

  app.get(
    "/units/:id/vehicles",
    {
      schema: {
        summary: "Vehicles of a unit",
        description: "The unit's vehicles with their parking cards.",
        tags,
        params: IdParams,
        response: { 200: VehicleList },
      },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => service.listUnitVehicles(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/vehicles",
    {
      schema: {
        summary: "Register a vehicle",
        description:
          "Registers a vehicle of a household member (a resident's registration waits for approval).",
        tags,
        params: IdParams,
        body: VehicleBody,
        response: { 201: Vehicle },
      },
      config: { permission: ["register_vehicle", "household"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.registerVehicle(ctx, req.params.id, req.body))),
  );

  app.patch(
    "/vehicles/:id",
    {
      schema: {
        summary: "Change a vehicle",
        description: "Changes a vehicle's type, plate or card.",
        tags,
        params: IdParams,
        body: VehiclePatch,
        response: { 200: Vehicle },
      },
      config: { permission: ["update", "vehicle"] },
    },
    async (req) => req.run((ctx) => service.updateVehicle(ctx, req.params.id, req.body)),
  );

  app.post(
    "/vehicles/:id/approve",
    {
      schema: {
        summary: "Approve a vehicle",
        description: "Approves a vehicle a resident registered.",
        tags,
        params: IdParams,
        body: z.object({ parkingCard: z.string().trim().max(40).nullable().optional() }),
        response: { 200: Vehicle },
      },
      config: { permission: ["approve_vehicle", "household"] },
    },
    async (req) => req.run((ctx) => service.approveVehicle(ctx, req.params.id, req.body.parkingCard)),
  );

  app.post(
    "/vehicles/:id/deactivate",
    {
      schema: {
        summary: "Deactivate a vehicle",
        description: "Ends a vehicle's registration (and its parking fee).",
        response: { 204: NoContent },
        tags,
        params: IdParams,
        body: z.object({ on: IsoDate }),
      },
      config: { permission: ["update", "vehicle"] },
    },
    async (req, reply) => {
      await req.run((ctx) => service.deactivateVehicle(ctx, req.params.id, req.body.on));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/vehicles",
    {
      schema: {
        summary: "List vehicles",
        description: "Vehicles of a building, filterable by type and status.",
        tags,
        querystring: VehicleSearch,
        response: { 200: VehicleList },
      },
      config: { permission: ["list", "vehicle"] },
    },
    async (req) => req.run((ctx) => service.findVehicles(ctx, req.query)),
  );
};
