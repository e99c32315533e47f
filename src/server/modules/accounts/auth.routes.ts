import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ContextBody,
  ForgotBody,
  Me,
  OtpResendBody,
  OtpVerifyBody,
  ReauthBody,
  ReauthResult,
  ResetBody,
  SignInBody,
  SignInResult,
  TotpVerifyBody,
} from "../../../contracts/auth.js";
import type { Platform } from "../../platform/context.js";
import { authOf, csrfTokenOf } from "../../platform/http/request-context.js";
import * as auth from "./auth.service.js";
import { clearSessionCookie, clientInfo, setDeviceCookie, setSessionCookie } from "./cookies.js";
import { describeMe, switchContext } from "./sessions.service.js";

export type AuthRoutesOptions = { platform: Platform; signInPerMinute: number };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (
  app,
  { platform, signInPerMinute },
) => {
  const tags = ["auth"];
  const strict = { max: signInPerMinute, timeWindow: "1 minute" };

  /** Applies an outcome: cookies first, then the error (after its transaction has committed) or the result. */
  const finish = (reply: FastifyReply, outcome: auth.AuthOutcome) => {
    if (outcome.sessionToken) setSessionCookie(reply, platform, outcome.sessionToken);
    setDeviceCookie(reply, platform, outcome.deviceToken);
    if (outcome.error) throw outcome.error;
    return outcome.result;
  };

  app.get(
    "/auth/csrf",
    { schema: { tags, response: { 200: z.object({ csrfToken: z.string() }) } }, config: { auth: "public" } },
    async (req, reply) => ({ csrfToken: csrfTokenOf(req, reply, platform) }),
  );

  app.post(
    "/auth/sign-in",
    {
      schema: { tags, body: SignInBody, response: { 200: SignInResult } },
      config: { auth: "public", rateLimit: strict },
    },
    async (req, reply) => finish(reply, await req.run((ctx) => auth.signIn(ctx, req.body, clientInfo(req)))),
  );

  app.post(
    "/auth/otp/verify",
    {
      schema: { tags, body: OtpVerifyBody, response: { 200: SignInResult } },
      config: { auth: "pending", rateLimit: strict },
    },
    async (req, reply) =>
      finish(
        reply,
        await req.run((ctx) => auth.verifySignInOtp(ctx, authOf(req), req.body, clientInfo(req))),
      ),
  );

  app.post(
    "/auth/otp/resend",
    {
      schema: { tags, body: OtpResendBody, response: { 200: SignInResult } },
      config: { auth: "pending", rateLimit: strict },
    },
    async (req) => req.run((ctx) => auth.resendSignInOtp(ctx, authOf(req), req.body.channel)),
  );

  app.post(
    "/auth/totp/verify",
    {
      schema: { tags, body: TotpVerifyBody, response: { 200: SignInResult } },
      config: { auth: "pending", rateLimit: strict },
    },
    async (req, reply) =>
      finish(
        reply,
        await req.run((ctx) => auth.verifySignInTotp(ctx, authOf(req), req.body, clientInfo(req))),
      ),
  );

  app.get(
    "/auth/me",
    { schema: { tags, response: { 200: Me } }, config: { auth: "signed_in" } },
    async (req) => req.run((ctx) => describeMe(ctx, authOf(req))),
  );

  app.post(
    "/auth/context",
    { schema: { tags, body: ContextBody, response: { 200: Me } }, config: { auth: "signed_in" } },
    async (req) => req.run((ctx) => switchContext(ctx, authOf(req), req.body.contextId)),
  );

  app.post("/auth/sign-out", { schema: { tags }, config: { auth: "pending" } }, async (req, reply) => {
    await req.run((ctx) => auth.signOut(ctx, authOf(req)));
    clearSessionCookie(reply, platform);
    return reply.status(204).send();
  });

  app.post(
    "/auth/reauth",
    {
      schema: { tags, body: ReauthBody, response: { 200: ReauthResult } },
      config: { auth: "signed_in", rateLimit: strict },
    },
    async (req) => {
      const outcome = await req.run((ctx) => auth.reauthenticate(ctx, authOf(req), req.body));
      if (outcome.error) throw outcome.error;
      return { reauthUntil: outcome.reauthUntil as string };
    },
  );

  app.post(
    "/auth/reauth/code",
    { schema: { tags, body: OtpResendBody }, config: { auth: "signed_in", rateLimit: strict } },
    async (req) => req.run((ctx) => auth.sendReauthCode(ctx, authOf(req), req.body.channel)),
  );

  app.post(
    "/auth/password/forgot",
    { schema: { tags, body: ForgotBody }, config: { auth: "public", rateLimit: strict } },
    async (req, reply) => {
      await req.run((ctx) => auth.forgotPassword(ctx, req.body.identifier));
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    "/auth/password/reset",
    { schema: { tags, body: ResetBody }, config: { auth: "public", rateLimit: strict } },
    async (req, reply) => {
      const outcome = await req.run((ctx) => auth.resetPassword(ctx, req.body));
      if (outcome.error) throw outcome.error;
      return reply.status(204).send();
    },
  );
};
