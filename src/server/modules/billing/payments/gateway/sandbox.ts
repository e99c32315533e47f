/**
 * A local payment gateway that speaks VNPAY's protocol, for the demo and the tests: the same parameter names,
 * the same HMAC-SHA512 signing (with its own terminal code and secret), a payment page, the IPN and the
 * redirect back, and stored-card tokens. `VnpayGateway` pointed at it (see `sandboxGatewayUrls`) pays end to end
 * without the internet. No money moves and nothing here is meant for production.
 *
 * Mounted under a prefix (e.g. `/sandbox/vnpay`):
 * - `GET  /paymentv2/vpcpay.html`       the payment page (Thanh toán / Hủy)
 * - `POST /pay`                         the payer's decision: IPN to the merchant, then 303 to its return URL
 * - `GET  /tokenUI/create-token.html`   the page where a test card is stored as a token
 * - `POST /tokenUI/create-token`        the card form's submission: 303 to the return (or cancel) URL
 * - `POST /tokenUI/token-pay`           server-to-server charge of a token, signed JSON answer
 * - `POST /tokenUI/remove-token`        server-to-server removal of a token, signed JSON answer
 *
 * Test cards: `SANDBOX_CARDS.ok` is accepted and charges succeed; `SANDBOX_CARDS.declined` (number ending in
 * "0002") is accepted when stored, but every charge of its token is declined with code "51" (insufficient funds).
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { escapeHtml } from "../../../../platform/http/html.js";
import { formatVnCompact, parseVnCompact } from "../../../../platform/time.js";
import { formatVnd } from "../../core/money.js";
import type { VnpayUrls } from "./vnpay.js";
import { signVnpayParams, VNPAY_VERSION, verifyVnpayParams, vnpayText, vnpayUrl } from "./vnpay.js";

/** Options of the sandbox plugin. */
export type SandboxGatewayOptions = {
  /** The sandbox terminal's hash secret; the merchant's `VnpayGateway` must be configured with the same. */
  secret: string;
  /** The sandbox terminal's code. */
  tmnCode: string;
  /** Delivers the IPN (what VNPAY sends the merchant server to server) and returns the merchant's answer. */
  notify: (ipnQuery: Record<string, string>) => Promise<{ RspCode: string; Message: string }>;
  /** The clock (tests inject one). */
  now?: () => Date;
};

/** Test cards the token page accepts; holder and issue date must match too. */
export const SANDBOX_CARDS = {
  /** NCB's test card from VNPAY's sandbox; its token's charges succeed. */
  ok: { number: "9704198526191432198", holder: "NGUYEN VAN A", issued: "07/15" },
  /** Stored like the other, but each charge of its token is declined with "51" (insufficient funds). */
  declined: { number: "9704198526191430002", holder: "NGUYEN VAN A", issued: "07/15" },
} as const;

/** Tokens of cards whose number ends with this are declined when charged. */
export const SANDBOX_DECLINE_SUFFIX = "0002";

/**
 * The URLs to configure a `VnpayGateway` with to use the sandbox.
 * @param origin where the server is reached, e.g. `http://localhost:3000`
 * @param prefix where the plugin is mounted
 */
export function sandboxGatewayUrls(origin: string, prefix = "/sandbox/vnpay"): VnpayUrls {
  const base = `${origin.replace(/\/+$/, "")}${prefix}`;
  return {
    payment: `${base}/paymentv2/vpcpay.html`,
    tokenCreate: `${base}/tokenUI/create-token.html`,
    tokenPayApi: `${base}/tokenUI/token-pay`,
    tokenRemoveApi: `${base}/tokenUI/remove-token`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

const CSS = `*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:1rem;line-height:1.5;color:#1b1b1b;background:#eef1f4}
.banner{background:#6b3a00;color:#fff;padding:.625rem 1rem}
.banner p{margin:0 auto;max-width:34rem}
.en{display:block;font-size:.875rem;font-weight:400}
main{max-width:34rem;margin:1rem auto;padding:1.25rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
@media (max-width:36rem){main{margin:0;border-radius:0;box-shadow:none}}
h1{font-size:1.375rem;line-height:1.3;margin:0 0 1rem}
h1 .en{color:#4a4a4a}
dl{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.5rem 1rem;margin:0 0 1.5rem}
dt{color:#4a4a4a}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.amount{font-size:1.75rem;color:#004f94}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{flex:1 1 10rem;min-height:3rem;font:inherit;font-weight:600;border-radius:.375rem;border:2px solid #004f94;padding:.5rem 1rem;cursor:pointer}
button .en{font-weight:400}
.primary{background:#004f94;color:#fff}
.secondary{background:#fff;color:#004f94}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #d97900;outline-offset:2px}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
label .en{color:#4a4a4a}
input{width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #5f5f5f;border-radius:.375rem;min-height:3rem}
input[aria-invalid=true]{border:2px solid #a4001d}
.alert{border-left:4px solid #a4001d;background:#fdecef;padding:.75rem 1rem;margin:0 0 1rem}
.field-error{color:#a4001d;margin:.25rem 0 0}
.hint{font-size:.875rem;color:#4a4a4a}
code{font-size:.9em;background:#eef1f4;padding:0 .25rem;border-radius:.25rem}`;

/** Vietnamese first, English beneath, both escaped. */
function bi(vi: string, en: string): string {
  return `${escapeHtml(vi)} <span class="en" lang="en">${escapeHtml(en)}</span>`;
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Cổng thanh toán thử nghiệm (sandbox)</title>
<style>${CSS}</style>
</head>
<body>
<header class="banner"><p><strong>Cổng thanh toán thử nghiệm (sandbox)</strong><span class="en" lang="en">Test payment gateway (sandbox): no real money moves</span></p></header>
<main>
${main}
</main>
</body>
</html>`;
}

function hiddenInputs(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("\n");
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header(
      "content-security-policy",
      // No scripts at all; the forms post to this origin and the server redirects onwards.
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    )
    .send(html);
}

function refusalPage(reply: FastifyReply, vi: string, en: string): FastifyReply {
  return sendPage(
    reply,
    400,
    page(
      "Yêu cầu bị từ chối",
      `<h1>${bi("Yêu cầu thanh toán bị từ chối", "Payment request refused")}</h1>
<p class="alert" role="alert">${bi(vi, en)}</p>
<p class="hint">${bi("Hãy quay lại trang của đơn vị bán và thử lại.", "Go back to the merchant's site and try again.")}</p>`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

type Flat = Record<string, string>;
// code: VNPAY's response code for the refusal, for the JSON endpoints (97 bad checksum, 03 malformed data).
type Refusal = { vi: string; en: string; code: "97" | "03" };

/** Flattens a parsed query or form; a repeated parameter makes the whole request ambiguous, hence null. */
function flatten(input: unknown): Flat | null {
  if (input === null || typeof input !== "object") return {};
  const out: Flat = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    else return null;
  }
  return out;
}

const INVALID: Refusal = { vi: "Tham số không hợp lệ.", en: "Invalid parameters.", code: "03" };

const pick = (q: Flat, prefix: string): Flat =>
  Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(prefix)));

function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function isHttpUrl(text: string | undefined): text is string {
  if (!text) return false;
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

function amountOf(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,14}$/.test(text)) return null;
  const n = Number(text);
  return n % 100 === 0 ? n / 100 : null;
}

const transactionNo = () => String(randomInt(10_000_000, 100_000_000));

function maskCard(number: string): string {
  return `${number.slice(0, 6)}${"x".repeat(Math.max(number.length - 10, 0))}${number.slice(-4)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The plugin

/** The sandbox gateway's routes; see the file comment. */
export const sandboxGatewayRoutes: FastifyPluginAsync<SandboxGatewayOptions> = async (app, opts) => {
  const { secret, tmnCode, notify } = opts;
  if (secret === "" || tmnCode === "")
    throw new Error("the sandbox gateway needs a secret and a terminal code");
  const now = opts.now ?? (() => new Date());
  const prefix = app.prefix;
  // Tokens are signed rather than stored, so any instance can charge them; only removals and answers to
  // charges (kept so that asking again with the same reference gives the same answer) live in memory.
  const removed = new Set<string>();
  const charges = new Map<string, Flat>();
  // These pages imitate the gateway's own server for demos and tests: they are not this product's API, so the
  // OpenAPI document leaves them out.
  app.addHook("onRoute", (route) => {
    route.schema = { ...route.schema, hide: true };
  });

  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) {
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseForm(body as string)),
    );
  }

  // -- payment --------------------------------------------------------------------------------------------------

  function checkPayment(q: Flat | null): { params: Flat; amount: number } | Refusal {
    if (q === null) return { vi: "Một tham số bị lặp lại.", en: "A parameter is repeated.", code: "03" };
    const params = pick(q, "vnp_");
    if (!params.vnp_SecureHash) {
      return { vi: "Thiếu chữ ký (vnp_SecureHash).", en: "The signature is missing.", code: "97" };
    }
    if (params.vnp_TmnCode !== tmnCode) {
      return {
        vi: "Mã website (vnp_TmnCode) không đúng.",
        en: "Unknown merchant terminal (vnp_TmnCode).",
        code: "03",
      };
    }
    if (!verifyVnpayParams(params, secret, "vnp_SecureHash")) {
      return {
        vi: "Chữ ký không hợp lệ: dữ liệu đã bị thay đổi hoặc ký sai khóa.",
        en: "Invalid signature: the data was altered or signed with another key.",
        code: "97",
      };
    }
    const amount = amountOf(params.vnp_Amount);
    const missing = ["vnp_TxnRef", "vnp_OrderInfo", "vnp_CreateDate", "vnp_IpAddr"].find((k) => !params[k]);
    if (
      params.vnp_Version !== VNPAY_VERSION ||
      params.vnp_Command !== "pay" ||
      params.vnp_CurrCode !== "VND" ||
      amount === null ||
      missing !== undefined ||
      !isHttpUrl(params.vnp_ReturnUrl)
    ) {
      return INVALID;
    }
    const expires = params.vnp_ExpireDate ? parseVnCompact(params.vnp_ExpireDate) : null;
    if (params.vnp_ExpireDate && expires === null) return INVALID;
    if (expires && expires < now()) {
      return {
        vi: "Giao dịch đã quá thời gian chờ thanh toán.",
        en: "The payment request has expired.",
        code: "03",
      };
    }
    return { params, amount };
  }

  app.get("/paymentv2/vpcpay.html", async (req, reply) => {
    const checked = checkPayment(flatten(req.query));
    if ("vi" in checked) return refusalPage(reply, checked.vi, checked.en);
    const { params, amount } = checked;
    const main = `<h1>${bi("Xác nhận thanh toán", "Confirm the payment")}</h1>
<dl>
<dt>${bi("Số tiền", "Amount")}</dt><dd class="amount">${escapeHtml(formatVnd(amount))}</dd>
<dt>${bi("Nội dung", "Order")}</dt><dd>${escapeHtml(params.vnp_OrderInfo ?? "")}</dd>
<dt>${bi("Mã giao dịch", "Reference")}</dt><dd>${escapeHtml(params.vnp_TxnRef ?? "")}</dd>
<dt>${bi("Đơn vị", "Merchant")}</dt><dd>${escapeHtml(tmnCode)}</dd>
</dl>
<form method="post" action="${escapeHtml(`${prefix}/pay`)}">
${hiddenInputs(params)}
<p class="hint">${bi("Ngân hàng thử nghiệm: NCB. Không có tiền thật được chuyển.", "Test bank: NCB. No real money is moved.")}</p>
<div class="actions">
<button type="submit" class="primary" name="decision" value="pay">${bi("Thanh toán", "Pay")}</button>
<button type="submit" class="secondary" name="decision" value="cancel">${bi("Hủy", "Cancel")}</button>
</div>
</form>`;
    return sendPage(reply, 200, page("Thanh toán", main));
  });

  app.post("/pay", async (req, reply) => {
    const form = flatten(req.body);
    const decision = form?.decision;
    const checked = checkPayment(form);
    if ("vi" in checked) return refusalPage(reply, checked.vi, checked.en);
    if (decision !== "pay" && decision !== "cancel") {
      return refusalPage(reply, "Hãy chọn Thanh toán hoặc Hủy.", "Choose Pay or Cancel.");
    }
    const { params } = checked;
    const paid = decision === "pay";
    const txnNo = paid ? transactionNo() : "0";
    const result: Flat = {
      vnp_Amount: params.vnp_Amount ?? "",
      vnp_BankCode: "NCB",
      vnp_OrderInfo: params.vnp_OrderInfo ?? "",
      vnp_PayDate: formatVnCompact(now()),
      // 24: the payer cancelled, as VNPAY reports it.
      vnp_ResponseCode: paid ? "00" : "24",
      vnp_TmnCode: tmnCode,
      vnp_TransactionNo: txnNo,
      vnp_TransactionStatus: paid ? "00" : "02",
      vnp_TxnRef: params.vnp_TxnRef ?? "",
    };
    if (paid) {
      result.vnp_BankTranNo = `VNP${txnNo}`;
      result.vnp_CardType = "ATM";
    }
    const signed = signVnpayParams(result, secret, "vnp_SecureHash");
    try {
      const answer = await notify({ ...signed });
      req.log.info({ txnRef: result.vnp_TxnRef, answer }, "sandbox gateway: IPN answered");
    } catch (err) {
      // VNPAY would retry the IPN later; the sandbox only records it and still sends the browser back.
      req.log.warn({ err, txnRef: result.vnp_TxnRef }, "sandbox gateway: IPN failed");
    }
    return reply.redirect(vnpayUrl(params.vnp_ReturnUrl ?? "", signed, "vnp_SecureHash"), 303);
  });

  // -- tokens ---------------------------------------------------------------------------------------------------

  function mintToken(appUserId: string, masked: string): string {
    const payload = Buffer.from(JSON.stringify({ u: appUserId, c: masked }), "utf8").toString("base64url");
    const mac = createHmac("sha256", secret).update(`token.${payload}`).digest("base64url");
    return `sbx1.${payload}.${mac}`;
  }

  function readToken(token: string, appUserId: string): { masked: string } | null {
    const m = /^sbx1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!m?.[1] || !m[2] || removed.has(token)) return null;
    const expected = createHmac("sha256", secret).update(`token.${m[1]}`).digest();
    const given = Buffer.from(m[2], "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const data = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8")) as { u: string; c: string };
    return data.u === appUserId ? { masked: data.c } : null;
  }

  function checkTokenRequest(q: Flat | null, command: string): Flat | Refusal {
    if (q === null) return { vi: "Một tham số bị lặp lại.", en: "A parameter is repeated.", code: "03" };
    const params = pick(q, "vnp_");
    if (params.vnp_tmn_code !== tmnCode) {
      return {
        vi: "Mã website (vnp_tmn_code) không đúng.",
        en: "Unknown merchant terminal (vnp_tmn_code).",
        code: "03",
      };
    }
    if (!verifyVnpayParams(params, secret, "vnp_secure_hash")) {
      return { vi: "Chữ ký không hợp lệ.", en: "Invalid signature.", code: "97" };
    }
    if (params.vnp_version !== VNPAY_VERSION || params.vnp_command !== command || !params.vnp_txn_ref) {
      return INVALID;
    }
    if (!params.vnp_app_user_id)
      return { vi: "Thiếu vnp_app_user_id.", en: "vnp_app_user_id is missing.", code: "03" };
    return params;
  }

  function checkTokenCreate(q: Flat | null): Flat | Refusal {
    const params = checkTokenRequest(q, "token_create");
    if ("vi" in params) return params;
    if (!isHttpUrl(params.vnp_return_url) || !isHttpUrl(params.vnp_cancel_url)) {
      return INVALID;
    }
    return params;
  }

  type CardForm = { number: string; holder: string; issued: string };
  type CardErrors = Partial<Record<keyof CardForm, { vi: string; en: string }>>;

  function cardPage(params: Flat, typed: CardForm, errors: CardErrors): string {
    const field = (
      name: keyof CardForm,
      vi: string,
      en: string,
      attrs: string,
      hintVi: string,
      hintEn: string,
    ): string => {
      const id = `card-${name}`;
      const error = errors[name];
      const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
      return `<label for="${id}">${bi(vi, en)}</label>
<input id="${id}" name="card_${name}" value="${escapeHtml(typed[name])}" ${attrs} required aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ""}>
<p class="hint" id="${id}-hint">${bi(hintVi, hintEn)}</p>${error ? `\n<p class="field-error" id="${id}-error">${bi(error.vi, error.en)}</p>` : ""}`;
    };
    const alert =
      Object.keys(errors).length > 0
        ? `<p class="alert" role="alert">${bi("Thông tin thẻ chưa đúng, hãy kiểm tra các ô được đánh dấu.", "The card details are not right; check the marked fields.")}</p>`
        : "";
    return page(
      "Lưu thẻ",
      `<h1>${bi("Lưu thẻ để thanh toán tự động", "Save a card for automatic payments")}</h1>
${alert}
<dl>
<dt>${bi("Nội dung", "Purpose")}</dt><dd>${escapeHtml(params.vnp_txn_desc ?? "")}</dd>
<dt>${bi("Đơn vị", "Merchant")}</dt><dd>${escapeHtml(tmnCode)}</dd>
</dl>
<form method="post" action="${escapeHtml(`${prefix}/tokenUI/create-token`)}" novalidate>
${hiddenInputs(params)}
${field("number", "Số thẻ", "Card number", 'inputmode="numeric" autocomplete="cc-number"', `Thẻ thử nghiệm: ${SANDBOX_CARDS.ok.number.replace(/(\d{4})(?=\d)/g, "$1 ")}`, "Test card (NCB)")}
${field("holder", "Tên chủ thẻ", "Cardholder name", 'autocomplete="cc-name" autocapitalize="characters"', `Ví dụ: ${SANDBOX_CARDS.ok.holder}`, "As printed on the card, without diacritics")}
${field("issued", "Ngày phát hành (MM/YY)", "Issue date (MM/YY)", 'inputmode="numeric" placeholder="MM/YY"', `Ví dụ: ${SANDBOX_CARDS.ok.issued}`, "Month and year on the card")}
<div class="actions">
<button type="submit" class="primary" name="decision" value="create">${bi("Lưu thẻ", "Save card")}</button>
<button type="submit" class="secondary" name="decision" value="cancel">${bi("Hủy", "Cancel")}</button>
</div>
</form>`,
    );
  }

  app.get("/tokenUI/create-token.html", async (req, reply) => {
    const params = checkTokenCreate(flatten(req.query));
    if ("vi" in params) return refusalPage(reply, params.vi, params.en);
    return sendPage(reply, 200, cardPage(params, { number: "", holder: "", issued: "" }, {}));
  });

  app.post("/tokenUI/create-token", async (req, reply) => {
    const form = flatten(req.body);
    const params = checkTokenCreate(form);
    if ("vi" in params) return refusalPage(reply, params.vi, params.en);
    const base: Flat = {
      vnp_tmn_code: tmnCode,
      vnp_txn_ref: params.vnp_txn_ref ?? "",
      vnp_app_user_id: params.vnp_app_user_id ?? "",
      vnp_command: "token_create",
      vnp_pay_date: formatVnCompact(now()),
    };
    if (form?.decision === "cancel") {
      const signed = signVnpayParams(
        { ...base, vnp_response_code: "24", vnp_transaction_status: "02" },
        secret,
        "vnp_secure_hash",
      );
      return reply.redirect(vnpayUrl(params.vnp_cancel_url ?? "", signed, "vnp_secure_hash"), 303);
    }
    const typed: CardForm = {
      number: form?.card_number ?? "",
      holder: form?.card_holder ?? "",
      issued: form?.card_issued ?? "",
    };
    const number = typed.number.replace(/[\s-]/g, "");
    const holder = vnpayText(typed.holder).toUpperCase();
    const issued = typed.issued.replace(/\s/g, "");
    const card = Object.values(SANDBOX_CARDS).find((c) => c.number === number);
    const errors: CardErrors = {};
    if (!card) errors.number = { vi: "Số thẻ không đúng.", en: "Unknown card number." };
    else {
      if (card.holder !== holder)
        errors.holder = { vi: "Tên chủ thẻ không khớp.", en: "The name does not match the card." };
      if (card.issued !== issued)
        errors.issued = { vi: "Ngày phát hành không khớp.", en: "The issue date does not match." };
    }
    if (!card || Object.keys(errors).length > 0) return sendPage(reply, 422, cardPage(params, typed, errors));
    const masked = maskCard(card.number);
    const signed = signVnpayParams(
      {
        ...base,
        vnp_token: mintToken(params.vnp_app_user_id ?? "", masked),
        vnp_card_number: masked,
        vnp_card_type: params.vnp_card_type ?? "01",
        vnp_bank_code: "NCB",
        vnp_response_code: "00",
        vnp_transaction_status: "00",
      },
      secret,
      "vnp_secure_hash",
    );
    return reply.redirect(vnpayUrl(params.vnp_return_url ?? "", signed, "vnp_secure_hash"), 303);
  });

  function sendSigned(reply: FastifyReply, answer: Flat): FastifyReply {
    return reply
      .header("cache-control", "no-store")
      .send(signVnpayParams({ ...answer, vnp_tmn_code: tmnCode }, secret, "vnp_secure_hash"));
  }

  app.post("/tokenUI/token-pay", async (req, reply) => {
    const q = flatten(req.body);
    const params = checkTokenRequest(q, "token_pay");
    const txnRef = q?.vnp_txn_ref ?? "";
    const base: Flat = { vnp_command: "token_pay", vnp_txn_ref: txnRef, vnp_amount: q?.vnp_amount ?? "" };
    if ("vi" in params)
      return sendSigned(reply, { ...base, vnp_response_code: params.code, vnp_message: params.en });
    if (amountOf(params.vnp_amount) === null || !params.vnp_token) {
      return sendSigned(reply, { ...base, vnp_response_code: "03", vnp_message: "Invalid parameters" });
    }
    const previous = charges.get(txnRef);
    if (previous) return reply.header("cache-control", "no-store").send(previous);
    const token = readToken(params.vnp_token, params.vnp_app_user_id ?? "");
    let answer: Flat;
    if (!token) {
      answer = {
        ...base,
        vnp_response_code: "11",
        vnp_transaction_status: "02",
        vnp_message: "Token not found",
      };
    } else if (token.masked.endsWith(SANDBOX_DECLINE_SUFFIX)) {
      answer = {
        ...base,
        vnp_response_code: "51",
        vnp_transaction_status: "02",
        vnp_card_number: token.masked,
        vnp_message: "Insufficient funds",
      };
    } else {
      answer = {
        ...base,
        vnp_response_code: "00",
        vnp_transaction_status: "00",
        vnp_transaction_no: transactionNo(),
        vnp_bank_code: "NCB",
        vnp_card_number: token.masked,
        vnp_pay_date: formatVnCompact(now()),
        vnp_message: "Success",
      };
    }
    const signed = signVnpayParams({ ...answer, vnp_tmn_code: tmnCode }, secret, "vnp_secure_hash");
    charges.set(txnRef, signed);
    if (charges.size > 10_000) charges.delete(charges.keys().next().value as string);
    return reply.header("cache-control", "no-store").send(signed);
  });

  app.post("/tokenUI/remove-token", async (req, reply) => {
    const q = flatten(req.body);
    const params = checkTokenRequest(q, "token_remove");
    const base: Flat = { vnp_command: "token_remove", vnp_txn_ref: q?.vnp_txn_ref ?? "" };
    if ("vi" in params)
      return sendSigned(reply, { ...base, vnp_response_code: params.code, vnp_message: params.en });
    const token = params.vnp_token ? readToken(params.vnp_token, params.vnp_app_user_id ?? "") : null;
    if (!token || !params.vnp_token) {
      return sendSigned(reply, { ...base, vnp_response_code: "11", vnp_message: "Token not found" });
    }
    removed.add(params.vnp_token);
    return sendSigned(reply, { ...base, vnp_response_code: "00", vnp_message: "Success" });
  });
};
