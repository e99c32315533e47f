import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PageQuery } from "../../../contracts/common.js";
import { Company, CompanyBody, CompanyPage } from "../../../contracts/organisation.js";
import * as service from "./companies.service.js";

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["platform"];
  app.get(
    "/platform/companies",
    {
      schema: {
        summary: "List management companies",
        description: "Every company on the installation, with its size. Platform admin only.",
        tags,
        querystring: PageQuery,
        response: { 200: CompanyPage },
      },
      config: { auth: "platform", permission: ["list", "company"] },
    },
    async (req) => req.run((ctx) => service.listCompanies(ctx, req.query)),
  );

  app.post(
    "/platform/companies",
    {
      schema: {
        summary: "Create a management company",
        description: "Creates a company and invites its first admin. Platform admin only.",
        tags,
        body: CompanyBody,
        response: { 201: Company },
      },
      config: { auth: "platform", permission: ["create", "company"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createCompany(ctx, req.body))),
  );
};
