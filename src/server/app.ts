import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { SessionResolver } from "./modules/accounts/index.js";
import { webDistDir } from "./paths.js";
import { loggedPath, loggedReferrer, recordsAccess } from "./platform/accesslog/path.js";
import { AccessLogWriter, sealOrigin } from "./platform/accesslog/writer.js";
import type { ModuleManifest, Platform } from "./platform/context.js";
import { type Database, PLATFORM_SCOPE } from "./platform/db/client.js";
import { errors } from "./platform/errors.js";
import {
  clientErrorHandler,
  frameworkErrors,
  registerErrorHandler,
  sendError,
} from "./platform/http/error-handler.js";
import { registerMetrics } from "./platform/http/metrics.js";
import { documentRoute } from "./platform/http/openapi.js";
import { sharedRateLimitStore } from "./platform/http/rate-limit-store.js";
import { registerRequestContext } from "./platform/http/request-context.js";
import { registerSecurityHeaders } from "./platform/http/security-headers.js";
import { validatorCompiler } from "./platform/http/validation.js";
import { webShell } from "./platform/http/web-shell.js";
import type { SmsGateway } from "./platform/messaging/sms.js";
import type { ZnsGateway } from "./platform/messaging/zalo.js";
import { createPlatform } from "./runtime.js";

export type AppOptions = {
  config: Config;
  db: Database;
  logger: Logger;
  /** Replaces the HTTP SMS gateway (tests capture SMS at the edge). */
  sms?: SmsGateway;
  /** Replaces the HTTP Zalo ZNS gateway (tests capture Zalo messages at the edge). */
  zns?: ZnsGateway;
  /** The built web app (default `dist/web`); tests give a folder of their own. */
  webDir?: string;
  /** The modules to run (default: `modules/index.ts`); a test adds one of its own to a copy of the list. */
  modules?: readonly ModuleManifest[];
};

export type App = FastifyInstance & { platform: Platform };

/** Files the web build produces, by extension: a missing one is a 404, never the app's page in its place. */
const FILE = /\.(js|mjs|css|map|json|webmanifest|png|svg|ico|jpe?g|webp|avif|gif|woff2?|ttf|txt|xml|br|gz)$/i;

/**
 * Which unknown addresses the web app answers (its client-side routes), by GET or HEAD: not the API, the dev
 * outbox, build assets (whose names change with every build, so an old one must fail loudly) or other files.
 */
function isPage(method: string, url: string): boolean {
  const pathname = url.split("?")[0] ?? "";
  return (
    (method === "GET" || method === "HEAD") &&
    !pathname.startsWith("/api/") &&
    !pathname.startsWith("/dev/") &&
    !pathname.startsWith("/assets/") &&
    !FILE.test(pathname)
  );
}

/** Builds the whole HTTP application: plugins, request context, every module's routes, the web app. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, db } = opts;
  const app = Fastify({
    loggerInstance: opts.logger as unknown as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // Every request is recorded in the access log; pino carries errors and events, each with its request id.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Refusals that happen before a route runs answer in the error shape too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const platform = createPlatform({
    config,
    db,
    logger: opts.logger,
    sms: opts.sms,
    zns: opts.zns,
    modules: opts.modules,
    sessionCache: { forget: (ids) => sessions.forget(ids), echo: (nonce) => sessions.echo(nonce) },
  });
  const sessions = new SessionResolver(db, platform.keyring);
  await sessions.listen();
  const accessLog = new AccessLogWriter(db, opts.logger);
  app.decorate("platform", platform);

  registerSecurityHeaders(app);
  await app.register(cookie);
  const rateLimitStore = sharedRateLimitStore(db);
  app.addHook("onClose", async () => rateLimitStore.stop());
  await app.register(rateLimit, {
    global: true,
    store: rateLimitStore.Store,
    // A counter the database cannot answer for does not refuse the request (the route then meets the database).
    skipOnError: true,
    max: config.rateLimitPerMinute,
    timeWindow: "1 minute",
    errorResponseBuilder: (_req, ctx) => errors.rateLimited(Math.ceil(ctx.ttl / 1000)),
  });
  registerErrorHandler(app);
  registerRequestContext(app, { db, platform, resolveSession: sessions.resolve });
  registerMetrics(app, config.metricsToken);

  app.addHook("onResponse", async (req, reply) => {
    if (recordsAccess(req.url, req.routeOptions.config)) {
      const origin = {
        ip: req.ip,
        userAgent: req.headers["user-agent"]?.slice(0, 400) ?? null,
        referrer: loggedReferrer(req.headers.referer),
      };
      accessLog.push({
        companyId: req.auth?.companyId ?? PLATFORM_SCOPE,
        at: new Date(),
        accountId: req.auth?.accountId ?? null,
        method: req.method,
        path: loggedPath(req.url, { pattern: req.routeOptions.url, params: req.params }),
        status: reply.statusCode,
        lang: req.lang,
        requestId: req.id,
        durationMs: Math.round(reply.elapsedTime),
        ...sealOrigin(req.auth?.dataKey ?? null, origin),
      });
    }
  });

  await app.register(swagger, {
    openapi: {
      info: { title: "Chungcu API", version: config.version, description: "Apartment building management" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "cc_session" } } },
      security: [{ session: [] }],
    },
    transform: documentRoute,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });

  await app.register(
    async (api) => {
      for (const m of platform.modules) if (m.routes) await api.register(m.routes, { db, platform });
    },
    { prefix: "/api/v1" },
  );
  for (const m of platform.modules) await m.setUp?.(app, platform);

  const webDir = opts.webDir ?? webDistDir;
  const hasWeb = existsSync(path.join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      preCompressed: true,
      wildcard: false,
      index: false,
      // Hashed build assets never change under their name; everything else is revalidated.
      setHeaders: (res, file) =>
        res.header(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
  }
  const page = hasWeb ? webShell(webDir) : null;
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) => {
    if (isPage(req.method, req.url) && page)
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(page(req.url.split("?")[0] ?? "/"));
    return sendError(req, reply, 404, "ROUTE_NOT_FOUND");
  });

  // Open event streams would hold the server open: they end first.
  app.addHook("preClose", async () => {
    await platform.live.close();
  });
  app.addHook("onClose", async () => {
    await Promise.all([accessLog.close(), sessions.close()]);
    platform.messenger.close();
  });
  return app as unknown as App;
}
