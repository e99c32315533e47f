import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, type AppOptions, buildApp } from "../../src/server/app.js";
import { type Config, loadConfig } from "../../src/server/config.js";
import { verifyAuditChains } from "../../src/server/platform/audit/audit.service.js";
import type { Database } from "../../src/server/platform/db/client.js";
import { startJobs } from "../../src/server/platform/jobs/boss.js";
import { createLogger } from "../../src/server/platform/log/logger.js";
import type { SmsGateway, SmsType } from "../../src/server/platform/messaging/sms.js";
import { freshDatabase } from "./db.js";
import { startSmtpServer } from "./smtp.js";

/** SMS never leaves the test: the gateway adapter is replaced at the edge, keeping what was sent. */
export class CapturingSms implements SmsGateway {
  readonly sent: { phone: string; text: string; type: SmsType }[] = [];
  async send(phone: string, text: string, type: SmsType) {
    this.sent.push({ phone, text, type });
    return { providerId: null };
  }
  codeFor(phone: string): string {
    const code = this.sent.findLast((m) => m.phone === phone)?.text.match(/\b\d{6}\b/)?.[0];
    if (!code) throw new Error(`no SMS code to ${phone}`);
    return code;
  }
}

export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

/**
 * Closers of the apps the current test file started. `startTestApp()` is called from `beforeAll`, where an
 * `afterAll` registered by it would never run (databases and apps were left behind, chains never verified):
 * `test/setup/close-apps.ts` runs these once the file's tests are done.
 */
const openApps: Array<() => Promise<void>> = [];

/** Closes every app the file started, dropping its database once its audit chains are verified. */
export async function closeTestApps(): Promise<void> {
  const closers = openApps.splice(0);
  const results = await Promise.allSettled(closers.map((close) => close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

export type TestEnv = Awaited<ReturnType<typeof startTestApp>>;

/**
 * One app per test file on its own fresh database, with a real in-process SMTP server and a capturing
 * SMS gateway. Everything is closed after the file's tests.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  /** The built web app's folder, for tests of pages and static files. */
  appOptions: Pick<AppOptions, "webDir" | "modules" | "zns"> = {},
) {
  const { db, url, drop } = await freshDatabase();
  const smtp = await startSmtpServer();
  const sms = new CapturingSms();
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    {
      masterKey: TEST_MASTER_KEY,
      smtpUrl: smtp.url,
      demo: false,
      jobs: false,
      publicUrl: "http://chungcu.test",
      // Uploads of the test's app go to a folder of its own, never into the project's data.
      storage: { kind: "disk", dir: mkdtempSync(path.join(tmpdir(), "chungcu-files-")) },
      ...overrides,
    },
  );
  const app: App = await buildApp({
    config,
    db,
    logger: createLogger(process.env.TEST_LOG ?? "silent"),
    sms,
    ...appOptions,
  });
  // A test's own module is not in the product's document: its answers are not held to it.
  if (!appOptions.modules) recordStatuses(app);
  await app.ready();
  // Background tasks run through pg-boss on the test's own database when a file asks for them.
  const boss = config.jobs
    ? await startJobs(db, app.platform, createLogger(process.env.TEST_LOG ?? "silent"), url)
    : null;
  openApps.push(async () => {
    // Gracefully: a task still running when its database closes fails, and pg-boss's own attempt to record that
    // failure on the closed database surfaced as an unhandled rejection in whichever file ran next.
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    app.platform.tasks.stop();
    await app.close();
    // Every file's audit chains must still verify once its tests are done (`npm run audit:verify`).
    await smtp.close();
    const { broken } = await verifyAuditChains(db).finally(drop);
    if (broken) throw new Error(`audit chain broken: ${JSON.stringify(broken)}`);
  });
  return { app, db: db as Database, url, smtp, sms, config, boss };
}

/** Where the database suites leave what they observed, for `scripts/check-api-statuses.mjs`. */
export const STATUSES_DIR = ".tmp/api-statuses";

/**
 * Records (method, route pattern, status) of every answer the app gives, and the app's OpenAPI document,
 * under STATUSES_DIR: after the suites, a step of `npm test` fails when a status was observed that the
 * operation does not document. Each new triple is appended as it is first seen (a hook registered from
 * `beforeAll` may never run, so nothing waits for the file's end).
 */
const seen = new Set<string>();
const statusesFile = path.join(STATUSES_DIR, `${process.pid}-${randomBytes(4).toString("hex")}.txt`);
let documentWritten = false;
function recordStatuses(app: App) {
  app.addHook("onReady", async () => {
    if (documentWritten) return;
    documentWritten = true;
    mkdirSync(STATUSES_DIR, { recursive: true });
    writeFileSync(path.join(STATUSES_DIR, "openapi.json"), JSON.stringify(app.swagger()));
  });
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url;
    if (!route || req.is404) return;
    const method = req.method === "HEAD" ? "GET" : req.method;
    const line = `${method} ${route.replace(/:(\w+)/g, "{$1}")} ${reply.statusCode}`;
    if (seen.has(line)) return;
    seen.add(line);
    mkdirSync(STATUSES_DIR, { recursive: true });
    appendFileSync(statusesFile, `${line}\n`);
  });
}
