import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_MASTER_KEY } from "../../test/helpers/app.js";
import { Client } from "../../test/helpers/client.js";
import { freshDatabase } from "../../test/helpers/db.js";
import { type App, buildApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { projectRoot } from "../server/paths.js";
import { type Database, openPgliteDir, openPostgres } from "../server/platform/db/client.js";
import { createLogger } from "../server/platform/log/logger.js";

// Issue 11, item 10: a production install following the README (PostgreSQL or PGlite, NODE_ENV=production,
// neither SMTP nor SMS) gets a first platform admin who can sign in, through the real command.

const kind = inject("dbKind");
const dataDir = mkdtempSync(path.join(tmpdir(), "chungcu-cli-"));
let databaseUrl: string | undefined;
let dropPostgres: (() => Promise<void>) | undefined;

/** The production environment of the README, without any channel for one-time codes. */
const productionEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    MASTER_KEY: TEST_MASTER_KEY.toString("base64"),
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    PUBLIC_URL: "https://chungcu.example.vn",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
};

/** Runs a command from the sources with tsx, as `npm run cli` runs the build. */
function run(script: string, args: string[]): ChildProcessWithoutNullStreams & { out: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    env: productionEnv(),
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  return Object.assign(child, { out: () => out });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

async function waitFor(
  child: { out: () => string },
  pattern: RegExp,
  ms = 60_000,
): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = child.out().match(pattern);
    if (m) return m;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${child.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (kind === "postgres") {
    const fresh = await freshDatabase();
    databaseUrl = fresh.url;
    dropPostgres = fresh.drop;
  }
});

afterAll(async () => {
  await dropPostgres?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("admin create on an installation without email or SMS", () => {
  const password = "Quan-tri-2026";
  /** What the command session of the shared setup showed and ended with. */
  let session: {
    uri: string;
    qrShown: boolean;
    askedAgain: boolean;
    exitCode: number | null;
    output: string;
  };
  let secret: string;

  // The command is run once, as an operator would, for both tests: one answers for the session, the other
  // signs in as the admin it created (a second `admin create` of the same person is not the same story).
  beforeAll(async () => {
    const cli = run("src/cli/main.ts", ["admin", "create"]);
    // All three answers at once, as a script would pipe them.
    cli.stdin.write(`admin@chungcu.example\nQuản trị viên\n${password}\n`);
    const uri = (await waitFor(cli, /otpauth:\/\/totp\/\S+/, 90_000))[0];
    secret = new URL(uri).searchParams.get("secret") as string;
    // A terminal QR code is drawn with block characters.
    const qrShown = /[█▀▄]{10}/.test(cli.out());
    cli.stdin.write("000000\n"); // a wrong code is refused, and asked again
    const askedAgain = Boolean(await waitFor(cli, /not right/).catch(() => null));
    cli.stdin.write(`${generateSync({ secret })}\n`);
    cli.stdin.end();
    const exitCode = await exited(cli);
    session = { uri, qrShown, askedAgain, exitCode, output: cli.out() };
  }, 150_000);

  it("asks through stdin without echoing the password, enrols an authenticator app and prints its QR", () => {
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(session.qrShown).toBe(true);
    expect(session.askedAgain).toBe(true);
    expect(session.exitCode).toBe(0);
    expect(session.output).toMatch(/platform admin created: [0-9a-f-]{36}/);
    expect(session.output).not.toContain(password);
  });

  it("lets that admin sign in over HTTP with a code from the app", async () => {
    expect(secret).toBeTruthy();
    const db: Database =
      kind === "postgres"
        ? openPostgres(databaseUrl as string, 2)
        : await openPgliteDir(path.join(dataDir, "pglite"));
    const config = loadConfig(
      { NODE_ENV: "production", MASTER_KEY: TEST_MASTER_KEY.toString("base64"), LOG_LEVEL: "silent" },
      { jobs: false, demo: false, smtpUrl: undefined, sms: undefined, publicUrl: "http://chungcu.test" },
    );
    const app: App = await buildApp({ config, db, logger: createLogger("silent") });
    try {
      const client = new Client(app);
      const first = await client.post("/api/v1/auth/sign-in", {
        identifier: "admin@chungcu.example",
        password,
      });
      expect(first.status).toBe(200);
      expect(first.body.status).toBe("totp_required");
      const ok = await client.post("/api/v1/auth/totp/verify", { code: generateSync({ secret }) });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe("signed_in");
      expect(ok.body.me.contexts.some((c: { kind?: string; id: string }) => c.id === "platform")).toBe(true);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe("start-up check of the one-time-code channels", () => {
  it("refuses to start in production without SMTP or SMS, naming the variables", async () => {
    const server = run("src/server/main.ts", []);
    const code = await Promise.race([
      exited(server),
      waitFor(server, /is running at/, 60_000).then(() => "started" as const),
    ]);
    if (code === "started") server.kill();
    expect(code).toBe(2);
    for (const name of ["SMTP_URL", "SMS_GATEWAY_URL", "SMS_API_KEY", "SMS_SECRET_KEY"])
      expect(server.out()).toContain(name);
  }, 90_000);
});
