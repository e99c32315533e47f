import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, Uuid } from "../../../../contracts/common.js";
import { Invitation } from "../../../../contracts/organisation.js";
import {
  AccessCard,
  AccessCardBody,
  AccessCardList,
  BulkInvitationBody,
  BulkInvitationResult,
  ChangeRequest,
  ChangeRequestBody,
  ChangeRequestList,
  DecisionBody,
  Household,
  HouseholdFlag,
  HouseholdFlagBody,
  HouseholdFlagList,
  HouseholdMember,
  HouseholdMemberBody,
  IsoDate,
  Resident,
  ResidentPage,
  ResidentPatch,
  ResidentQuery,
  ResolveFlagBody,
  RevealBody,
  Revealed,
} from "../../../../contracts/registry.js";
import { inviteBuildingResidents } from "./bulk-invite.service.js";
import * as cards from "./cards.service.js";
import * as changes from "./change-requests.service.js";
import * as flags from "./flags.service.js";
import * as service from "./residents.service.js";

const MemberParams = z.object({ id: Uuid, memberId: Uuid });
const MemberPatch = ResidentPatch.extend({ relation: z.string().trim().max(40).nullable().optional() });

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["residents"];
  const read = { permission: ["list", "resident"] as const };

  app.get(
    "/units/:id/household",
    {
      schema: { tags, params: IdParams, response: { 200: Household } },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => service.getHousehold(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household",
    {
      schema: { tags, params: IdParams, body: HouseholdMemberBody, response: { 201: HouseholdMember } },
      config: { permission: ["add", "household"] },
    },
    async (req, reply) => {
      const member = await req.run((ctx) => service.addHouseholdMember(ctx, req.params.id, req.body));
      return reply.status(201).send(member);
    },
  );

  app.post(
    "/units/:id/household/:memberId/move-out",
    {
      schema: { tags, params: MemberParams, body: z.object({ on: IsoDate }) },
      config: { permission: ["change", "household"] },
    },
    async (req, reply) => {
      await req.run((ctx) => service.moveOut(ctx, req.params.id, req.params.memberId, req.body.on));
      return reply.status(204).send();
    },
  );

  app.patch(
    "/units/:id/household/:memberId",
    {
      schema: { tags, params: MemberParams, body: MemberPatch, response: { 200: HouseholdMember } },
      config: { permission: ["change", "household"] },
    },
    async (req) => req.run((ctx) => service.updateMember(ctx, req.params.id, req.params.memberId, req.body)),
  );

  app.post(
    "/units/:id/household/:memberId/invite",
    {
      schema: { tags, params: MemberParams, response: { 201: Invitation } },
      config: { permission: ["invite", "household"] },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => service.inviteMember(ctx, req.params.id, req.params.memberId))),
  );

  app.post(
    "/buildings/:id/invitations",
    {
      schema: { tags, params: IdParams, body: BulkInvitationBody, response: { 202: BulkInvitationResult } },
      config: { permission: ["invite", "resident"] },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await req.run((ctx) => inviteBuildingResidents(ctx, req.params.id, req.body.unitIds))),
  );

  app.get(
    "/units/:id/cards",
    {
      schema: { tags, params: IdParams, response: { 200: AccessCardList } },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => cards.listCards(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household/:memberId/cards",
    {
      schema: { tags, params: MemberParams, body: AccessCardBody, response: { 201: AccessCard } },
      config: { permission: ["issue_card", "household"] },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => cards.issueCard(ctx, req.params.id, req.params.memberId, req.body))),
  );

  app.post(
    "/cards/:id/deactivate",
    {
      schema: { tags, params: IdParams, body: z.object({ on: IsoDate }) },
      config: { permission: ["issue_card", "household"] },
    },
    async (req, reply) => {
      await req.run((ctx) => cards.deactivateCard(ctx, req.params.id, req.body.on));
      return reply.status(204).send();
    },
  );

  app.post(
    "/units/:id/change-requests",
    {
      schema: { tags, params: IdParams, body: ChangeRequestBody, response: { 201: ChangeRequest } },
      config: { permission: ["request_change", "household"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => changes.requestChange(ctx, req.params.id, req.body))),
  );

  app.get(
    "/units/:id/change-requests",
    {
      schema: { tags, params: IdParams, response: { 200: ChangeRequestList } },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => changes.listUnitRequests(ctx, req.params.id)),
  );

  app.get(
    "/change-requests",
    {
      schema: { tags, response: { 200: ChangeRequestList } },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.listPending(ctx)),
  );

  app.post(
    "/change-requests/:id/approve",
    {
      schema: { tags, params: IdParams, body: DecisionBody, response: { 200: ChangeRequest } },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.approve(ctx, req.params.id, req.body.note)),
  );

  app.post(
    "/change-requests/:id/reject",
    {
      schema: { tags, params: IdParams, body: DecisionBody, response: { 200: ChangeRequest } },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.reject(ctx, req.params.id, req.body.note)),
  );

  app.get(
    "/units/:id/household/flags",
    {
      schema: { tags, params: IdParams, response: { 200: HouseholdFlagList } },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => flags.listFlags(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household/flags",
    {
      schema: { tags, params: IdParams, body: HouseholdFlagBody, response: { 201: HouseholdFlag } },
      config: { permission: ["flag", "household"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => flags.raiseFlag(ctx, req.params.id, req.body.note))),
  );

  app.post(
    "/household-flags/:id/resolve",
    {
      schema: { tags, params: IdParams, body: ResolveFlagBody, response: { 200: HouseholdFlag } },
      config: { permission: ["change", "household"] },
    },
    async (req) => req.run((ctx) => flags.resolveFlag(ctx, req.params.id, req.body.resolution)),
  );

  app.get(
    "/residents",
    { schema: { tags, querystring: ResidentQuery, response: { 200: ResidentPage } }, config: read },
    async (req) => req.run((ctx) => service.listResidents(ctx, req.query)),
  );

  app.get(
    "/residents/:id",
    { schema: { tags, params: IdParams, response: { 200: Resident } }, config: read },
    async (req) => req.run((ctx) => service.getResident(ctx, req.params.id)),
  );

  app.patch(
    "/residents/:id",
    {
      schema: { tags, params: IdParams, body: ResidentPatch, response: { 200: Resident } },
      config: { permission: ["update", "resident"] },
    },
    async (req) => req.run((ctx) => service.updateResident(ctx, req.params.id, req.body)),
  );

  app.post(
    "/residents/:id/reveal",
    {
      schema: { tags, params: IdParams, body: RevealBody, response: { 200: Revealed } },
      config: { permission: ["reveal", "resident"] },
    },
    async (req) => req.run((ctx) => service.reveal(ctx, req.params.id, req.body.field)),
  );
};
