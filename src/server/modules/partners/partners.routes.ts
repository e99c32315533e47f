import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../contracts/common.js";
import { PartnerStaff, PartnerStaffBody, PartnerStaffList } from "../../../contracts/marketplace.js";
import {
  Partner,
  PartnerBody,
  PartnerList,
  PartnerListQuery,
  PartnerPatch,
  PayoutAccountBody,
} from "../../../contracts/partners.js";
import { invitePartnerStaff, listPartnerStaff } from "./partner-staff.service.js";
import * as service from "./partners.service.js";

const tags = ["partners"];
const read = { permission: ["read", "partner"] } as const;
const manage = { permission: ["update", "partner"] } as const;

export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partners",
    {
      schema: {
        summary: "Partner organisations",
        description:
          "The company's partners (shippers, service firms): what they offer, where, on what terms. The company " +
          "admin, the building managers and customer care.",
        tags,
        querystring: PartnerListQuery,
        response: { 200: PartnerList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.listPartners(ctx, req.query)),
  );

  app.post(
    "/partners",
    {
      schema: {
        summary: "Onboard a partner",
        description:
          "Legal name and tax code, the organisation's hotline, categories, the buildings it serves, the " +
          "commission (hundredths of a percent, or VND per order) and its payout account.",
        tags,
        body: PartnerBody,
        response: { 201: Partner },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createPartner(ctx, req.body))),
  );

  app.get(
    "/partners/:id",
    {
      schema: {
        summary: "A partner",
        description: "Its terms, buildings, payout account and status.",
        tags,
        params: IdParams,
        response: { 200: Partner },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.getPartner(ctx, req.params.id)),
  );

  app.patch(
    "/partners/:id",
    {
      schema: {
        summary: "Change a partner's terms or status",
        description: "Categories, buildings, commission; `status: suspended` with a reason stops its work.",
        tags,
        params: IdParams,
        body: PartnerPatch,
        response: { 200: Partner },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.updatePartner(ctx, req.params.id, req.body)),
  );

  app.put(
    "/partners/:id/payout-account",
    {
      schema: {
        summary: "Change a partner's payout account",
        description: "Asks for the password again (a fresh sign-in); audited with the old and new account.",
        tags,
        params: IdParams,
        body: PayoutAccountBody,
        response: { 200: Partner },
      },
      config: { ...manage, reauth: true },
    },
    async (req) => req.run((ctx) => service.setPayoutAccount(ctx, req.params.id, req.body)),
  );
  app.get(
    "/partners/:id/staff",
    {
      schema: {
        summary: "A partner's people in the partner portal",
        description: "Invited, active, or whose invitation lapsed; contacts masked.",
        tags,
        params: IdParams,
        response: { 200: PartnerStaffList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => listPartnerStaff(ctx, req.params.id)),
  );
  app.post(
    "/partners/:id/staff",
    {
      schema: {
        summary: "Invite a partner's person to the partner portal",
        description:
          "By email or phone: the link signs them in with the partner role, tied to this partner, which is all " +
          "they see. Refused for a suspended partner.",
        tags,
        params: IdParams,
        body: PartnerStaffBody,
        response: { 201: PartnerStaff },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => invitePartnerStaff(ctx, req.params.id, req.body))),
  );
};
