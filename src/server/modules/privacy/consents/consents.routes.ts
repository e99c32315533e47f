import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ConsentBody, ConsentOverview } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { consentOverview, setConsent } from "./consents.service.js";

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];
  const own = allow("own_data");

  app.get(
    "/privacy/consents",
    {
      schema: {
        summary: "My consents",
        description:
          "The person's consent per purpose based on consent (marketing, analytics), with its history.",
        tags,
        response: { 200: ConsentOverview },
      },
      config: own,
    },
    async (req) => req.run((ctx) => consentOverview(ctx)),
  );
  app.post(
    "/privacy/consents",
    {
      schema: {
        summary: "Give or withdraw consent",
        description:
          "Gives or withdraws consent for one purpose, recording when, how and under which policy version.",
        tags,
        body: ConsentBody,
        response: { 200: ConsentOverview },
      },
      config: own,
    },
    async (req) => req.run((ctx) => setConsent(ctx, req.body)),
  );
};
