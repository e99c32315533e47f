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
} from "../../../contracts/auth.js";
import { Acknowledged, ErrorBody, NoContent } from "../../../contracts/common.js";
import type { ModuleRouteOptions } from "../../platform/context.js";
import { authOf, csrfTokenOf } from "../../platform/http/request-context.js";
import * as auth from "./auth.service.js";
import { clearSessionCookie, clientInfo, setDeviceCookie, setSessionCookie } from "./cookies.js";
import { describeMe, switchContext } from "./me.service.js";

export const authRoutes: FastifyPluginAsyncZod<ModuleRouteOptions> = async (app, { platform }) => {
  const tags = ["auth"];
  const strict = { max: platform.config.signInPerMinute, timeWindow: "1 minute" };

  /** Applies an outcome: cookies first, then the error (after its transaction has committed) or the result. */
  const finish = (reply: FastifyReply, outcome: auth.AuthOutcome) => {
    if (outcome.sessionToken) setSessionCookie(reply, platform, outcome.sessionToken);
    setDeviceCookie(reply, platform, outcome.deviceToken);
    if (outcome.error) throw outcome.error;
    return outcome.result;
  };

  app.get(
    "/auth/csrf",
    {
      schema: {
        summary: "Issue the CSRF token",
        description:
          "Answers the CSRF token of the caller's session (derived from it), or a signed one before sign-in, and sets the cc_csrf cookie that the web app echoes in the x-csrf-token header of every unsafe request. Public.",
        tags,
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
      config: { auth: "public" },
    },
    async (req, reply) => ({ csrfToken: csrfTokenOf(req, reply, platform) }),
  );

  app.post(
    "/auth/sign-in",
    {
      schema: {
        summary: "Sign in with a password",
        description:
          "Checks the email or phone and password; on a device the person has not asked to remember, sends a one-time code and answers with the second step still owed. Public, rate-limited; repeated failures lock the account for a while.",
        tags,
        body: SignInBody,
        response: { 401: ErrorBody, 200: SignInResult },
      },
      config: { auth: "public", rateLimit: strict },
    },
    async (req, reply) => finish(reply, await req.run((ctx) => auth.signIn(ctx, req.body, clientInfo(req)))),
  );

  app.post(
    "/auth/otp/verify",
    {
      schema: {
        summary: "Verify the one-time code",
        description:
          "Finishes a sign-in with the 6-digit code sent by email or SMS; may remember the device. For a session half-way through sign-in.",
        tags,
        body: OtpVerifyBody,
        response: { 200: SignInResult },
      },
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
      schema: {
        summary: "Send the one-time code again",
        description:
          "Sends a new sign-in code through the chosen channel (limited per 15 minutes). For a session half-way through sign-in.",
        tags,
        body: OtpResendBody,
        response: { 200: SignInResult },
      },
      config: { auth: "pending", rateLimit: strict },
    },
    async (req) => req.run((ctx) => auth.resendSignInOtp(ctx, authOf(req), req.body.channel)),
  );

  app.post(
    "/auth/totp/verify",
    {
      schema: {
        summary: "Verify the authenticator code",
        description:
          "Finishes a sign-in with the code of the authenticator app, for accounts that turned it on. For a session half-way through sign-in.",
        tags,
        body: OtpVerifyBody,
        response: { 200: SignInResult },
      },
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
    {
      schema: {
        summary: "The signed-in person",
        description: "The account, its chosen context (company and role) and the contexts it may switch to.",
        tags,
        response: { 200: Me },
      },
      config: { auth: "signed_in" },
    },
    async (req) => req.run((ctx) => describeMe(ctx, authOf(req))),
  );

  app.post(
    "/auth/context",
    {
      schema: {
        summary: "Choose a context",
        description: "Switches the session to one of the person's roles in a company (or the platform).",
        tags,
        body: ContextBody,
        response: { 200: Me },
      },
      config: { auth: "signed_in" },
    },
    async (req) => req.run((ctx) => switchContext(ctx, authOf(req), req.body.contextId)),
  );

  app.post(
    "/auth/sign-out",
    {
      schema: {
        summary: "Sign out",
        description: "Revokes this session and clears its cookies.",
        response: { 204: NoContent },
        tags,
      },
      config: { auth: "pending" },
    },
    async (req, reply) => {
      await req.run((ctx) => auth.signOut(ctx, authOf(req)));
      clearSessionCookie(reply, platform);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/reauth",
    {
      schema: {
        summary: "Confirm the password",
        description: "Confirms the password again before sensitive actions; valid for 5 minutes.",
        tags,
        body: ReauthBody,
        response: { 200: ReauthResult },
      },
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
    {
      schema: {
        response: { 200: Acknowledged },
        summary: "Confirm with a code",
        description: "Sends, then checks, a one-time code instead of the password before sensitive actions.",
        tags,
        body: OtpResendBody,
      },
      config: { auth: "signed_in", rateLimit: strict },
    },
    async (req) => req.run((ctx) => auth.sendReauthCode(ctx, authOf(req), req.body.channel)),
  );

  app.post(
    "/auth/password/forgot",
    {
      schema: {
        response: { 202: z.object({ sent: z.literal(true) }) },
        summary: "Ask for a password reset",
        description:
          "Sends a reset code to the email or phone if an account has it; answers the same either way, so it reveals nothing. Public, rate-limited.",
        tags,
        body: ForgotBody,
      },
      config: { auth: "public", rateLimit: strict },
    },
    async (req, reply) => {
      await req.run((ctx) => auth.forgotPassword(ctx, req.body.identifier));
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    "/auth/password/reset",
    {
      schema: {
        summary: "Reset the password",
        description:
          "Sets a new password with the reset code; every other session is signed out. Public, rate-limited.",
        response: { 204: NoContent },
        tags,
        body: ResetBody,
      },
      config: { auth: "public", rateLimit: strict },
    },
    async (req, reply) => {
      const outcome = await req.run((ctx) => auth.resetPassword(ctx, req.body));
      if (outcome.error) throw outcome.error;
      return reply.status(204).send(null);
    },
  );
};
