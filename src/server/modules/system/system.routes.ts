import { sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Health, OutboxList } from "../../../contracts/organisation.js";
import { VN_TIME_ZONE } from "../../../contracts/time.js";
import type { Platform } from "../../platform/context.js";
import { type Database, PLATFORM_SCOPE } from "../../platform/db/client.js";
import { errors } from "../../platform/errors.js";
import { escapeHtml } from "../../platform/http/html.js";
import type { Outbox } from "../../platform/messaging/outbox.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export const healthRoutes: FastifyPluginAsyncZod<{ db: Database; platform: Platform }> = async (
  app,
  { db, platform },
) => {
  app.get(
    "/health",
    {
      schema: {
        summary: "Health check",
        description: "Answers when the server and its database respond, with the version and mode. Public.",
        tags: ["system"],
        response: { 200: Health },
      },
      // Load balancers and monitors call it every few seconds; it reads no personal data.
      config: { auth: "public", accessLog: false },
    },
    async () => {
      await db.transaction(PLATFORM_SCOPE, (tx) => tx.execute(sql`select 1`));
      return {
        status: "ok" as const,
        db: db.kind,
        version: platform.config.version,
        demo: platform.config.demo,
      };
    },
  );
};

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const FORWARDING = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
];

/**
 * Whether a request comes from this machine itself: its socket is loopback and no proxy forwarded it.
 * Behind a reverse proxy on the same host every socket is loopback, so the socket alone proves nothing;
 * `req.ip` (which trusts X-Forwarded-For under `trustProxy`) is never consulted.
 */
export const fromThisMachine = (req: FastifyRequest): boolean =>
  LOOPBACK.has(req.socket.remoteAddress ?? "") && !FORWARDING.some((h) => req.headers[h] !== undefined);

/**
 * Demo-mode outbox: the messages the demo "sent", for people trying it and for tests. It answers only in
 * demo mode and only to a request from this machine (see `fromThisMachine`); anything else gets 404.
 */
export const outboxRoutes: FastifyPluginAsyncZod<{ outbox: Outbox; platform: Platform }> = async (
  app,
  { outbox, platform },
) => {
  app.addHook("onRequest", async (req) => {
    if (!platform.config.demo || !fromThisMachine(req)) throw errors.notFound("resource");
  });
  const config = { auth: "public" as const };
  const Query = z.object({ to: z.string().max(254).optional() });

  app.get(
    "/dev/outbox.json",
    { schema: { hide: true, querystring: Query, response: { 200: OutboxList } }, config },
    async (req) => ({
      items: outbox.list(req.query.to),
    }),
  );

  app.get("/dev/outbox", { schema: { hide: true, querystring: Query }, config }, async (req, reply) => {
    const rows = outbox
      .list(req.query.to)
      .map(
        (m) =>
          `<tr><td>${escapeHtml(new Date(m.at).toLocaleString("vi-VN", { timeZone: VN_TIME_ZONE, hour12: false }))}</td><td>${m.channel}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.subject ?? "")}</td><td><pre>${escapeHtml(m.text)}</pre></td></tr>`,
      )
      .join("");
    return reply
      .type("text/html; charset=utf-8")
      .send(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Hộp thư demo — Chungcu</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1b1e}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:0;font:inherit}</style>
</head><body><h1>Hộp thư demo (Development outbox)</h1>
<p>Mọi email và SMS mà bản demo gửi đi, mới nhất ở trên. / Every email and SMS the demo sent, newest first.</p>
<table><thead><tr><th>Thời gian</th><th>Kênh</th><th>Người nhận</th><th>Tiêu đề</th><th>Nội dung</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">Chưa có tin nhắn nào. / No messages yet.</td></tr>'}</tbody></table></body></html>`);
  });
};
