import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  BANK_FEED_ACK,
  BankFeedError,
  type BankTransfer,
  normaliseSepay,
  parseSepayWebhook,
  SandboxBankFeed,
  SepayApiFeed,
  SepayTransaction,
  signBankFeed,
  toSepayTransaction,
  verifyBankFeed,
} from "./sepay.js";

// The payload from SePay's webhook documentation (developer.sepay.vn, "Tích hợp webhook"), with our memo.
const DOCUMENTED = {
  id: 92704,
  gateway: "Vietcombank",
  transactionDate: "2023-03-25 14:02:37",
  accountNumber: "0123499999",
  code: null,
  content: "chuyen tien HD00012345",
  transferType: "in",
  transferAmount: 2277000,
  accumulated: 19077000,
  subAccount: null,
  referenceCode: "MBVCB.3278907687",
  description: "",
};

describe("SePay webhook payload", () => {
  it("normalises the documented payload, reading the date as Vietnamese time", () => {
    expect(parseSepayWebhook(DOCUMENTED)).toEqual<BankTransfer>({
      provider: "sepay",
      externalId: "92704",
      gateway: "Vietcombank",
      accountNumber: "0123499999",
      amount: 2277000,
      direction: "in",
      memo: "chuyen tien HD00012345",
      bankReference: "MBVCB.3278907687",
      occurredAt: new Date("2023-03-25T07:02:37.000Z"),
    });
  });

  it("reads the date the same whatever the process's time zone", () => {
    const saved = process.env.TZ;
    try {
      const seen = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Asia/Ho_Chi_Minh"].map((tz) => {
        process.env.TZ = tz;
        return parseSepayWebhook({
          ...DOCUMENTED,
          transactionDate: "2026-01-01 00:30:00",
        }).occurredAt.toISOString();
      });
      expect(new Set(seen)).toEqual(new Set(["2025-12-31T17:30:00.000Z"]));
    } finally {
      process.env.TZ = saved;
    }
  });

  it("keeps outgoing transfers as such, and the id as a string", () => {
    const t = parseSepayWebhook({ ...DOCUMENTED, id: "123456789012", transferType: "out" });
    expect(t.direction).toBe("out");
    expect(t.externalId).toBe("123456789012");
  });

  it("falls back to the notification text when the memo is empty, and to null for an empty reference", () => {
    const t = parseSepayWebhook({
      ...DOCUMENTED,
      content: null,
      referenceCode: "  ",
      description: "BankAPINotify CT DEN:1023456789 ND:HD00012345 SD:12500000",
    });
    expect(t.memo).toBe("BankAPINotify CT DEN:1023456789 ND:HD00012345 SD:12500000");
    expect(t.bankReference).toBeNull();
  });

  it("ignores fields SePay may add later", () => {
    expect(() => parseSepayWebhook({ ...DOCUMENTED, va: "VQR123", webhook_success: 1 })).not.toThrow();
  });

  it.each([
    ["a date that does not exist", { transactionDate: "2023-02-30 10:00:00" }],
    ["an ISO date", { transactionDate: "2023-03-25T14:02:37" }],
    ["a fraction of a đồng", { transferAmount: 2277000.5 }],
    ["a zero amount", { transferAmount: 0 }],
    ["a negative amount", { transferAmount: -5 }],
    ["an unknown direction", { transferType: "both" }],
    ["no id", { id: undefined }],
    ["a non-numeric id", { id: "abc" }],
    ["no account", { accountNumber: "" }],
  ])("refuses %s", (_why, change) => {
    expect(SepayTransaction.safeParse({ ...DOCUMENTED, ...change }).success).toBe(false);
  });

  it("round-trips through the SePay shape the sandbox posts", () => {
    const t: BankTransfer = {
      provider: "sepay",
      externalId: "555",
      gateway: "MBBank",
      accountNumber: "0888382699",
      amount: 1_234_567,
      direction: "in",
      memo: "NGUYEN VAN A chuyen tien HD00012345",
      bankReference: "FT24193929399",
      occurredAt: new Date("2026-11-05T07:02:37.000Z"),
    };
    const payload = toSepayTransaction(t, { accumulated: 10_000_000 });
    expect(payload.transactionDate).toBe("2026-11-05 14:02:37");
    expect(normaliseSepay(SepayTransaction.parse(JSON.parse(JSON.stringify(payload))))).toEqual(t);
  });

  it("answers the feed as SePay expects", () => {
    expect(JSON.stringify(BANK_FEED_ACK)).toBe('{"success":true}');
  });
});

describe("verifyBankFeed: API key", () => {
  const secrets = { apiKey: "sk_live_7Qw2" };

  it("accepts the configured key, whatever the header's and the scheme's case", () => {
    for (const headers of [
      { authorization: "Apikey sk_live_7Qw2" },
      { Authorization: "apikey  sk_live_7Qw2 " },
      { AUTHORIZATION: "APIKEY sk_live_7Qw2" },
    ]) {
      expect(verifyBankFeed(headers, "{}", secrets)).toEqual({ ok: true, method: "apikey" });
    }
  });

  it.each([
    ["a wrong key", { authorization: "Apikey sk_live_7Qw3" }],
    ["a prefix of the key", { authorization: "Apikey sk_live_7Q" }],
    ["another scheme", { authorization: "Bearer sk_live_7Qw2" }],
    ["the scheme alone", { authorization: "Apikey" }],
    ["a repeated header", { authorization: ["Apikey sk_live_7Qw2", "Apikey x"] }],
  ])("refuses %s", (_why, headers) => {
    expect(verifyBankFeed(headers, "{}", secrets)).toEqual({ ok: false, reason: "BAD_KEY" });
  });

  it("refuses a request without credentials, and any request when nothing is configured", () => {
    expect(verifyBankFeed({}, "{}", secrets)).toEqual({ ok: false, reason: "MISSING" });
    expect(verifyBankFeed({ authorization: "Apikey x" }, "{}", {})).toEqual({ ok: false, reason: "MISSING" });
    expect(verifyBankFeed({ authorization: "Apikey " }, "{}", { apiKey: "" })).toEqual({
      ok: false,
      reason: "MISSING",
    });
  });
});

describe("verifyBankFeed: HMAC-SHA256", () => {
  const secret = "whsec_test_5f2b";
  const body = JSON.stringify({
    ...DOCUMENTED,
    transactionDate: "2025-11-05 14:02:37",
    content: "HD00012345 phi quan ly thang 11",
  });
  const ts = 1762329757;
  const now = new Date(ts * 1000);
  // Computed independently: printf '%s' "1762329757.<body>" | openssl dgst -sha256 -hmac whsec_test_5f2b
  const OPENSSL = "4b7c44ae3c9653158f69c38228fa6f5bb956ac13a039262311612a393a359109";

  it("signs as '<timestamp>.<raw body>', matching an independent computation", () => {
    expect(signBankFeed(body, secret, ts)).toEqual({
      "x-sepay-timestamp": String(ts),
      "x-sepay-signature": `sha256=${OPENSSL}`,
    });
  });

  it("accepts SePay's headers, the generic names, a bare or upper-case hex, a Buffer body", () => {
    const variants: Record<string, string>[] = [
      signBankFeed(body, secret, ts),
      { "X-Timestamp": String(ts), "X-Signature": OPENSSL },
      { "x-sepay-timestamp": String(ts), "x-sepay-signature": `SHA256=${OPENSSL.toUpperCase()}` },
    ];
    for (const headers of variants) {
      expect(verifyBankFeed(headers, body, { hmacSecret: secret }, now)).toEqual({
        ok: true,
        method: "hmac",
      });
    }
    expect(verifyBankFeed(variants[0] ?? {}, Buffer.from(body), { hmacSecret: secret }, now)).toEqual({
      ok: true,
      method: "hmac",
    });
  });

  it("signs the raw bytes, Vietnamese included", () => {
    const raw = Buffer.from(
      JSON.stringify({ ...DOCUMENTED, content: "Thanh toán hóa đơn HĐ00012345" }),
      "utf8",
    );
    const headers = signBankFeed(raw, secret, ts);
    expect(verifyBankFeed(headers, raw, { hmacSecret: secret }, now).ok).toBe(true);
    expect(verifyBankFeed(headers, raw.toString("utf8"), { hmacSecret: secret }, now).ok).toBe(true);
  });

  it("refuses a tampered body, another secret, a malformed signature", () => {
    const headers = signBankFeed(body, secret, ts);
    const tampered = body.replace("2277000", "2277001");
    expect(verifyBankFeed(headers, tampered, { hmacSecret: secret }, now)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
    expect(verifyBankFeed(headers, body, { hmacSecret: "whsec_other" }, now)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
    for (const signature of ["", "sha256=", "sha256=abc", `sha256=${OPENSSL}00`, `md5=${OPENSSL}`]) {
      expect(
        verifyBankFeed({ ...headers, "x-sepay-signature": signature }, body, { hmacSecret: secret }, now),
      ).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    }
  });

  it("allows 300 s of clock skew either way, and no more", () => {
    const headers = signBankFeed(body, secret, ts);
    const at = (offset: number) => new Date((ts + offset) * 1000);
    expect(verifyBankFeed(headers, body, { hmacSecret: secret }, at(300)).ok).toBe(true);
    expect(verifyBankFeed(headers, body, { hmacSecret: secret }, at(-300)).ok).toBe(true);
    for (const offset of [301, -301, 86_400]) {
      expect(verifyBankFeed(headers, body, { hmacSecret: secret }, at(offset))).toEqual({
        ok: false,
        reason: "STALE_TIMESTAMP",
      });
    }
  });

  it("refuses a replay under a new timestamp: the timestamp is signed", () => {
    const headers = signBankFeed(body, secret, ts);
    const later = ts + 3600;
    expect(
      verifyBankFeed(
        { ...headers, "x-sepay-timestamp": String(later) },
        body,
        { hmacSecret: secret },
        new Date(later * 1000),
      ),
    ).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("refuses a missing or malformed timestamp", () => {
    const { "x-sepay-signature": signature } = signBankFeed(body, secret, ts);
    expect(verifyBankFeed({ "x-sepay-signature": signature }, body, { hmacSecret: secret }, now)).toEqual({
      ok: false,
      reason: "MISSING",
    });
    for (const bad of ["", "soon", "1762329757.5", "-1762329757"]) {
      expect(
        verifyBankFeed(
          { "x-sepay-signature": signature, "x-sepay-timestamp": bad },
          body,
          { hmacSecret: secret },
          now,
        ),
      ).toEqual({ ok: false, reason: "STALE_TIMESTAMP" });
    }
  });

  it("refuses the API key once an HMAC secret is configured: only a valid signature passes", () => {
    const both = { apiKey: "sk_live_7Qw2", hmacSecret: secret };
    const signed = signBankFeed(body, secret, ts);
    expect(verifyBankFeed({ ...signed, authorization: "Apikey wrong" }, body, both, now)).toEqual({
      ok: true,
      method: "hmac",
    });
    expect(verifyBankFeed({ ...signed, authorization: "Apikey sk_live_7Qw2" }, "{}", both, now)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
    // The right key, without a signature: the weaker method is off while the stronger one is configured.
    expect(verifyBankFeed({ authorization: "Apikey sk_live_7Qw2" }, body, both, now)).toEqual({
      ok: false,
      reason: "HMAC_REQUIRED",
    });
    expect(
      verifyBankFeed({ authorization: "Apikey sk_live_7Qw2" }, body, { hmacSecret: secret }, now),
    ).toEqual({
      ok: false,
      reason: "HMAC_REQUIRED",
    });
  });

  it("refuses a signed request when only an API key is configured, rather than ignoring the signature", () => {
    expect(verifyBankFeed(signBankFeed(body, secret, ts), body, { apiKey: "k" }, now)).toEqual({
      ok: false,
      reason: "MISSING",
    });
  });
});

// -- SePay's transaction API, against a local server serving the documented shape ---------------------------------

type ApiRow = {
  id: string;
  bank_brand_name: string;
  account_number: string;
  transaction_date: string;
  amount_out: string;
  amount_in: string;
  accumulated: string;
  transaction_content: string;
  reference_number: string;
  code: string | null;
  sub_account: string | null;
  bank_account_id: string;
};

const row = (
  id: number,
  date: string,
  amountIn: string,
  amountOut = "0.00",
  content = `HD000${id}`,
): ApiRow => ({
  id: String(id),
  bank_brand_name: "Vietcombank",
  account_number: "0071000888888",
  transaction_date: date,
  amount_out: amountOut,
  amount_in: amountIn,
  accumulated: "1200541768.00",
  transaction_content: content,
  reference_number: `677760.050523.0${id}`,
  code: null,
  sub_account: null,
  bank_account_id: "19",
});

describe("SepayApiFeed", () => {
  let server: Server;
  let baseUrl: string;
  let rows: ApiRow[] = [];
  let requests: URL[] = [];
  let respond: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push(url);
      if (respond?.(req, res)) return;
      if (url.pathname !== "/userapi/transactions/list" || req.headers.authorization !== "Bearer tok_123") {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: 401, error: "Unauthorized", messages: { success: false } }));
        return;
      }
      // As SePay documents it: filters on bank-local times (inclusive), the most recent `limit` first.
      const min = url.searchParams.get("transaction_date_min") ?? "";
      const max = url.searchParams.get("transaction_date_max") ?? "9999";
      const account = url.searchParams.get("account_number");
      const limit = Number(url.searchParams.get("limit") ?? 5000);
      const picked = rows
        .filter((r) => r.transaction_date >= min && r.transaction_date <= max)
        .filter((r) => !account || r.account_number === account)
        .sort((a, b) => (a.transaction_date < b.transaction_date ? 1 : -1))
        .slice(0, limit);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ status: 200, error: null, messages: { success: true }, transactions: picked }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  afterEach(() => {
    rows = [];
    requests = [];
    respond = null;
  });

  it("lists transfers since a time, in our shape, oldest first", async () => {
    rows = [
      row(49682, "2026-11-05 19:59:48", "18067000.00"),
      row(49680, "2026-11-05 08:00:00", "500000.00"),
      row(49681, "2026-11-05 09:15:00", "0.00", "2000000.00", "Chi tra nha cung cap"),
      row(49600, "2026-11-04 23:59:59", "100000.00"),
    ];
    const feed = new SepayApiFeed({ baseUrl, token: "tok_123" });
    const since = new Date("2026-11-05T01:00:00.000Z"); // 08:00 in Vietnam
    const list = await feed.listTransactions(since, "0071000888888");
    expect(list.map((t) => t.externalId)).toEqual(["49680", "49681", "49682"]);
    expect(list[0]).toEqual<BankTransfer>({
      provider: "sepay",
      externalId: "49680",
      gateway: "Vietcombank",
      accountNumber: "0071000888888",
      amount: 500000,
      direction: "in",
      memo: "HD00049680",
      bankReference: "677760.050523.049680",
      occurredAt: since,
    });
    expect(list[1]).toMatchObject({ direction: "out", amount: 2000000 });
    const query = requests[0]?.searchParams;
    expect(query?.get("transaction_date_min")).toBe("2026-11-05 08:00:00");
    expect(query?.get("account_number")).toBe("0071000888888");
  });

  it("follows full pages back in time until it has everything, without repeats", async () => {
    rows = [
      row(1, "2026-11-05 08:00:01", "1000.00"),
      row(2, "2026-11-05 08:00:02", "2000.00"),
      row(3, "2026-11-05 08:00:02", "3000.00"),
      row(4, "2026-11-05 08:00:03", "4000.00"),
      row(5, "2026-11-05 08:00:04", "5000.00"),
    ];
    const feed = new SepayApiFeed({ baseUrl, token: "tok_123", pageSize: 2 });
    const list = await feed.listTransactions(new Date("2026-11-05T01:00:00.000Z"));
    expect(list.map((t) => t.externalId)).toEqual(["1", "2", "3", "4", "5"]);
    expect(requests.length).toBeGreaterThan(2);
    expect(requests[1]?.searchParams.get("transaction_date_max")).toBe("2026-11-05 08:00:03");
  });

  it("reports an unauthorised token", async () => {
    const feed = new SepayApiFeed({ baseUrl, token: "wrong" });
    await expect(feed.listTransactions(new Date())).rejects.toMatchObject({
      name: "BankFeedError",
      status: 401,
    });
  });

  it("reports the rate limit with SePay's retry-after header", async () => {
    respond = (_req, res) => {
      res.writeHead(429, { "x-sepay-userapi-retry-after": "1" });
      res.end();
      return true;
    };
    const feed = new SepayApiFeed({ baseUrl, token: "tok_123" });
    const err = await feed.listTransactions(new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BankFeedError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 1 });
  });

  it("refuses answers it cannot trust: not JSON, the wrong shape, a fraction of a đồng", async () => {
    const feed = new SepayApiFeed({ baseUrl, token: "tok_123" });
    respond = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>maintenance</html>");
      return true;
    };
    await expect(feed.listTransactions(new Date(0))).rejects.toThrow(BankFeedError);
    respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: 200, transactions: [{ id: "1" }] }));
      return true;
    };
    await expect(feed.listTransactions(new Date(0))).rejects.toThrow(/unexpected answer/);
    respond = null;
    rows = [row(7, "2026-11-05 08:00:00", "100.50")];
    await expect(feed.listTransactions(new Date(0))).rejects.toThrow(/whole number of đồng/);
  });

  it("reports a server that cannot be reached", async () => {
    const feed = new SepayApiFeed({ baseUrl: "http://127.0.0.1:1", token: "tok_123", timeoutMs: 2000 });
    await expect(feed.listTransactions(new Date())).rejects.toThrow(BankFeedError);
  });
});

describe("SandboxBankFeed", () => {
  it("lists what was pushed, by time and account, and replaces a transfer re-sent with the same id", async () => {
    const feed = new SandboxBankFeed();
    const a = feed.push({
      accountNumber: "111",
      amount: 500_000,
      memo: "HD00000001",
      occurredAt: new Date("2026-11-05T02:00:00Z"),
    });
    feed.push({
      accountNumber: "222",
      amount: 700_000,
      memo: "HD00000002",
      occurredAt: new Date("2026-11-05T01:00:00Z"),
    });
    feed.push({
      accountNumber: "111",
      amount: 900_000,
      memo: "old",
      occurredAt: new Date("2026-11-01T00:00:00Z"),
    });
    expect(a).toMatchObject({ provider: "sepay", externalId: "1", direction: "in", gateway: "Sandbox" });

    const since = new Date("2026-11-05T00:00:00Z");
    expect((await feed.listTransactions(since)).map((t) => t.memo)).toEqual(["HD00000002", "HD00000001"]);
    expect((await feed.listTransactions(since, "111")).map((t) => t.memo)).toEqual(["HD00000001"]);

    feed.push({
      externalId: "1",
      accountNumber: "111",
      amount: 500_000,
      memo: "HD00000001 (resent)",
      occurredAt: a.occurredAt,
    });
    expect((await feed.listTransactions(since, "111")).map((t) => t.memo)).toEqual(["HD00000001 (resent)"]);

    // What it returns is a copy: changing it does not change the feed.
    const [first] = await feed.listTransactions(since, "111");
    if (first) first.occurredAt.setTime(0);
    expect((await feed.listTransactions(since, "111")).length).toBe(1);
  });

  it("refuses amounts that are not positive whole đồng", () => {
    const feed = new SandboxBankFeed();
    expect(() => feed.push({ accountNumber: "1", amount: 0, memo: "", occurredAt: new Date() })).toThrow(
      RangeError,
    );
    expect(() => feed.push({ accountNumber: "1", amount: 1.5, memo: "", occurredAt: new Date() })).toThrow(
      RangeError,
    );
  });
});
