import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
import { NotificationPage } from "../../../contracts/privacy.js";
import type { Platform } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import * as service from "./notifications.service.js";

/** Streams one person may hold open on one API process (a phone, a tablet, a few tabs). */
const STREAMS_PER_PERSON = 8;
/** A comment line this often keeps proxies and phones from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export const notificationRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (
  app,
  { platform },
) => {
  const tags = ["notifications"];
  const config = { permission: ["read", "notification"] as const };

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
