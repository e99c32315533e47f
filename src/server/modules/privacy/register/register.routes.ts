import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer } from "../../../../contracts/common.js";
import { ProcessingRegister } from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import { processingRegister, registerDossier } from "./register.service.js";

export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

  app.get(
    "/privacy/register",
    {
      schema: {
        summary: "Processing register",
        description: "The company's register of processing: purposes, fields, bases, retention, recipients.",
        tags,
        response: { 200: ProcessingRegister },
      },
      config: allow("read_register"),
    },
    async (req) => req.run((ctx) => processingRegister(ctx)),
  );
  app.get(
    "/privacy/register.pdf",
    {
      schema: {
        response: { 200: fileAnswer("application/pdf", "The register and impact assessment") },
        summary: "Impact assessment dossier",
        description: "The register and impact assessment as PDF.",
        tags,
      },
      config: allow("read_register"),
    },
    async (req, reply) => {
      const pdf = await req.run((ctx) => registerDossier(ctx));
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="ho-so-danh-gia-tac-dong.pdf"')
        .send(pdf);
    },
  );
};
