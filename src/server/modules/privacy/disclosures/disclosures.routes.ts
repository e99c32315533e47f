import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AgencyRelease,
  AgencyRequestBody,
  DisclosurePage,
  DisclosureQuery,
} from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { listDisclosures, releaseToAgency } from "./disclosures.service.js";

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/disclosures",
    {
      schema: {
        summary: "Disclosure log",
        description:
          "Every release of personal data to partners, agencies or staff outside the building: what, to whom, why, on what basis.",
        tags,
        querystring: DisclosureQuery,
        response: { 200: DisclosurePage },
      },
      config: allow("read_disclosures"),
    },
    async (req) => req.run((ctx) => listDisclosures(ctx, req.query)),
  );
  app.post(
    "/privacy/agency-requests",
    {
      schema: {
        summary: "Release data to an agency",
        description:
          "Releases the fields a state agency asked for, recording the legal basis in the disclosure log.",
        tags,
        body: AgencyRequestBody,
        response: { 201: AgencyRelease },
      },
      config: { ...allow("disclose_to_agency"), reauth: true },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => releaseToAgency(ctx, req.body))),
  );
};
