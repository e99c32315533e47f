import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ChangePasswordBody,
  DeviceList,
  Me,
  SessionList,
  TotpEnableBody,
  TotpSetup,
  UpdateMeBody,
} from "../../../contracts/auth.js";
import { IdParams, NoContent } from "../../../contracts/common.js";
import { authOf } from "../../platform/http/request-context.js";
import * as auth from "./auth.service.js";
import * as sessions from "./sessions.service.js";

/** The signed-in person's own account: profile, password, sessions, devices, authenticator app. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["me"];
  const config = { auth: "signed_in" as const };

  app.patch(
    "/me",
    {
      schema: {
        summary: "Update my profile",
        description: "Changes the signed-in person's display name or language.",
        tags,
        body: UpdateMeBody,
        response: { 200: Me },
      },
      config,
    },
    async (req) => req.run((ctx) => auth.updateMe(ctx, authOf(req), req.body)),
  );

  app.post(
    "/me/password",
    {
      schema: {
        summary: "Change my password",
        description: "Changes the password given the current one; other sessions are signed out.",
        response: { 204: NoContent },
        tags,
        body: ChangePasswordBody,
      },
      config,
    },
    async (req, reply) => {
      const outcome = await req.run((ctx) => auth.changePassword(ctx, authOf(req), req.body));
      if (outcome.error) throw outcome.error;
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me/sessions",
    {
      schema: {
        summary: "List my sessions",
        description:
          "The person's open sessions with their device and last use, so a strange one can be revoked.",
        tags,
        response: { 200: SessionList },
      },
      config,
    },
    async (req) => req.run((ctx) => sessions.listSessions(ctx, authOf(req))),
  );

  app.delete(
    "/me/sessions/:id",
    {
      schema: {
        summary: "Revoke a session",
        description: "Ends one of the person's sessions at once.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => sessions.revokeSession(ctx, authOf(req), req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/sessions/revoke-others",
    {
      schema: {
        summary: "Revoke my other sessions",
        description: "Ends every session of the person except this one.",
        tags,
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
      config,
    },
    async (req) => {
      const a = authOf(req);
      return { revoked: await req.run((ctx) => sessions.revokeAllSessions(ctx, a.accountId, a.sessionId)) };
    },
  );

  app.get(
    "/me/devices",
    {
      schema: {
        summary: "List remembered devices",
        description: "Devices that skip the one-time code at sign-in.",
        tags,
        response: { 200: DeviceList },
      },
      config,
    },
    async (req) => req.run((ctx) => sessions.listDevices(ctx, authOf(req))),
  );

  app.delete(
    "/me/devices/:id",
    {
      schema: {
        summary: "Forget a device",
        description: "The device will be asked for a one-time code again at its next sign-in.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => sessions.forgetDevice(ctx, authOf(req), req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/totp/setup",
    {
      schema: {
        summary: "Start authenticator setup",
        description:
          "Creates a secret for an authenticator app and answers its otpauth URI (for a QR code); it is on only once confirmed. Needs a recent password confirmation.",
        tags,
        response: { 200: TotpSetup },
      },
      config: { ...config, reauth: true },
    },
    async (req) => req.run((ctx) => auth.setupTotp(ctx, authOf(req))),
  );

  app.post(
    "/me/totp/enable",
    {
      schema: {
        summary: "Turn the authenticator on",
        description:
          "Confirms the setup with a first code from the app; sign-ins then ask for the app's code.",
        tags,
        body: TotpEnableBody,
        response: { 200: Me },
      },
      config,
    },
    async (req) => req.run((ctx) => auth.enableTotp(ctx, authOf(req), req.body.code)),
  );

  app.post(
    "/me/totp/disable",
    {
      schema: {
        summary: "Turn the authenticator off",
        description:
          "Turns the authenticator app off; sign-ins go back to codes by email or SMS. Needs a recent password confirmation.",
        tags,
        response: { 200: Me },
      },
      config: { ...config, reauth: true },
    },
    async (req) => req.run((ctx) => auth.disableTotp(ctx, authOf(req))),
  );
};
