import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams, NoContent, Uuid } from "../../../../contracts/common.js";
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
import * as households from "./households.service.js";
import * as service from "./residents.service.js";
import { reveal } from "./reveal.service.js";
import { listResidents } from "./search.service.js";

const MemberParams = z.object({ id: Uuid, memberId: Uuid });
const MemberPatch = ResidentPatch.extend({ relation: z.string().trim().max(40).nullable().optional() });

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["residents"];
  const read = { permission: ["list", "resident"] as const };

  app.get(
    "/units/:id/household",
    {
      schema: {
        summary: "Household of a unit",
        description: "The unit's owner, tenants and members, with move-in and move-out dates.",
        tags,
        params: IdParams,
        response: { 200: Household },
      },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => households.getHousehold(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household",
    {
      schema: {
        summary: "Add a household member",
        description: "Adds a person to the unit's household (owner, tenant or member).",
        tags,
        params: IdParams,
        body: HouseholdMemberBody,
        response: { 201: HouseholdMember },
      },
      config: { permission: ["add", "household"] },
    },
    async (req, reply) => {
      const member = await req.run((ctx) => households.addHouseholdMember(ctx, req.params.id, req.body));
      return reply.status(201).send(member);
    },
  );

  app.post(
    "/units/:id/household/:memberId/move-out",
    {
      schema: {
        summary: "Move a member out",
        description: "Records a member's move-out date.",
        response: { 204: NoContent },
        tags,
        params: MemberParams,
        body: z.object({ on: IsoDate }),
      },
      config: { permission: ["change", "household"] },
    },
    async (req, reply) => {
      await req.run((ctx) => households.moveOut(ctx, req.params.id, req.params.memberId, req.body.on));
      return reply.status(204).send(null);
    },
  );

  app.patch(
    "/units/:id/household/:memberId",
    {
      schema: {
        summary: "Change a household member",
        description: "Changes a member's role, dates or details.",
        tags,
        params: MemberParams,
        body: MemberPatch,
        response: { 200: HouseholdMember },
      },
      config: { permission: ["change", "household"] },
    },
    async (req) =>
      req.run((ctx) => households.updateMember(ctx, req.params.id, req.params.memberId, req.body)),
  );

  app.post(
    "/units/:id/household/:memberId/invite",
    {
      schema: {
        summary: "Invite a member to the app",
        description: "Sends an invitation to the member's email or phone to open a resident account.",
        tags,
        params: MemberParams,
        response: { 201: Invitation },
      },
      config: { permission: ["invite", "household"] },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => households.inviteMember(ctx, req.params.id, req.params.memberId))),
  );

  app.post(
    "/buildings/:id/invitations",
    {
      schema: {
        summary: "Invite a building's residents",
        description:
          "Invites every resident of the building who has a contact and no account yet, in the background.",
        tags,
        params: IdParams,
        body: BulkInvitationBody,
        response: { 503: ErrorBody, 202: BulkInvitationResult },
      },
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
      schema: {
        summary: "Cards of a unit",
        description: "Access and elevator cards of the unit's members.",
        tags,
        params: IdParams,
        response: { 200: AccessCardList },
      },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => cards.listCards(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household/:memberId/cards",
    {
      schema: {
        summary: "Issue a card",
        description: "Issues an access or elevator card to a member.",
        tags,
        params: MemberParams,
        body: AccessCardBody,
        response: { 201: AccessCard },
      },
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
      schema: {
        summary: "Deactivate a card",
        description: "Deactivates a lost or returned card.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
        body: z.object({ on: IsoDate }),
      },
      config: { permission: ["issue_card", "household"] },
    },
    async (req, reply) => {
      await req.run((ctx) => cards.deactivateCard(ctx, req.params.id, req.body.on));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/units/:id/change-requests",
    {
      schema: {
        summary: "Ask for a household change",
        description: "A resident asks the management to change the unit's owner or household.",
        tags,
        params: IdParams,
        body: ChangeRequestBody,
        response: { 201: ChangeRequest },
      },
      config: { permission: ["request_change", "household"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => changes.requestChange(ctx, req.params.id, req.body))),
  );

  app.get(
    "/units/:id/change-requests",
    {
      schema: {
        summary: "Change requests of a unit",
        description: "The unit's household change requests.",
        tags,
        params: IdParams,
        response: { 200: ChangeRequestList },
      },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => changes.listUnitRequests(ctx, req.params.id)),
  );

  app.get(
    "/change-requests",
    {
      schema: {
        summary: "List change requests",
        description: "Household change requests waiting for the management.",
        tags,
        response: { 200: ChangeRequestList },
      },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.listPending(ctx)),
  );

  app.post(
    "/change-requests/:id/approve",
    {
      schema: {
        summary: "Approve a change request",
        description: "Applies the requested household change.",
        tags,
        params: IdParams,
        body: DecisionBody,
        response: { 200: ChangeRequest },
      },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.approve(ctx, req.params.id, req.body.note)),
  );

  app.post(
    "/change-requests/:id/reject",
    {
      schema: {
        summary: "Reject a change request",
        description: "Refuses the change with a reason.",
        tags,
        params: IdParams,
        body: DecisionBody,
        response: { 200: ChangeRequest },
      },
      config: { permission: ["decide_change", "household"] },
    },
    async (req) => req.run((ctx) => changes.reject(ctx, req.params.id, req.body.note)),
  );

  app.get(
    "/units/:id/household/flags",
    {
      schema: {
        summary: "Flags on a household",
        description: "Notes the management raised on the member list the owner keeps.",
        tags,
        params: IdParams,
        response: { 200: HouseholdFlagList },
      },
      config: { permission: ["read", "household"] },
    },
    async (req) => req.run((ctx) => flags.listFlags(ctx, req.params.id)),
  );

  app.post(
    "/units/:id/household/flags",
    {
      schema: {
        summary: "Flag a household",
        description: "The management flags something to check in the member list (it may not edit it).",
        tags,
        params: IdParams,
        body: HouseholdFlagBody,
        response: { 201: HouseholdFlag },
      },
      config: { permission: ["flag", "household"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => flags.raiseFlag(ctx, req.params.id, req.body.note))),
  );

  app.post(
    "/household-flags/:id/resolve",
    {
      schema: {
        summary: "Resolve a flag",
        description: "Closes a flag on a household.",
        tags,
        params: IdParams,
        body: ResolveFlagBody,
        response: { 200: HouseholdFlag },
      },
      config: { permission: ["change", "household"] },
    },
    async (req) => req.run((ctx) => flags.resolveFlag(ctx, req.params.id, req.body.resolution)),
  );

  app.get(
    "/residents",
    {
      schema: {
        summary: "Find residents",
        description:
          "Search by name (accents optional), exact phone, email or plate, across the caller's buildings.",
        tags,
        querystring: ResidentQuery,
        response: { 200: ResidentPage },
      },
      config: read,
    },
    async (req) => req.run((ctx) => listResidents(ctx, req.query)),
  );

  app.get(
    "/residents/:id",
    {
      schema: {
        summary: "A resident",
        description: "The resident's record; contacts masked unless revealed.",
        tags,
        params: IdParams,
        response: { 200: Resident },
      },
      config: read,
    },
    async (req) => req.run((ctx) => service.getResident(ctx, req.params.id)),
  );

  app.patch(
    "/residents/:id",
    {
      schema: {
        summary: "Change a resident",
        description: "Changes the resident's name, contacts, date of birth or ID.",
        tags,
        params: IdParams,
        body: ResidentPatch,
        response: { 200: Resident },
      },
      config: { permission: ["update", "resident"] },
    },
    async (req) => req.run((ctx) => service.updateResident(ctx, req.params.id, req.body)),
  );

  app.post(
    "/residents/:id/reveal",
    {
      schema: {
        summary: "Reveal a resident's contacts",
        description:
          "Shows the full contacts and ID number, recorded in the audit log. Needs a recent password confirmation.",
        tags,
        params: IdParams,
        body: RevealBody,
        response: { 200: Revealed },
      },
      config: { permission: ["reveal", "resident"] },
    },
    async (req) => req.run((ctx) => reveal(ctx, req.params.id, req.body.field)),
  );
};
