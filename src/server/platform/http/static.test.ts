import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newBuilding, newMember, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { operationsOf } from "../../../../test/helpers/openapi.js";

/** HEAD wherever GET answers, and the web app's files: a page falls back to the app, a missing file does not. */
let env: TestEnv;
let admin: Client;

const INDEX = '<!doctype html><html><head><script src="/assets/index-abc123.js"></script></head></html>';

beforeAll(async () => {
  // A built web app of two files, so the test does not depend on `npm run build` having run.
  const webDir = mkdtempSync(path.join(tmpdir(), "chungcu-web-"));
  mkdirSync(path.join(webDir, "assets"));
  writeFileSync(path.join(webDir, "index.html"), INDEX);
  writeFileSync(path.join(webDir, "assets", "index-abc123.js"), "console.log(1)");
  // Vite's manifest: the resident area's chunk shares one chunk with the first load and has one of its own.
  mkdirSync(path.join(webDir, ".vite"));
  writeFileSync(
    path.join(webDir, ".vite", "manifest.json"),
    JSON.stringify({
      "index.html": { file: "assets/index-abc123.js", src: "index.html", imports: ["_shared.js"] },
      "_shared.js": { file: "assets/shared-s1.js" },
      "_ui.js": { file: "assets/ui-u1.js", imports: ["_shared.js"] },
      "_ResidentArea-r1.js": { file: "assets/ResidentArea-r1.js", name: "ResidentArea", imports: ["_ui.js"] },
    }),
  );
  env = await startTestApp({ rateLimitPerMinute: 100_000 }, { webDir });
  const { companyId } = await newBuilding(env);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  await admin.post("/api/v1/auth/reauth", { password: PASSWORD });
});

describe("static files and pages", () => {
  it("serves a page of the app, by GET and by HEAD", async () => {
    const anon = new Client(env.app);
    const get = await anon.request("GET", "/sign-in");
    expect(get.status).toBe(200);
    expect(get.raw.toString()).toBe(INDEX);
    const head = await anon.request("HEAD", "/app/invoices");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toMatch(/text\/html/);
    expect(head.raw.length).toBe(0);
  });

  it("names an area's code in the page of an address in that area, beyond what the first load has", async () => {
    const html = (await new Client(env.app).request("GET", "/app/invoices/1")).raw.toString();
    expect(html).toContain('<link rel="prefetch" href="/assets/ResidentArea-r1.js">');
    expect(html).toContain('<link rel="prefetch" href="/assets/ui-u1.js">');
    expect(html).not.toContain("shared-s1.js");
    expect(html).toContain('<link rel="preload" href="/api/v1/auth/me" as="fetch" crossorigin>');
    expect(html.indexOf("prefetch")).toBeLessThan(html.indexOf("</head>"));
  });

  it("serves an existing asset by GET and HEAD", async () => {
    const anon = new Client(env.app);
    expect((await anon.request("GET", "/assets/index-abc123.js")).status).toBe(200);
    expect((await anon.request("HEAD", "/assets/index-abc123.js")).status).toBe(200);
  });

  it("answers 404 in the error shape for a missing asset, not the web page", async () => {
    const anon = new Client(env.app);
    for (const url of ["/assets/index-old999.js", "/assets/logo.svg", "/missing.webmanifest"]) {
      for (const method of ["GET", "HEAD"]) {
        const res = await anon.request(method, url);
        expect(res.status, `${method} ${url}`).toBe(404);
        if (method === "GET") expect(res.body.error.code).toBe("ROUTE_NOT_FOUND");
      }
    }
  });
});

describe("HEAD works wherever GET does", () => {
  it("answers HEAD with GET's status on every GET route of the API document", async () => {
    const gets = operationsOf((await admin.get("/api/docs/json")).body).filter((op) => op.method === "GET");
    const toUrl = (p: string) => p.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
    // An event stream's GET does not end while the client listens: its HEAD is checked alone, below.
    const urls = gets.filter((op) => !op.streams).map((op) => toUrl(op.path));
    const streamUrls = gets.filter((op) => op.streams).map((op) => toUrl(op.path));
    expect(streamUrls).toEqual(["/api/v1/notifications/stream"]);
    for (const url of streamUrls) {
      const head = await admin.request("HEAD", url);
      expect([url, head.status, head.raw.length]).toEqual([url, 200, 0]);
    }
    expect(urls.length).toBeGreaterThan(30);
    const differ: string[] = [];
    for (const url of [...urls, "/api/docs/json", "/", "/sign-in"]) {
      const get = await admin.request("GET", url);
      const head = await admin.request("HEAD", url);
      if (head.status !== get.status) differ.push(`${url}: GET ${get.status}, HEAD ${head.status}`);
      expect(head.raw.length).toBe(0);
    }
    expect(differ).toEqual([]);
  });
});
