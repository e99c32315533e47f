import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileAnswer } from "../../../contracts/common.js";
import {
  CompanyProfile,
  CompanyProfileBody,
  LOGO_TYPES,
  SenderNamesBody,
} from "../../../contracts/settings.js";
import { errors } from "../../platform/errors.js";
import * as service from "./profile.service.js";

/** The logo's version, as its address carries it. */
const LogoVersion = z.object({ v: z.coerce.number().int().min(0).optional() });

/** A logo above this is refused by Fastify (413) before it is read; the service's own limit is lower. */
const LOGO_BODY_LIMIT = 2 * 1024 * 1024;

export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["settings"];
  app.get(
    "/company/profile",
    {
      schema: {
        summary: "The company's profile",
        description: "Legal name, address, tax code, hotline, logo and sender names: what documents print.",
        tags,
        response: { 200: CompanyProfile },
      },
      config: { permission: ["read", "company_settings"] },
    },
    async (req) => req.run((ctx) => service.getCompanyProfile(ctx)),
  );
  app.put(
    "/company/profile",
    {
      schema: {
        summary: "Change the company's profile",
        description: "Replaces the profile every document prints. Company admin only; audited.",
        tags,
        body: CompanyProfileBody,
        response: { 200: CompanyProfile },
      },
      config: { permission: ["update", "company_settings"] },
    },
    async (req) => req.run((ctx) => service.saveCompanyProfile(ctx, req.body)),
  );
  app.put(
    "/company/senders",
    {
      schema: {
        summary: "Change the names messages go out under",
        description: "The display name of emails and the signature of texts. Company admin only; audited.",
        tags,
        body: SenderNamesBody,
        response: { 200: CompanyProfile },
      },
      config: { permission: ["update", "company_settings"] },
    },
    async (req) => req.run((ctx) => service.saveSenderNames(ctx, req.body)),
  );

  // The logo is the body, as sent: a PNG or a JPEG image.
  app.addContentTypeParser(
    [...LOGO_TYPES],
    { parseAs: "buffer", bodyLimit: LOGO_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.post(
    "/company/logo",
    {
      bodyLimit: LOGO_BODY_LIMIT,
      schema: {
        summary: "Upload the company's logo",
        description: "A PNG or JPEG image (at most 256 kB) as the body. Company admin only; audited.",
        tags,
        response: { 200: CompanyProfile },
      },
      config: { permission: ["update", "company_settings"] },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw errors.rule("LOGO_TYPE_INVALID");
      const data = req.body;
      return req.run((ctx) => service.uploadLogo(ctx, data));
    },
  );
  app.delete(
    "/company/logo",
    {
      schema: {
        summary: "Remove the company's logo",
        description:
          "Documents print the name alone again. With `v`, only that version is removed: a newer logo another admin uploaded meanwhile stays (409). Company admin only; audited.",
        tags,
        querystring: LogoVersion,
        response: { 200: CompanyProfile },
      },
      config: { permission: ["update", "company_settings"] },
    },
    async (req) => req.run((ctx) => service.removeLogo(ctx, req.query.v)),
  );
  app.get(
    "/company/logo",
    {
      schema: {
        summary: "The company's logo",
        description: "The image; its address carries the version, so it may be cached.",
        tags,
        querystring: LogoVersion,
        response: { 200: fileAnswer("image/png", "The logo (PNG or JPEG)") },
      },
      config: { permission: ["read_logo", "company_settings"] },
    },
    async (req, reply) => {
      const logo = await req.run((ctx) => service.companyLogo(ctx));
      if (!logo) throw errors.notFound("resource");
      return reply
        .type(logo.type)
        .header(
          "cache-control",
          req.query.v === logo.version ? "private, max-age=31536000, immutable" : "private, no-cache",
        )
        .header("x-content-type-options", "nosniff")
        .send(logo.data);
    },
  );
};
