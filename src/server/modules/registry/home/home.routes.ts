import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HomeQuery, homeAnswer } from "../../../../contracts/home.js";
import type { ModuleRouteOptions } from "../../../platform/context.js";
import { homeDeclarations, residentHome } from "./home.service.js";

/** The resident app's first screen, in one round trip. */
export const homeRoutes: FastifyPluginAsyncZod<ModuleRouteOptions> = async (app, { platform }) => {
  app.get(
    "/me/home",
    {
      schema: {
        summary: "My home",
        description:
          "What the resident's modules show on the home for one of their units: cards (amount due, unread " +
          "announcements, open requests…), quick actions, and the app's tabs that have something behind them.",
        tags: ["me"],
        querystring: HomeQuery,
        response: { 200: homeAnswer(homeDeclarations(platform.modules).cards) },
      },
    },
    async (req) => req.run((ctx) => residentHome(ctx, req.query.unitId)),
  );
};
