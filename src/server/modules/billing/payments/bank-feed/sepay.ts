/**
 * Bank-transfer notifications shaped like SePay's (developer.sepay.vn, "SePay Webhooks" and "SePay API").
 *
 * SePay watches a company's bank account and POSTs each transaction as JSON to the company's webhook:
 * `{ id, gateway, transactionDate, accountNumber, subAccount, code, content, transferType, transferAmount,
 * accumulated, referenceCode, description }`, and expects `{"success": true}` back with a 2xx status (anything
 * else is retried, up to 7 times over about 33 minutes). The same `id` identifies the transaction in SePay's
 * transaction API, which is what makes both paths idempotent on one key.
 *
 * Authentication, per SePay's "Xác thực" page: either `Authorization: Apikey <key>`, or HMAC-SHA256 — a
 * timestamp header (`X-SePay-Timestamp`, unix seconds; SePay's security page says to refuse more than 5 minutes
 * of drift) and a signature header (`X-SePay-Signature: sha256=<hex>`) over `${timestamp}.${rawBody}`. The
 * signature header's name and format are as public integrations of SePay use them (the reachable copy of SePay's
 * page was cut before that section); `X-Timestamp` / `X-Signature` and a bare hex signature are accepted as well.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { formatVnSql, parseVnSql } from "../../../../platform/time.js";

/** A bank transfer as the rest of billing sees it, whatever feed it came from. */
export type BankTransfer = {
  /** The feed that reported it. */
  provider: "sepay";
  /** The feed's id of the transaction: the idempotency key of the credit. */
  externalId: string;
  /** The bank's name as the feed writes it ("Vietcombank", "MBBank"). */
  gateway: string;
  /** Our account the money moved on. */
  accountNumber: string;
  /** The amount in VND, a positive whole number. */
  amount: number;
  /** "in" for money received. */
  direction: "in" | "out";
  /** The transfer memo, where the payer wrote the invoice code. */
  memo: string;
  /** The bank's own reference, or null. */
  bankReference: string | null;
  /** When the bank booked it. */
  occurredAt: Date;
};

/** The body to answer a bank-feed webhook with once it is stored (or known already). */
export const BANK_FEED_ACK = { success: true } as const;

const vnDateTime = z.string().refine((s) => parseVnSql(s) !== null, {
  message: "expected yyyy-MM-dd HH:mm:ss (bank local time)",
});

/** SePay's webhook payload. Unknown fields are dropped: SePay adds fields over time. */
export const SepayTransaction = z.object({
  /** SePay's transaction id. */
  id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]),
  /** The bank's brand name. */
  gateway: z.string().min(1).max(100),
  /** When the bank booked it, `yyyy-MM-dd HH:mm:ss` in GMT+7. */
  transactionDate: vnDateTime,
  /** The bank account number. */
  accountNumber: z.string().min(1).max(50),
  /** The virtual (sub-)account the payer transferred to, if any. */
  subAccount: z.string().max(50).nullish(),
  /** The payment code SePay recognised in the memo, by the company's configured pattern. */
  code: z.string().max(100).nullish(),
  /** The transfer memo. */
  content: z.string().max(2000).nullish(),
  /** "in" money received, "out" money sent. */
  transferType: z.enum(["in", "out"]),
  /** The amount in VND. */
  transferAmount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The balance after it, in VND. */
  accumulated: z.number().nullish(),
  /** The bank's reference (SMS reference for SMS-fed accounts). */
  referenceCode: z.string().max(200).nullish(),
  /** The whole bank notification text. */
  description: z.string().max(4000).nullish(),
});
/** SePay's webhook payload, parsed. */
export type SepayTransaction = z.infer<typeof SepayTransaction>;

/**
 * Our shape of a SePay transaction.
 * @param t a parsed payload
 */
export function normaliseSepay(t: SepayTransaction): BankTransfer {
  // The refine above guarantees the date parses.
  const occurredAt = parseVnSql(t.transactionDate) as Date;
  const content = t.content?.trim() ?? "";
  return {
    provider: "sepay",
    externalId: String(t.id),
    gateway: t.gateway,
    accountNumber: t.accountNumber,
    amount: t.transferAmount,
    direction: t.transferType,
    // Some banks reach SePay by SMS only, with the memo left empty and the text in description.
    memo: content !== "" ? content : (t.description?.trim() ?? ""),
    bankReference: t.referenceCode?.trim() ? t.referenceCode.trim() : null,
    occurredAt,
  };
}

/**
 * Parses a webhook body and normalises it.
 * @param body the JSON-decoded body
 * @throws z.ZodError when the body is not a SePay transaction
 */
export function parseSepayWebhook(body: unknown): BankTransfer {
  return normaliseSepay(SepayTransaction.parse(body));
}

/**
 * A SePay-shaped payload for a transfer: what the sandbox and tests post to the webhook.
 * @param t the transfer
 * @param extra fields SePay would add (balance, recognised code, description)
 */
export function toSepayTransaction(
  t: BankTransfer,
  extra: {
    accumulated?: number;
    code?: string | null;
    subAccount?: string | null;
    description?: string;
  } = {},
): SepayTransaction {
  return {
    id: /^\d+$/.test(t.externalId) ? Number(t.externalId) : t.externalId,
    gateway: t.gateway,
    transactionDate: formatVnSql(t.occurredAt),
    accountNumber: t.accountNumber,
    subAccount: extra.subAccount ?? null,
    code: extra.code ?? null,
    content: t.memo,
    transferType: t.direction,
    transferAmount: t.amount,
    accumulated: extra.accumulated ?? 0,
    referenceCode: t.bankReference,
    description: extra.description ?? "",
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Authentication

/** How far a signed timestamp may be from our clock, either way. */
export const BANK_FEED_MAX_SKEW_SECONDS = 300;

/** Why a webhook request was refused. */
export type BankFeedRefusal = "MISSING" | "BAD_KEY" | "BAD_SIGNATURE" | "STALE_TIMESTAMP" | "HMAC_REQUIRED";

function header(
  headers: Record<string, string | string[] | undefined>,
  ...names: string[]
): string | undefined {
  for (const name of names) {
    const wanted = name.toLowerCase();
    for (const [k, v] of Object.entries(headers)) {
      if (k.toLowerCase() !== wanted || v === undefined) continue;
      // A repeated header is ambiguous; taking its first value would let a proxy and us disagree on which counts.
      if (Array.isArray(v)) return v.length === 1 ? v[0] : "";
      return v;
    }
  }
  return undefined;
}

/** Compares two secrets in time that does not depend on where they differ, nor on their lengths. */
function sameSecret(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}

function bodyHmac(rawBody: Buffer | string, secret: string, timestamp: string): Buffer {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`, "utf8");
  // The raw bytes as received: re-serialising parsed JSON would change what was signed.
  if (typeof rawBody === "string") mac.update(rawBody, "utf8");
  else mac.update(rawBody);
  return mac.digest();
}

/**
 * Checks that a webhook request comes from the bank feed.
 *
 * When an HMAC secret is configured, only a valid signature passes (it also proves the body is intact): the API
 * key, a weaker bearer secret, is refused ("HMAC_REQUIRED") even when one is configured too. Without a secret an
 * `Authorization: Apikey` header decides. Nothing configured, or no credential for what is configured, is
 * "MISSING": the endpoint fails closed.
 * @param headers the request headers (any case)
 * @param rawBody the body exactly as received
 * @param secrets the configured API key and/or HMAC secret
 * @param now the current time (tests inject it)
 */
export function verifyBankFeed(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | string,
  secrets: { apiKey?: string; hmacSecret?: string },
  now: Date = new Date(),
): { ok: true; method: "apikey" | "hmac" } | { ok: false; reason: BankFeedRefusal } {
  const signature = header(headers, "x-sepay-signature", "x-signature");
  if (secrets.hmacSecret && signature !== undefined) {
    const timestamp = header(headers, "x-sepay-timestamp", "x-timestamp");
    if (timestamp === undefined) return { ok: false, reason: "MISSING" };
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "STALE_TIMESTAMP" };
    const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
    if (!(skew <= BANK_FEED_MAX_SKEW_SECONDS)) return { ok: false, reason: "STALE_TIMESTAMP" };
    const hex = signature.trim().replace(/^sha256=/i, "");
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) return { ok: false, reason: "BAD_SIGNATURE" };
    const expected = bodyHmac(rawBody, secrets.hmacSecret, timestamp);
    return timingSafeEqual(expected, Buffer.from(hex, "hex"))
      ? { ok: true, method: "hmac" }
      : { ok: false, reason: "BAD_SIGNATURE" };
  }
  const authorization = header(headers, "authorization");
  if (secrets.hmacSecret && authorization !== undefined) return { ok: false, reason: "HMAC_REQUIRED" };
  if (secrets.apiKey && authorization !== undefined) {
    const m = /^apikey\s+(.+)$/i.exec(authorization.trim());
    if (!m?.[1]) return { ok: false, reason: "BAD_KEY" };
    return sameSecret(m[1].trim(), secrets.apiKey)
      ? { ok: true, method: "apikey" }
      : { ok: false, reason: "BAD_KEY" };
  }
  return { ok: false, reason: "MISSING" };
}

/**
 * Signs a body as the bank feed does, for tests and the sandbox.
 * @param rawBody the exact body to send
 * @param secret the shared HMAC secret
 * @param timestamp unix seconds
 * @returns the headers to send with it
 */
export function signBankFeed(
  rawBody: Buffer | string,
  secret: string,
  timestamp: number,
): { "x-sepay-timestamp": string; "x-sepay-signature": string } {
  const ts = String(Math.floor(timestamp));
  return {
    "x-sepay-timestamp": ts,
    "x-sepay-signature": `sha256=${bodyHmac(rawBody, secret, ts).toString("hex")}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pulling transactions back (reconciliation)

/** A source of recent bank transfers, for the reconciliation job to catch webhooks that never arrived. */
export interface BankFeed {
  /**
   * Transfers booked at or after `since`, oldest first.
   * @param since the earliest booking time wanted
   * @param accountNumber only this account's transfers
   */
  listTransactions(since: Date, accountNumber?: string): Promise<BankTransfer[]>;
}

/** The transaction API could not be read; `status` is the HTTP status, when there was one. */
export class BankFeedError extends Error {
  override readonly name = "BankFeedError";

  constructor(
    message: string,
    readonly status?: number,
    /** Seconds to wait before asking again (SePay allows 3 requests a second). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const money = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]);

/** One transaction in SePay's "list transactions" answer (API v1: amounts as decimal strings). */
const SepayApiTransaction = z.object({
  id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]),
  bank_brand_name: z.string(),
  account_number: z.string(),
  transaction_date: vnDateTime,
  amount_out: money,
  amount_in: money,
  accumulated: money.nullish(),
  transaction_content: z.string().nullish(),
  reference_number: z.string().nullish(),
  code: z.string().nullish(),
  sub_account: z.string().nullish(),
  bank_account_id: z.union([z.string(), z.number()]).nullish(),
});

const SepayApiList = z.object({
  status: z.number(),
  messages: z.object({ success: z.boolean() }).partial().nullish(),
  transactions: z.array(SepayApiTransaction),
});

/** Whole đồng from "18067000.00"; null when there is a fraction of a đồng. */
function wholeVnd(value: string | number): number | null {
  const text = typeof value === "number" ? String(value) : value;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m?.[1] || (m[2] !== undefined && !/^0+$/.test(m[2]))) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * SePay's transaction list, `GET {baseUrl}/userapi/transactions/list` with `Authorization: Bearer <token>`.
 *
 * This is SePay's v1 API (documented as deprecated in favour of v2): its transaction ids are the numeric ids the
 * webhook sends, so a pulled transaction and a pushed one dedupe on the same key. v2 answers with UUIDs, which
 * would make every pulled transaction look new.
 *
 * The list returns at most `limit` (≤ 5000) of the most recent transactions matching the filters, so a full page
 * is followed by another ending at its oldest time, until a page is not full.
 */
export class SepayApiFeed implements BankFeed {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly pageSize: number;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  /**
   * @param options.baseUrl SePay's host, `https://my.sepay.vn` in production
   * @param options.token the company's API token
   * @param options.pageSize transactions per request, at most 5000
   * @param options.fetch the fetch to use (tests inject one)
   * @param options.timeoutMs how long one request may take
   */
  constructor(options: {
    baseUrl?: string;
    token: string;
    pageSize?: number;
    fetch?: typeof fetch;
    timeoutMs?: number;
  }) {
    if (options.token === "") throw new Error("SePay API token is empty");
    this.baseUrl = (options.baseUrl ?? "https://my.sepay.vn").replace(/\/+$/, "");
    this.token = options.token;
    this.pageSize = Math.min(Math.max(options.pageSize ?? 5000, 1), 5000);
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** @inheritdoc */
  async listTransactions(since: Date, accountNumber?: string): Promise<BankTransfer[]> {
    const byId = new Map<string, BankTransfer>();
    let until: Date | undefined;
    // Bounded so that a misbehaving server cannot keep the job looping.
    for (let page = 0; page < 100; page++) {
      const rows = await this.page(since, until, accountNumber);
      let oldest: Date | undefined;
      for (const row of rows) {
        const t = this.toTransfer(row);
        byId.set(t.externalId, t);
        if (!oldest || t.occurredAt < oldest) oldest = t.occurredAt;
      }
      if (rows.length < this.pageSize || !oldest) break;
      // The bound is inclusive and in whole seconds, so the next page starts at the oldest second seen (its
      // transactions come again and are deduplicated by id). A full page that is all one second makes no
      // progress that way: step one second further back. Only more than a page of transactions booked in the
      // same second (5000 in production) could be missed.
      until = until && oldest.getTime() >= until.getTime() ? new Date(until.getTime() - 1000) : oldest;
    }
    return [...byId.values()]
      .filter(
        (t) => t.occurredAt >= since && (accountNumber === undefined || t.accountNumber === accountNumber),
      )
      .sort(
        (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareIds(a.externalId, b.externalId),
      );
  }

  private async page(
    since: Date,
    until: Date | undefined,
    accountNumber: string | undefined,
  ): Promise<z.infer<typeof SepayApiTransaction>[]> {
    const url = new URL(`${this.baseUrl}/userapi/transactions/list`);
    // SePay compares these with its bank-local times.
    url.searchParams.set("transaction_date_min", formatVnSql(since));
    if (until) url.searchParams.set("transaction_date_max", formatVnSql(until));
    if (accountNumber) url.searchParams.set("account_number", accountNumber);
    url.searchParams.set("limit", String(this.pageSize));
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        headers: { authorization: `Bearer ${this.token}`, accept: "application/json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new BankFeedError(`SePay transaction list: ${(e as Error).message}`);
    }
    if (!res.ok) {
      const retry = Number(res.headers.get("x-sepay-userapi-retry-after") ?? res.headers.get("retry-after"));
      throw new BankFeedError(
        `SePay transaction list: HTTP ${res.status}`,
        res.status,
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new BankFeedError("SePay transaction list: the answer is not JSON", res.status);
    }
    const parsed = SepayApiList.safeParse(body);
    if (!parsed.success) {
      throw new BankFeedError(
        `SePay transaction list: unexpected answer (${parsed.error.issues[0]?.message})`,
      );
    }
    if (parsed.data.messages?.success === false) {
      throw new BankFeedError("SePay transaction list: the API reported a failure", parsed.data.status);
    }
    return parsed.data.transactions;
  }

  private toTransfer(row: z.infer<typeof SepayApiTransaction>): BankTransfer {
    const amountIn = wholeVnd(row.amount_in);
    const amountOut = wholeVnd(row.amount_out);
    if (amountIn === null || amountOut === null) {
      throw new BankFeedError(`SePay transaction ${row.id}: amount is not a whole number of đồng`);
    }
    const direction = amountIn > 0 ? "in" : "out";
    return {
      provider: "sepay",
      externalId: String(row.id),
      gateway: row.bank_brand_name,
      accountNumber: row.account_number,
      amount: direction === "in" ? amountIn : amountOut,
      direction,
      memo: row.transaction_content?.trim() ?? "",
      bankReference: row.reference_number?.trim() ? row.reference_number.trim() : null,
      occurredAt: parseVnSql(row.transaction_date) as Date,
    };
  }
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * An in-memory bank feed for the demo and tests: transfers are pushed in and listed back.
 *
 * It keeps its transfers in the process, which is fine for what it is for (a second instance of the demo would
 * have its own); nothing in production uses it.
 */
export class SandboxBankFeed implements BankFeed {
  private readonly transfers = new Map<string, BankTransfer>();
  private nextId = 1;

  /**
   * Records a transfer; a transfer with an `externalId` already known replaces it, as a re-sent notification
   * carries the same transaction.
   * @param t the transfer; `externalId`, `provider`, `gateway`, `direction` and `bankReference` may be left out
   * @returns the transfer as stored
   */
  push(
    t: Omit<BankTransfer, "provider" | "externalId" | "gateway" | "direction" | "bankReference"> &
      Partial<Pick<BankTransfer, "externalId" | "gateway" | "direction" | "bankReference">>,
  ): BankTransfer {
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0)
      throw new RangeError("amount must be positive whole VND");
    const externalId = t.externalId ?? String(this.nextId++);
    const stored: BankTransfer = {
      provider: "sepay",
      externalId,
      gateway: t.gateway ?? "Sandbox",
      accountNumber: t.accountNumber,
      amount: t.amount,
      direction: t.direction ?? "in",
      memo: t.memo,
      bankReference: t.bankReference ?? `SBX${externalId}`,
      occurredAt: new Date(t.occurredAt.getTime()),
    };
    this.transfers.set(externalId, stored);
    return { ...stored, occurredAt: new Date(stored.occurredAt.getTime()) };
  }

  /** Forgets every transfer. */
  clear(): void {
    this.transfers.clear();
  }

  /** @inheritdoc */
  async listTransactions(since: Date, accountNumber?: string): Promise<BankTransfer[]> {
    return [...this.transfers.values()]
      .filter(
        (t) => t.occurredAt >= since && (accountNumber === undefined || t.accountNumber === accountNumber),
      )
      .sort(
        (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareIds(a.externalId, b.externalId),
      )
      .map((t) => ({ ...t, occurredAt: new Date(t.occurredAt.getTime()) }));
  }
}
