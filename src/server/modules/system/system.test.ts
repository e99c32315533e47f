import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newAccount } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

let env: TestEnv;
let demo: TestEnv;
let behindProxy: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  demo = await startTestApp({ demo: true });
  behindProxy = await startTestApp({ demo: true, trustProxy: true });
});

describe("system endpoints", () => {
  it("answers health with the database kind and version", async () => {
    const res = await new Client(env.app).get("/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "ok",
      db: expect.stringMatching(/^(pglite|postgres)$/),
      version: expect.any(String),
    });
  });

  it("serves the OpenAPI document generated from the schemas, and its UI", async () => {
    const doc = await new Client(env.app).get("/api/docs/json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/auth/sign-in", "/api/v1/buildings/{id}"]),
    );
    expect(
      doc.body.paths["/api/v1/auth/sign-in"].post.requestBody.content["application/json"].schema.required,
    ).toEqual(["identifier", "password"]);
    expect((await new Client(env.app).get("/api/docs")).status).toBeLessThan(400);
  });

  it("exposes Prometheus metrics to loopback only", async () => {
    const local = await new Client(env.app).get("/metrics");
    expect(local.status).toBe(200);
    expect(String(local.body)).toContain("http_request_duration_seconds");
    expect((await new Client(env.app, { ip: "203.0.113.1" }).get("/metrics")).status).toBe(404);
  });

  it("sets security headers", async () => {
    const res = await new Client(env.app).get("/api/v1/health");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });

  it("answers unknown API paths with the error shape", async () => {
    const res = await new Client(env.app, { lang: "en" }).get("/api/v1/nope");
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "ROUTE_NOT_FOUND", message: "No such address.", details: {} });
    const bad = await new Client(env.app).get("/api/v1/buildings/not-a-uuid");
    expect(bad.status).toBe(401);
  });

  it("rejects malformed JSON with 400, not 500", async () => {
    const client = new Client(env.app);
    const res = await client.request("POST", "/api/v1/auth/sign-in", undefined, {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
    const csrf = (await client.get("/api/v1/auth/csrf")).body.csrfToken as string;
    const res2 = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: "{not json",
      headers: { "content-type": "application/json", cookie: `cc_csrf=${csrf}`, "x-csrf-token": csrf },
    });
    expect(res2.statusCode).toBe(400);
    expect(JSON.parse(res2.body).error.code).toBeTruthy();
  });
});

describe("development outbox (demo mode)", () => {
  it("keeps every message the demo sent, readable from loopback only", async () => {
    const p = await newAccount(demo);
    await new Client(demo.app).post("/api/v1/auth/sign-in", { identifier: p.email, password: p.password });
    const json = await new Client(demo.app).get(`/dev/outbox.json?to=${encodeURIComponent(p.email)}`);
    expect(json.body.items[0]).toMatchObject({ channel: "email", to: p.email });
    expect(json.body.items[0].text).toMatch(/\b\d{6}\b/);
    const page = await new Client(demo.app).get("/dev/outbox");
    expect(String(page.body)).toContain("Hộp thư demo");
    expect((await new Client(demo.app, { ip: "203.0.113.5" }).get("/dev/outbox.json")).status).toBe(404);
    expect((await new Client(env.app).get("/dev/outbox.json")).status).toBe(404);
  });

  it("refuses a loopback request that carries a forwarding header: a reverse proxy on the same host", async () => {
    for (const app of [demo.app, behindProxy.app]) {
      for (const header of [
        { "x-forwarded-for": "203.0.113.7" },
        { forwarded: "for=203.0.113.7;proto=https" },
        { "x-real-ip": "203.0.113.7" },
        { "x-forwarded-host": "chungcu.example" },
      ]) {
        const res = await app.inject({
          method: "GET",
          url: "/dev/outbox.json",
          remoteAddress: "127.0.0.1",
          headers: header,
        });
        expect(res.statusCode, JSON.stringify(header)).toBe(404);
      }
      // Even when the forwarded address claims to be loopback.
      const spoof = await app.inject({
        method: "GET",
        url: "/dev/outbox",
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-for": "127.0.0.1" },
      });
      expect(spoof.statusCode).toBe(404);
      expect(
        (await app.inject({ method: "GET", url: "/dev/outbox.json", remoteAddress: "127.0.0.1" })).statusCode,
      ).toBe(200);
    }
  });
});
