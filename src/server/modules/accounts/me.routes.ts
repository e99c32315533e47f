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
import { IdParams } from "../../../contracts/common.js";
import { authOf } from "../../platform/http/request-context.js";
import * as auth from "./auth.service.js";
import * as sessions from "./sessions.service.js";

/** The signed-in person's own account: profile, password, sessions, devices, authenticator app. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["me"];
  const config = { auth: "signed_in" as const };

  app.patch("/me", { schema: { tags, body: UpdateMeBody, response: { 200: Me } }, config }, async (req) =>
    req.run((ctx) => auth.updateMe(ctx, authOf(req), req.body)),
  );

  app.post("/me/password", { schema: { tags, body: ChangePasswordBody }, config }, async (req, reply) => {
    const outcome = await req.run((ctx) => auth.changePassword(ctx, authOf(req), req.body));
    if (outcome.error) throw outcome.error;
    return reply.status(204).send();
  });

  app.get("/me/sessions", { schema: { tags, response: { 200: SessionList } }, config }, async (req) =>
    req.run((ctx) => sessions.listSessions(ctx, authOf(req))),
  );

  app.delete("/me/sessions/:id", { schema: { tags, params: IdParams }, config }, async (req, reply) => {
    await req.run((ctx) => sessions.revokeSession(ctx, authOf(req), req.params.id));
    return reply.status(204).send();
  });

  app.post(
    "/me/sessions/revoke-others",
    { schema: { tags, response: { 200: z.object({ revoked: z.number().int() }) } }, config },
    async (req) => {
      const a = authOf(req);
      return { revoked: await req.run((ctx) => sessions.revokeAllSessions(ctx, a.accountId, a.sessionId)) };
    },
  );

  app.get("/me/devices", { schema: { tags, response: { 200: DeviceList } }, config }, async (req) =>
    req.run((ctx) => sessions.listDevices(ctx, authOf(req))),
  );

  app.delete("/me/devices/:id", { schema: { tags, params: IdParams }, config }, async (req, reply) => {
    await req.run((ctx) => sessions.forgetDevice(ctx, authOf(req), req.params.id));
    return reply.status(204).send();
  });

  app.post(
    "/me/totp/setup",
    { schema: { tags, response: { 200: TotpSetup } }, config: { ...config, reauth: true } },
    async (req) => req.run((ctx) => auth.setupTotp(ctx, authOf(req))),
  );

  app.post(
    "/me/totp/enable",
    { schema: { tags, body: TotpEnableBody, response: { 200: Me } }, config },
    async (req) => req.run((ctx) => auth.enableTotp(ctx, authOf(req), req.body.code)),
  );

  app.post(
    "/me/totp/disable",
    { schema: { tags, response: { 200: Me } }, config: { ...config, reauth: true } },
    async (req) => req.run((ctx) => auth.disableTotp(ctx, authOf(req))),
  );
};
