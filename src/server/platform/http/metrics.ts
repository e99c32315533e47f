import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Prometheus metrics at /metrics (loopback, or a bearer token from METRICS_TOKEN). */
export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook("onResponse", async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    "/metrics",
    { schema: { hide: true }, config: { auth: "public", accessLog: false } },
    async (req, reply) => {
      const allowed = token
        ? req.headers.authorization === `Bearer ${token}`
        : LOOPBACK.has(req.socket.remoteAddress ?? "");
      if (!allowed) return reply.status(404).send();
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
