import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_MASTER_KEY, type TestEnv } from "../../../../../test/helpers/app.js";
import { buildInvoice, newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { action, hidden, pathOf } from "../../../../../test/helpers/sandbox.js";

// Issue 13, item 2: the card gateway sends the payer back to where their session is. In demo mode that is the
// address the app was opened on (localhost, 127.0.0.1, a LAN name), whatever PUBLIC_URL says; otherwise it is
// PUBLIC_URL, which production must set.

const OPENED_AT = "127.0.0.1:3301";
const PUBLIC_URL = "http://chungcu.test";

type Setup = { env: TestEnv; resident: Client; invoiceId: string; unitId: string };

async function setUp(demo: boolean): Promise<Setup> {
  const env = await startTestApp({ demo, publicUrl: PUBLIC_URL });
  const notice = await buildInvoice(env, { amount: 250_000 });
  const person = await newMember(env, "resident", { companyId: notice.companyId, unitIds: [notice.unitId] });
  return { env, resident: await signIn(env, person), invoiceId: notice.invoiceId, unitId: notice.unitId };
}

/** Starts a payment (or a card to save) from a browser that opened the app at `host`. */
const start = (s: Setup, what: "pay" | "autopay", host: string) =>
  s.resident.request(
    "POST",
    what === "pay" ? `/api/v1/invoices/${s.invoiceId}/pay-online` : `/api/v1/units/${s.unitId}/autopay`,
    {},
    { host },
  );

describe("demo mode: the payer comes back to the address they opened", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(true);
  });

  it("builds the gateway page and the return URL on the request's origin", async () => {
    const res = await start(s, "pay", OPENED_AT);
    expect(res.status).toBe(200);
    const url = new URL(res.body.url);
    expect(url.origin).toBe("http://127.0.0.1:3301");
    expect(url.pathname).toBe("/sandbox/vnpay/paymentv2/vpcpay.html");
    expect(url.searchParams.get("vnp_ReturnUrl")).toBe("http://127.0.0.1:3301/api/v1/gateway/vnpay/return");

    // Paying at the sandbox sends the browser to that same origin, then on to the notice.
    const page = await s.env.app.inject({
      method: "GET",
      url: pathOf(res.body.url),
      headers: { host: OPENED_AT },
    });
    expect(page.statusCode).toBe(200);
    const paid = await s.env.app.inject({
      method: "POST",
      url: action(page.body),
      headers: { host: OPENED_AT, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...hidden(page.body), decision: "pay" }).toString(),
    });
    expect(paid.statusCode).toBe(303);
    const back = new URL(String(paid.headers.location));
    expect(`${back.origin}${back.pathname}`).toBe("http://127.0.0.1:3301/api/v1/gateway/vnpay/return");
    const returned = await s.env.app.inject({ method: "GET", url: pathOf(back.href) });
    expect(returned.headers.location).toBe(`/app/invoices/${s.invoiceId}?payment=paid`);
  });

  it("another host name gives another origin; a malformed Host falls back to PUBLIC_URL", async () => {
    const other = await start(s, "autopay", "localhost:3301");
    expect(other.status).toBe(200);
    const url = new URL(other.body.url);
    expect(url.origin).toBe("http://localhost:3301");
    expect(url.searchParams.get("vnp_return_url")).toBe(
      "http://localhost:3301/api/v1/gateway/vnpay/token-return",
    );
    expect(url.searchParams.get("vnp_cancel_url")).toBe(
      "http://localhost:3301/api/v1/gateway/vnpay/token-return",
    );

    const odd = await start(s, "autopay", "bad_host,example");
    expect(odd.status).toBe(200);
    expect(new URL(odd.body.url).searchParams.get("vnp_return_url")).toBe(
      "http://chungcu.test/api/v1/gateway/vnpay/token-return",
    );
  });
});

describe("outside demo mode: the payer comes back to PUBLIC_URL", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(false);
  });

  it("ignores the request's Host for the payment and for saving a card", async () => {
    const pay = await start(s, "pay", OPENED_AT);
    expect(pay.status).toBe(200);
    const url = new URL(pay.body.url);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.searchParams.get("vnp_ReturnUrl")).toBe("http://chungcu.test/api/v1/gateway/vnpay/return");

    const card = await start(s, "autopay", "evil.example");
    expect(card.status).toBe(200);
    const cardUrl = new URL(card.body.url);
    expect(cardUrl.origin).toBe(PUBLIC_URL);
    expect(cardUrl.searchParams.get("vnp_return_url")).toBe(
      "http://chungcu.test/api/v1/gateway/vnpay/token-return",
    );
  });
});

describe("start-up in production", () => {
  it("is refused without PUBLIC_URL, with a message that says what to set", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chungcu-public-url-"));
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          MASTER_KEY: TEST_MASTER_KEY.toString("base64"),
          DATA_DIR: dataDir,
          PORT: "0",
          HOST: "127.0.0.1",
          ALLOW_NO_MESSAGING: "1",
          LOG_LEVEL: "silent",
        },
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += String(chunk);
      });
      // A server that starts instead of refusing is stopped, and the test fails on its exit code.
      const deadline = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      clearTimeout(deadline);
      expect(code).toBe(2);
      expect(stderr).toContain("PUBLIC_URL is required in production");
      expect(stderr).toContain("https://chungcu.example.vn");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
