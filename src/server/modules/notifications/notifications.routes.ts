import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
import {
  DeadLetterPage,
  DeadLetterQuery,
  NotificationPreferences,
  NotificationPreferencesBody,
  PushDevices,
  PushEndpointBody,
  PushKey,
  PushSubscriptionBody,
  ResendBody,
  Resent,
} from "../../../contracts/notifications.js";
import { NotificationPage } from "../../../contracts/privacy.js";
import type { ModuleRouteOptions } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { deadLetters, resend } from "./dead-letters.service.js";
import * as service from "./notifications.service.js";
import { myPreferences, setMyPreferences } from "./preferences.service.js";
import * as push from "./push.service.js";
import { zaloWebhookRoutes } from "./zalo-webhook.js";

/** Streams one person may hold open on one API process (a phone, a tablet, a few tabs). */
const STREAMS_PER_PERSON = 8;
/** A comment line this often keeps proxies and phones from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export const notificationRoutes: FastifyPluginAsyncZod<ModuleRouteOptions> = async (
  app,
  { db, platform },
) => {
  const tags = ["notifications"];
  const config = { permission: ["read", "notification"] as const };
  await push.loadPushKeys(db, platform);
  // Its own scope: the webhook reads its body raw (the signature covers the bytes), the other routes parse JSON.
  await app.register(zaloWebhookRoutes, { db, platform });

  app.get(
    "/me/notification-preferences",
    {
      schema: {
        summary: "How I am notified",
        description:
          "Per category, the channels the person receives on (the in-app inbox always receives), the channels " +
          "this installation can send on, and the quiet hours (Vietnam's time) during which push, Zalo and SMS wait.",
        tags,
        response: { 200: NotificationPreferences },
      },
      config,
    },
    async (req) => req.run((ctx) => myPreferences(ctx)),
  );

  app.put(
    "/me/notification-preferences",
    {
      schema: {
        summary: "Choose how I am notified",
        description:
          "Saves the channels per category and the quiet hours (null: none). What is still queued on a channel " +
          "turned off is cancelled. Security and privacy notices always go by email.",
        tags,
        body: NotificationPreferencesBody,
        response: { 200: NotificationPreferences },
      },
      config,
    },
    async (req) => req.run((ctx) => setMyPreferences(ctx, req.body)),
  );

  app.get(
    "/push/key",
    {
      schema: {
        summary: "The Web Push public key",
        description: "The installation's VAPID public key, for the browser's `pushManager.subscribe`.",
        tags,
        response: { 200: PushKey },
      },
      config,
    },
    async () => ({ publicKey: platform.messenger.pushPublicKey() }),
  );

  app.get(
    "/me/push-subscriptions",
    {
      schema: {
        summary: "My devices receiving push",
        description: "The browsers the person turned push notifications on in.",
        tags,
        response: { 200: PushDevices },
      },
      config,
    },
    async (req) => req.run((ctx) => push.myDevices(ctx)),
  );

  app.post(
    "/me/push-subscriptions",
    {
      schema: {
        summary: "Receive push on this device",
        description:
          "Keeps this browser's push subscription (its endpoint and keys) for the signed-in person.",
        tags,
        body: PushSubscriptionBody,
        response: { 200: PushDevices },
      },
      config,
    },
    async (req) => req.run((ctx) => push.subscribe(ctx, req.body)),
  );

  app.post(
    "/me/push-subscriptions/remove",
    {
      schema: {
        summary: "Stop push on a device",
        description: "Forgets the push subscription with this endpoint.",
        tags,
        body: PushEndpointBody,
        response: { 200: PushDevices },
      },
      config,
    },
    async (req) => req.run((ctx) => push.unsubscribe(ctx, req.body.endpoint)),
  );

  app.get(
    "/notifications/dead-letters",
    {
      schema: {
        summary: "Notifications not delivered",
        description:
          "Deliveries that failed for good (a refusal, or every try used), newest first, with the person, the " +
          "channel and the reason.",
        tags,
        querystring: DeadLetterQuery,
        response: { 200: DeadLetterPage },
      },
      config: { permission: ["read", "notification_delivery"] as const },
    },
    async (req) => req.run((ctx) => deadLetters(ctx, req.query)),
  );

  app.post(
    "/notifications/dead-letters/resend",
    {
      schema: {
        summary: "Send again",
        description: "Queues the given dead letters (or all of them) again, with fresh tries.",
        tags,
        body: ResendBody,
        response: { 200: Resent },
      },
      config: { permission: ["resend", "notification_delivery"] as const },
    },
    async (req) => req.run((ctx) => resend(ctx, req.body)),
  );

  app.get(
    "/notifications",
    {
      schema: {
        summary: "My notifications",
        description: "The person's in-app notifications, newest first, with the unread count.",
        tags,
        querystring: PageQuery,
        response: { 200: NotificationPage },
      },
      config,
    },
    async (req) => req.run((ctx) => service.listMine(ctx, req.query)),
  );

  app.get(
    "/notifications/stream",
    {
      schema: {
        summary: "Live: what changed in my inbox",
        description:
          "Server-Sent Events: a `notifications` event each time a message arrives in the person's inbox (on any " +
          "API process), with no content — the page reads the inbox again. A comment every 25 s keeps it open.",
        tags,
        response: { 200: fileAnswer("text/event-stream", "The event stream") },
      },
      config,
    },
    async (req, reply) => {
      const auth = req.auth;
      if (!auth?.companyId) throw errors.forbidden();
      const { companyId, accountId } = auth;
      const headers = {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      };
      // HEAD (which Fastify answers with this handler) gets the headers, not a stream that would never end.
      if (req.method === "HEAD") return reply.headers(headers).send();
      if (platform.live.count(companyId, accountId) >= STREAMS_PER_PERSON) throw errors.rateLimited(30);
      const body = new PassThrough();
      const close = await platform.live.open(companyId, accountId, {
        send: (topic) => body.write(`event: ${topic}\ndata: {}\n\n`),
        end: () => body.end(),
      });
      const heartbeat = setInterval(() => body.write(": ping\n\n"), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        close();
      };
      body.on("close", stop);
      // The response's socket, not the request, tells that the page went away.
      reply.raw.on("close", () => body.destroy());
      // Tells the browser to come back after 5 s if the stream breaks; also sends the headers at once.
      body.write("retry: 5000\n\n");
      return reply.headers(headers).send(body);
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      schema: {
        summary: "Mark a notification read",
        description: "Marks one notification as read.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => service.markRead(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/notifications/read-all",
    {
      schema: {
        summary: "Mark all notifications read",
        description: "Marks every notification of the person as read.",
        response: { 204: NoContent },
        tags,
      },
      config,
    },
    async (req, reply) => {
      await req.run((ctx) => service.markRead(ctx, null));
      return reply.status(204).send(null);
    },
  );
};
