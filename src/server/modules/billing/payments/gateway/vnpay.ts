/**
 * VNPAY payment gateway, API version 2.1.0 (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html,
 * …/huong-dan-tich-hop/, and for stored cards …/thanh-toan-token/token.html).
 *
 * Payment: the browser is sent to `…/paymentv2/vpcpay.html?<params>&vnp_SecureHash=<hex>`, where the params are
 * sorted by name and URL-encoded with spaces as "+", and the hash is HMAC-SHA512 over that same string with the
 * merchant's hash secret. VNPAY answers twice with the same signed parameters: in the browser's return URL and in
 * a server-to-server GET to the merchant's IPN URL, which must answer `{ RspCode, Message }` (see `ipnAnswer`).
 * Amounts are VND × 100; dates are `yyyyMMddHHmmss` in GMT+7.
 *
 * Tokens ("thanh toán bằng mã token"): the same signing over snake_case parameters (`vnp_command`, `vnp_tmn_code`,
 * …, hash in `vnp_secure_hash`). `token_create` sends the payer to `…/tokenUI/create-token.html`, and the return
 * URL brings back `vnp_token`, the masked `vnp_card_number` and `vnp_app_user_id`.
 *
 * What could not be confirmed from the public documentation reachable here, and how this file decides:
 * - The published token_create example is version 2.0.1 signed with MD5; for 2.1.0 this file signs with
 *   HMAC-SHA512 like the payment API (as VNPAY's own Java demo for tokens does).
 * - VNPAY documents `token_pay` and `token_remove` as browser redirects (`…/tokenUI/payment-token.html`,
 *   `…/remove-token.html`), because the bank may ask the payer for an OTP. Auto-debit needs a server-to-server
 *   charge: `chargeToken` and `removeToken` POST the same signed parameters, form-encoded, to an endpoint given in
 *   the configuration, and require a signed answer with the same field names as the token return
 *   (`vnp_response_code`, `vnp_transaction_status`, `vnp_transaction_no`, `vnp_amount`, …). The local sandbox
 *   implements exactly that; a VNPAY contract for server-side token charges must be checked against it. The
 *   documented redirect variant is `createTokenPaymentUrl`.
 * - The token example writes `vnp_locale=vi` while the payment API uses `vn`; this file sends `vn`/`en` for both.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { formatVnCompact, parseVnCompact } from "../../../../platform/time.js";
import type {
  GatewayResult,
  PaymentGateway,
  PaymentRequest,
  TokenChargeRequest,
  TokenCreateRequest,
  TokenRemoveRequest,
  TokenRemoveResult,
  TokenResult,
} from "./gateway.js";

/** The API version this adapter speaks. */
export const VNPAY_VERSION = "2.1.0";

/** VNPAY's sandbox endpoints (the production payment page is `https://pay.vnpay.vn/vpcpay.html`). */
export const VNPAY_SANDBOX_URLS = {
  payment: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
  tokenCreate: "https://sandbox.vnpayment.vn/tokenUI/create-token.html",
  tokenPayPage: "https://sandbox.vnpayment.vn/tokenUI/payment-token.html",
} as const;

/** Where a VNPAY-protocol gateway lives. */
export type VnpayUrls = {
  /** The payment page (`…/vpcpay.html`). */
  payment: string;
  /** The page where a card is stored as a token. */
  tokenCreate?: string;
  /** The page where a payer pays with a stored card (the documented, browser variant of token_pay). */
  tokenPayPage?: string;
  /** The server-to-server endpoint for token_pay (see the file comment: not confirmed for VNPAY itself). */
  tokenPayApi?: string;
  /** The server-to-server endpoint for token_remove (same caveat). */
  tokenRemoveApi?: string;
};

/** How to reach and sign for one merchant terminal. */
export type VnpayConfig = {
  /** The terminal code VNPAY gave the merchant (`vnp_TmnCode`). */
  tmnCode: string;
  /** The hash secret shared with VNPAY. */
  hashSecret: string;
  /** Endpoints; VNPAY's sandbox unless given. */
  urls?: Partial<VnpayUrls>;
  /** VNPAY's goods category code; bills are "billpayment". */
  orderType?: string;
  /** How long a payment page stays payable when the request gives no expiry; 15 minutes by default. */
  expiresInMinutes?: number;
  /** The fetch to call server-to-server endpoints with (tests inject one). */
  fetch?: typeof fetch;
  /** How long a server-to-server call may take; 15 s by default. */
  timeoutMs?: number;
};

/** A VNPAY request or answer that cannot be built or read; `code` is stable. */
export class VnpayError extends Error {
  override readonly name = "VnpayError";

  constructor(
    readonly code: "INVALID_INPUT" | "NOT_CONFIGURED" | "HTTP" | "BAD_RESPONSE",
    message: string,
  ) {
    super(message);
  }
}

/** The hash parameter of the payment API and of the token API. */
export type VnpayHashKey = "vnp_SecureHash" | "vnp_secure_hash";

const HASH_TYPE_KEY: Record<VnpayHashKey, string> = {
  vnp_SecureHash: "vnp_SecureHashType",
  vnp_secure_hash: "vnp_secure_hash_type",
};

// VNPAY's reference implementations escape the sign string differently: Node's demo uses encodeURIComponent
// (which keeps !~*'()), Java's URLEncoder and the WHATWG form encoder keep only *-._, PHP's urlencode keeps -._,
// .NET's WebUtility.UrlEncode keeps !*()-._. All write a space as "+", upper-case hex, and agree on everything
// else. We sign the Node way and accept any of them, so an answer signed by any of VNPAY's stacks verifies. This
// is no weaker: every one of these encodings is injective and percent-decodes back to the same parameters, so a
// signature can only ever vouch for the parameters it was made over.
const ENCODINGS = {
  node: "-_.!~*'()",
  form: "-_.*",
  php: "-_.",
  dotnet: "-_.!*()",
} as const;
type Encoding = keyof typeof ENCODINGS;
const AMBIGUOUS = /[!~*'()]/;

function encodeValue(value: string, encoding: Encoding): string {
  const keep = ENCODINGS[encoding];
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9]/.test(ch) || (byte < 0x80 && keep.includes(ch))) out += ch;
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function signedKeys(params: Record<string, string>, hashKey: VnpayHashKey, keepEmpty: boolean): string[] {
  // Only vnp_ parameters are signed: a return URL may carry the merchant's own parameters, which VNPAY appends
  // to and does not sign (VNPAY's PHP demo filters the same way).
  return Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== hashKey && k !== HASH_TYPE_KEY[hashKey])
    .filter((k) => keepEmpty || params[k] !== "")
    .sort();
}

function signString(
  params: Record<string, string>,
  hashKey: VnpayHashKey,
  encoding: Encoding,
  keepEmpty: boolean,
): string {
  return signedKeys(params, hashKey, keepEmpty)
    .map((k) => `${encodeValue(k, encoding)}=${encodeValue(params[k] ?? "", encoding)}`)
    .join("&");
}

function hmac512(secret: string, data: string): Buffer {
  return createHmac("sha512", secret).update(data, "utf8").digest();
}

/**
 * The string VNPAY signs: `vnp_` parameters other than the hash, non-empty, sorted by name, URL-encoded as
 * VNPAY's Node reference does (encodeURIComponent, then spaces as "+"), joined with "&".
 * @param params the parameters
 * @param hashKey the hash parameter to leave out
 */
export function vnpaySignData(
  params: Record<string, string>,
  hashKey: VnpayHashKey = "vnp_SecureHash",
): string {
  return signString(params, hashKey, "node", false);
}

/**
 * Adds the HMAC-SHA512 hash to a set of parameters.
 * @param params the parameters to sign (every value a string)
 * @param secret the hash secret
 * @param hashKey "vnp_SecureHash" for the payment API, "vnp_secure_hash" for the token API
 * @returns a copy with the hash (lower-case hex) under `hashKey`
 */
export function signVnpayParams(
  params: Record<string, string>,
  secret: string,
  hashKey: VnpayHashKey = "vnp_SecureHash",
): Record<string, string> {
  const hash = hmac512(secret, vnpaySignData(params, hashKey)).toString("hex");
  return { ...params, [hashKey]: hash };
}

/**
 * Checks the HMAC-SHA512 hash of a set of parameters in constant time (hex compared case-insensitively).
 * @param params the parameters as received, hash included
 * @param secret the hash secret
 * @param hashKey where the hash is
 */
export function verifyVnpayParams(
  params: Record<string, string>,
  secret: string,
  hashKey: VnpayHashKey = "vnp_SecureHash",
): boolean {
  const received = params[hashKey] ?? "";
  if (!/^[0-9a-fA-F]{128}$/.test(received)) return false;
  const given = Buffer.from(received, "hex");
  const candidates = new Set<string>();
  const ambiguous = Object.values(params).some((v) => AMBIGUOUS.test(v));
  for (const encoding of ambiguous ? (Object.keys(ENCODINGS) as Encoding[]) : (["node"] as const)) {
    // Java's demo skips empty values, PHP's keeps them.
    candidates.add(signString(params, hashKey, encoding, false));
    candidates.add(signString(params, hashKey, encoding, true));
  }
  let ok = false;
  for (const data of candidates) ok = timingSafeEqual(hmac512(secret, data), given) || ok;
  return ok;
}

/**
 * A URL carrying signed parameters, hash last, as VNPAY builds them.
 * @param base the endpoint
 * @param signed parameters with their hash
 * @param hashKey where the hash is
 */
export function vnpayUrl(base: string, signed: Record<string, string>, hashKey: VnpayHashKey): string {
  const query = `${vnpaySignData(signed, hashKey)}&${hashKey}=${signed[hashKey] ?? ""}`;
  return `${base}${base.includes("?") ? "&" : "?"}${query}`;
}

/**
 * Text VNPAY accepts in order information: Vietnamese without diacritics, no special characters.
 * @param text any text
 * @returns ASCII letters, digits, spaces and `-_.,:/#`, single-spaced, at most 255 characters
 */
export function vnpayText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9\-_.,:/# ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255)
    .trim();
}

const TXN_REF = /^[A-Za-z0-9_-]{1,100}$/;
const BANK_CODE = /^[A-Za-z0-9_]{2,20}$/;
// vnp_Amount is Numeric[1,12]: at most 999,999,999,999 hundredths of a đồng.
const MAX_AMOUNT = 9_999_999_999;

function checkAmount(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    throw new VnpayError("INVALID_INPUT", `amount must be a whole number of đồng from 1 to ${MAX_AMOUNT}`);
  }
  return String(amount * 100);
}

function checkTxnRef(ref: string): string {
  if (!TXN_REF.test(ref))
    throw new VnpayError("INVALID_INPUT", "txnRef must be 1-100 letters, digits, - or _");
  return ref;
}

function checkUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VnpayError("INVALID_INPUT", `${what} is not a URL`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new VnpayError("INVALID_INPUT", `${what} must be http(s)`);
  }
  // See ENCODINGS: VNPAY's stacks escape these characters differently, so a URL containing one might be signed
  // one way here and checked another way there.
  if (AMBIGUOUS.test(url)) throw new VnpayError("INVALID_INPUT", `${what} must not contain any of !~*'()`);
  if (url.length > 255) throw new VnpayError("INVALID_INPUT", `${what} is longer than 255 characters`);
  return url;
}

function checkText(text: string, what: string): string {
  const clean = vnpayText(text);
  if (clean === "") throw new VnpayError("INVALID_INPUT", `${what} is empty once diacritics are removed`);
  return clean;
}

function checkIp(ip: string): string {
  if (!/^[0-9A-Fa-f.:]{2,45}$/.test(ip)) throw new VnpayError("INVALID_INPUT", "ipAddr is not an IP address");
  return ip;
}

function checkDate(at: Date, what: string): Date {
  if (Number.isNaN(at.getTime())) throw new VnpayError("INVALID_INPUT", `${what} is not a date`);
  return at;
}

/** Reads a VNPAY amount (VND × 100); null unless it is a whole number of đồng. */
function readAmount(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return null;
  const hundredths = Number(text);
  return hundredths % 100 === 0 ? hundredths / 100 : null;
}

const orNull = (v: string | undefined) => (v === undefined || v === "" ? null : v);

/** VNPAY 2.1.0: payment URL, return and IPN verification, and stored-card tokens. */
export class VnpayGateway implements PaymentGateway {
  private readonly urls: VnpayUrls;
  private readonly orderType: string;
  private readonly expiresInMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  /** @param config the terminal, its secret and endpoints */
  constructor(private readonly config: VnpayConfig) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(config.tmnCode))
      throw new VnpayError("INVALID_INPUT", "tmnCode is malformed");
    if (config.hashSecret === "") throw new VnpayError("INVALID_INPUT", "hashSecret is empty");
    this.urls = { ...VNPAY_SANDBOX_URLS, ...config.urls } as VnpayUrls;
    this.orderType = config.orderType ?? "billpayment";
    this.expiresInMs = (config.expiresInMinutes ?? 15) * 60_000;
    this.fetchFn = config.fetch ?? fetch;
    this.timeoutMs = config.timeoutMs ?? 15_000;
  }

  /** @inheritdoc */
  createPaymentUrl(p: PaymentRequest): string {
    const createdAt = checkDate(p.createdAt, "createdAt");
    const expiresAt = checkDate(p.expiresAt ?? new Date(createdAt.getTime() + this.expiresInMs), "expiresAt");
    if (expiresAt <= createdAt) throw new VnpayError("INVALID_INPUT", "expiresAt must be after createdAt");
    const params: Record<string, string> = {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: "pay",
      vnp_TmnCode: this.config.tmnCode,
      vnp_Amount: checkAmount(p.amount),
      vnp_CurrCode: "VND",
      vnp_TxnRef: checkTxnRef(p.txnRef),
      vnp_OrderInfo: checkText(p.orderInfo, "orderInfo"),
      vnp_OrderType: this.orderType,
      vnp_Locale: p.locale,
      vnp_ReturnUrl: checkUrl(p.returnUrl, "returnUrl"),
      vnp_IpAddr: checkIp(p.ipAddr),
      vnp_CreateDate: formatVnCompact(createdAt),
      vnp_ExpireDate: formatVnCompact(expiresAt),
    };
    if (p.bankCode !== undefined && p.bankCode !== "") {
      if (!BANK_CODE.test(p.bankCode)) throw new VnpayError("INVALID_INPUT", "bankCode is malformed");
      params.vnp_BankCode = p.bankCode;
    }
    const signed = signVnpayParams(params, this.config.hashSecret, "vnp_SecureHash");
    return vnpayUrl(this.urls.payment, signed, "vnp_SecureHash");
  }

  /** @inheritdoc */
  verifyReturn(query: Record<string, string>): GatewayResult {
    return this.readPaymentAnswer(query);
  }

  /** @inheritdoc */
  verifyIpn(query: Record<string, string>): GatewayResult {
    // The same signed parameters come both ways; the difference is only in what the caller may do with them.
    return this.readPaymentAnswer(query);
  }

  private readPaymentAnswer(q: Record<string, string>): GatewayResult {
    const amount = readAmount(q.vnp_Amount);
    const valid =
      verifyVnpayParams(q, this.config.hashSecret, "vnp_SecureHash") &&
      q.vnp_TmnCode === this.config.tmnCode &&
      amount !== null;
    const responseCode = q.vnp_ResponseCode ?? "";
    const transactionStatus = q.vnp_TransactionStatus ?? "";
    return {
      valid,
      txnRef: q.vnp_TxnRef ?? "",
      amount: amount ?? 0,
      responseCode,
      transactionStatus,
      gatewayTransactionNo: orNull(q.vnp_TransactionNo),
      bankCode: orNull(q.vnp_BankCode),
      payDate: q.vnp_PayDate ? parseVnCompact(q.vnp_PayDate) : null,
      success: valid && responseCode === "00" && transactionStatus === "00",
    };
  }

  /** @inheritdoc */
  createToken(p: TokenCreateRequest): string {
    const url = this.urls.tokenCreate;
    if (!url) throw new VnpayError("NOT_CONFIGURED", "no token creation URL is configured");
    const params: Record<string, string> = {
      vnp_version: VNPAY_VERSION,
      vnp_command: "token_create",
      vnp_tmn_code: this.config.tmnCode,
      vnp_app_user_id: checkAppUser(p.appUserId),
      vnp_txn_ref: checkTxnRef(p.txnRef),
      vnp_txn_desc: checkText(p.description, "description"),
      vnp_curr_code: "VND",
      vnp_return_url: checkUrl(p.returnUrl, "returnUrl"),
      vnp_cancel_url: checkUrl(p.cancelUrl, "cancelUrl"),
      vnp_ip_addr: checkIp(p.ipAddr),
      vnp_create_date: formatVnCompact(checkDate(p.createdAt, "createdAt")),
      vnp_locale: p.locale,
    };
    if (p.cardType) params.vnp_card_type = p.cardType;
    if (p.bankCode) {
      if (!BANK_CODE.test(p.bankCode)) throw new VnpayError("INVALID_INPUT", "bankCode is malformed");
      params.vnp_bank_code = p.bankCode;
    }
    return vnpayUrl(
      url,
      signVnpayParams(params, this.config.hashSecret, "vnp_secure_hash"),
      "vnp_secure_hash",
    );
  }

  /** @inheritdoc */
  verifyTokenReturn(q: Record<string, string>): TokenResult {
    const valid =
      verifyVnpayParams(q, this.config.hashSecret, "vnp_secure_hash") &&
      q.vnp_tmn_code === this.config.tmnCode;
    const responseCode = q.vnp_response_code ?? "";
    const transactionStatus = q.vnp_transaction_status ?? "";
    const token = orNull(q.vnp_token);
    return {
      valid,
      txnRef: q.vnp_txn_ref ?? "",
      appUserId: q.vnp_app_user_id ?? "",
      token,
      cardNumberMasked: orNull(q.vnp_card_number),
      cardType: orNull(q.vnp_card_type),
      bankCode: orNull(q.vnp_bank_code),
      responseCode,
      transactionStatus,
      success: valid && responseCode === "00" && transactionStatus === "00" && token !== null,
    };
  }

  private tokenPayParams(p: TokenChargeRequest): Record<string, string> {
    if (p.token === "" || p.token.length > 255) throw new VnpayError("INVALID_INPUT", "token is malformed");
    return {
      vnp_version: VNPAY_VERSION,
      vnp_command: "token_pay",
      vnp_tmn_code: this.config.tmnCode,
      vnp_app_user_id: checkAppUser(p.appUserId),
      vnp_token: p.token,
      vnp_txn_ref: checkTxnRef(p.txnRef),
      vnp_txn_desc: checkText(p.description, "description"),
      vnp_amount: checkAmount(p.amount),
      vnp_curr_code: "VND",
      vnp_ip_addr: checkIp(p.ipAddr),
      vnp_create_date: formatVnCompact(checkDate(p.createdAt, "createdAt")),
      vnp_locale: p.locale ?? "vn",
    };
  }

  /**
   * The documented, browser variant of token_pay: the URL where the payer confirms a charge of a stored card
   * (the bank may ask for an OTP). The result comes back to `returnUrl` like a token return.
   * @param p the charge, with where to send the browser afterwards
   */
  createTokenPaymentUrl(p: TokenChargeRequest & { returnUrl: string; cancelUrl: string }): string {
    const url = this.urls.tokenPayPage;
    if (!url) throw new VnpayError("NOT_CONFIGURED", "no token payment page is configured");
    const params = {
      ...this.tokenPayParams(p),
      vnp_return_url: checkUrl(p.returnUrl, "returnUrl"),
      vnp_cancel_url: checkUrl(p.cancelUrl, "cancelUrl"),
    };
    return vnpayUrl(
      url,
      signVnpayParams(params, this.config.hashSecret, "vnp_secure_hash"),
      "vnp_secure_hash",
    );
  }

  /**
   * @inheritdoc
   * @throws VnpayError "HTTP" when the endpoint cannot be reached or answers an error status, and "BAD_RESPONSE"
   * when the answer is not a parameter object. Either way the charge may or may not have happened at the gateway:
   * ask again with the same txnRef before charging anew.
   */
  async chargeToken(p: TokenChargeRequest): Promise<GatewayResult> {
    const params = this.tokenPayParams(p);
    const q = await this.post(this.urls.tokenPayApi, params, "token_pay");
    const amount = readAmount(q.vnp_amount);
    // A signed answer about another reference or amount is not an answer to this charge.
    const valid =
      verifyVnpayParams(q, this.config.hashSecret, "vnp_secure_hash") &&
      q.vnp_tmn_code === this.config.tmnCode &&
      q.vnp_txn_ref === p.txnRef &&
      amount === p.amount;
    const responseCode = q.vnp_response_code ?? "";
    const transactionStatus = q.vnp_transaction_status ?? "";
    return {
      valid,
      txnRef: q.vnp_txn_ref ?? "",
      amount: amount ?? 0,
      responseCode,
      transactionStatus,
      gatewayTransactionNo: orNull(q.vnp_transaction_no),
      bankCode: orNull(q.vnp_bank_code),
      payDate: q.vnp_pay_date ? parseVnCompact(q.vnp_pay_date) : null,
      success: valid && responseCode === "00" && transactionStatus === "00",
    };
  }

  /** @inheritdoc */
  async removeToken(p: TokenRemoveRequest): Promise<TokenRemoveResult> {
    if (p.token === "" || p.token.length > 255) throw new VnpayError("INVALID_INPUT", "token is malformed");
    const params: Record<string, string> = {
      vnp_version: VNPAY_VERSION,
      vnp_command: "token_remove",
      vnp_tmn_code: this.config.tmnCode,
      vnp_app_user_id: checkAppUser(p.appUserId),
      vnp_token: p.token,
      vnp_txn_ref: checkTxnRef(p.txnRef),
      vnp_txn_desc: "Xoa token",
      vnp_ip_addr: checkIp(p.ipAddr),
      vnp_create_date: formatVnCompact(checkDate(p.createdAt, "createdAt")),
    };
    const q = await this.post(this.urls.tokenRemoveApi, params, "token_remove");
    const valid =
      verifyVnpayParams(q, this.config.hashSecret, "vnp_secure_hash") &&
      q.vnp_tmn_code === this.config.tmnCode &&
      q.vnp_txn_ref === p.txnRef;
    const responseCode = q.vnp_response_code ?? "";
    return { valid, responseCode, success: valid && responseCode === "00" };
  }

  private async post(
    url: string | undefined,
    params: Record<string, string>,
    what: string,
  ): Promise<Record<string, string>> {
    if (!url) throw new VnpayError("NOT_CONFIGURED", `no ${what} endpoint is configured`);
    const signed = signVnpayParams(params, this.config.hashSecret, "vnp_secure_hash");
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: `${vnpaySignData(signed, "vnp_secure_hash")}&vnp_secure_hash=${signed.vnp_secure_hash}`,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new VnpayError("HTTP", `${what}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new VnpayError("HTTP", `${what}: HTTP ${res.status}`);
    return readParamObject(text, what);
  }
}

function checkAppUser(id: string): string {
  if (!/^[A-Za-z0-9_.@-]{1,100}$/.test(id)) throw new VnpayError("INVALID_INPUT", "appUserId is malformed");
  return id;
}

/** An answer as a flat object of strings, from JSON or a query string. */
function readParamObject(text: string, what: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new VnpayError("BAD_RESPONSE", `${what}: the answer is not JSON`);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v === "string") out[k] = v;
      else if (typeof v === "number" && Number.isFinite(v)) out[k] = String(v);
      else if (v !== null && v !== undefined)
        throw new VnpayError("BAD_RESPONSE", `${what}: ${k} is not flat`);
    }
    return out;
  }
  if (trimmed.includes("=")) return Object.fromEntries(new URLSearchParams(trimmed));
  throw new VnpayError("BAD_RESPONSE", `${what}: the answer is neither JSON nor a query string`);
}
