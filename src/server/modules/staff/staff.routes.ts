import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
import {
  AcceptInvitationBody,
  Invitation,
  InvitationBody,
  InvitationPage,
  InvitationPreview,
  InvitationQuery,
  SignInResult,
  StaffMember,
  StaffPage,
  StaffPatch,
} from "../../../contracts/index.js";
import { STAFF_ROLES } from "../../platform/authz/can.js";
import type { Platform } from "../../platform/context.js";
import { clientInfo, setDeviceCookie, setSessionCookie } from "../accounts/index.js";
import * as invitations from "./invitations.service.js";
import * as staff from "./staff.service.js";

const TokenParams = z.object({ token: z.string().min(10).max(100) });

export const staffRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const tags = ["staff"];

  app.get(
    "/staff",
    {
      schema: {
        summary: "List staff",
        description: "The company's staff with their roles and buildings.",
        tags,
        querystring: PageQuery,
        response: { 200: StaffPage },
      },
      config: { permission: ["list", "staff"] },
    },
    async (req) => req.run((ctx) => staff.listStaff(ctx, req.query)),
  );

  app.patch(
    "/staff/:id",
    {
      schema: {
        summary: "Change a staff member",
        description: "Changes a staff member's role, buildings or status; the last admin cannot be removed.",
        tags,
        params: IdParams,
        body: StaffPatch,
        response: { 200: StaffMember },
      },
      config: { permission: ["update", "staff"], reauth: true },
    },
    async (req) => req.run((ctx) => staff.updateStaff(ctx, req.params.id, req.body)),
  );

  app.get(
    "/staff/invitations",
    {
      schema: {
        summary: "List staff invitations",
        description: "Invitations waiting to be accepted.",
        tags,
        querystring: InvitationQuery,
        response: { 200: InvitationPage },
      },
      config: { permission: ["list", "invitation"] },
    },
    async (req) => req.run((ctx) => invitations.listInvitations(ctx, req.query, STAFF_ROLES)),
  );

  app.post(
    "/staff/invitations",
    {
      schema: {
        summary: "Invite a staff member",
        description: "Invites a person by email or phone to a role in the company.",
        tags,
        body: InvitationBody,
        response: { 201: Invitation },
      },
      config: { permission: ["create", "invitation"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => staff.inviteStaff(ctx, req.body))),
  );

  app.delete(
    "/staff/invitations/:id",
    {
      schema: {
        summary: "Withdraw an invitation",
        description: "Cancels an invitation not yet accepted.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config: { permission: ["revoke", "invitation"] },
    },
    async (req, reply) => {
      await req.run((ctx) => invitations.revokeInvitation(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  // The invitation link, opened before anyone is signed in.
  app.get(
    "/invitations/:token",
    {
      schema: {
        summary: "Preview an invitation",
        description:
          "What the invitation offers (company, role) and the consent sentences the person will accept. Public.",
        tags: ["invitations"],
        params: TokenParams,
        response: { 422: ErrorBody, 200: InvitationPreview },
      },
      config: { auth: "public" },
    },
    async (req) => req.run((ctx) => invitations.previewInvitation(ctx, req.params.token)),
  );

  app.post(
    "/invitations/:token/accept",
    {
      schema: {
        summary: "Accept an invitation",
        description:
          "Creates the account if needed and gives the role; for residents, links the resident record.",
        tags: ["invitations"],
        params: TokenParams,
        body: AcceptInvitationBody,
        response: { 401: ErrorBody, 422: ErrorBody, 200: SignInResult },
      },
      config: { auth: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const outcome = await req.run((ctx) =>
        invitations.acceptInvitation(ctx, req.params.token, req.body, clientInfo(req)),
      );
      if (outcome.error) throw outcome.error;
      if (outcome.sessionToken) setSessionCookie(reply, platform, outcome.sessionToken);
      setDeviceCookie(reply, platform, outcome.deviceToken);
      return { status: "signed_in" as const, me: outcome.me as NonNullable<typeof outcome.me> };
    },
  );
};
