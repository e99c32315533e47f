import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { escapeHtml } from "../../../../platform/http/html.js";
import { ipnAnswer, type PaymentRequest } from "./gateway.js";
import { SANDBOX_CARDS, sandboxGatewayRoutes, sandboxGatewayUrls } from "./sandbox.js";
import { signVnpayParams, VnpayGateway, vnpayUrl } from "./vnpay.js";

const SECRET = "sandbox-secret-0123456789";
const TMN = "SANDBOX1";
const PREFIX = "/sandbox/vnpay";
const ORIGIN = "http://localhost:3000";

let app: FastifyInstance;
let notify: ReturnType<
  typeof vi.fn<(q: Record<string, string>) => Promise<{ RspCode: string; Message: string }>>
>;
let clock: Date;
let gateway: VnpayGateway;

/** fetch over app.inject, so VnpayGateway's server-to-server calls reach the sandbox without a socket. */
function injectFetch(server: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const res = await server.inject({
      method: (init?.method ?? "GET") as "GET" | "POST",
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    return new Response(res.body, {
      status: res.statusCode,
      headers: { "content-type": String(res.headers["content-type"] ?? "") },
    });
  }) as typeof fetch;
}

beforeEach(async () => {
  clock = new Date("2026-11-05T07:02:37.000Z");
  notify = vi.fn(async () => ipnAnswer("00"));
  app = Fastify();
  await app.register(sandboxGatewayRoutes, {
    prefix: PREFIX,
    secret: SECRET,
    tmnCode: TMN,
    notify,
    now: () => clock,
  });
  await app.ready();
  gateway = new VnpayGateway({
    tmnCode: TMN,
    hashSecret: SECRET,
    urls: sandboxGatewayUrls(ORIGIN, PREFIX),
    fetch: injectFetch(app),
  });
});

afterEach(async () => {
  await app.close();
});

const request: PaymentRequest = {
  txnRef: "HD00012345T1",
  amount: 1_234_567,
  orderInfo: "Thanh toán hóa đơn HD00012345",
  ipAddr: "203.113.131.7",
  returnUrl: "https://demo.chungcu.vn/api/v1/payments/vnpay/return?from=app",
  locale: "vn",
  createdAt: new Date("2026-11-05T07:00:00.000Z"),
};

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

const unescapeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] ?? "",
  );

/** The hidden fields of the page's form, as the browser would post them. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[unescapeHtml(m[1] ?? "")] = unescapeHtml(m[2] ?? "");
  }
  return fields;
}

function formAction(html: string): string {
  return unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? "");
}

async function post(url: string, fields: Record<string, string>) {
  return app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
}

const queryOf = (location: string) => Object.fromEntries(new URL(location).searchParams);

describe("sandbox payment page", () => {
  it("shows a self-contained, accessible page in Vietnamese with English", async () => {
    const res = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("Cổng thanh toán thử nghiệm (sandbox)");
    expect(html).toContain('lang="en"');
    expect(html).toContain(
      escapeHtml(new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(1_234_567)),
    );
    expect(html).toMatch(/1\.234\.567\s₫/);
    expect(html).toContain("Thanh toan hoa don HD00012345");
    expect(html).toMatch(/<button type="submit" class="primary" name="decision" value="pay">Thanh toán/);
    expect(html).toMatch(/<button type="submit" class="secondary" name="decision" value="cancel">Hủy/);
    expect(html).toContain(":focus-visible");
    expect(html).not.toMatch(/<script/i);
    expect(formAction(html)).toBe(`${PREFIX}/pay`);
  });

  it("pays end to end: the IPN and the return both verify with VnpayGateway", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    const res = await post(formAction(page.body), { ...hiddenFields(page.body), decision: "pay" });
    expect(res.statusCode).toBe(303);

    expect(notify).toHaveBeenCalledTimes(1);
    const ipn = gateway.verifyIpn(notify.mock.calls[0]?.[0] ?? {});
    expect(ipn).toMatchObject({
      valid: true,
      success: true,
      txnRef: "HD00012345T1",
      amount: 1_234_567,
      responseCode: "00",
      transactionStatus: "00",
      bankCode: "NCB",
      payDate: clock,
    });
    expect(ipn.gatewayTransactionNo).toMatch(/^\d{8}$/);

    const location = String(res.headers.location);
    expect(
      location.startsWith("https://demo.chungcu.vn/api/v1/payments/vnpay/return?from=app&vnp_Amount="),
    ).toBe(true);
    const back = queryOf(location);
    expect(back.from).toBe("app");
    expect(gateway.verifyReturn(back)).toEqual(ipn);
  });

  it("reports a cancellation with code 24, to the IPN and the return", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    const res = await post(formAction(page.body), { ...hiddenFields(page.body), decision: "cancel" });
    expect(res.statusCode).toBe(303);
    const back = gateway.verifyReturn(queryOf(String(res.headers.location)));
    expect(back).toMatchObject({ valid: true, success: false, responseCode: "24", transactionStatus: "02" });
    expect(gateway.verifyIpn(notify.mock.calls[0]?.[0] ?? {})).toMatchObject({
      valid: true,
      responseCode: "24",
    });
  });

  it("still sends the browser back when the merchant's IPN endpoint fails", async () => {
    notify.mockRejectedValueOnce(new Error("connection refused"));
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    const res = await post(formAction(page.body), { ...hiddenFields(page.body), decision: "pay" });
    expect(res.statusCode).toBe(303);
    expect(gateway.verifyReturn(queryOf(String(res.headers.location))).success).toBe(true);
  });

  it("refuses a tampered amount with a clear page, and never notifies", async () => {
    const url = gateway.createPaymentUrl(request).replace("vnp_Amount=123456700", "vnp_Amount=100");
    const res = await app.inject({ method: "GET", url: pathOf(url) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain("Chữ ký không hợp lệ");
    expect(res.body).toContain("Invalid signature");
    expect(notify).not.toHaveBeenCalled();
  });

  it("refuses a form whose hidden fields were changed after the page was shown", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    const fields = {
      ...hiddenFields(page.body),
      vnp_ReturnUrl: "https://evil.example/steal",
      decision: "pay",
    };
    const res = await post(formAction(page.body), fields);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Chữ ký không hợp lệ");
    expect(notify).not.toHaveBeenCalled();
  });

  it("refuses a request signed for another terminal, or without a choice, or repeated parameters", async () => {
    const other = new VnpayGateway({
      tmnCode: "OTHER001",
      hashSecret: "other",
      urls: sandboxGatewayUrls(ORIGIN),
    });
    const res = await app.inject({ method: "GET", url: pathOf(other.createPaymentUrl(request)) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("vnp_TmnCode");

    const page = await app.inject({ method: "GET", url: pathOf(gateway.createPaymentUrl(request)) });
    expect((await post(formAction(page.body), hiddenFields(page.body))).statusCode).toBe(400);

    const url = `${pathOf(gateway.createPaymentUrl(request))}&vnp_Amount=100`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(400);
  });

  it("refuses an expired request", async () => {
    const url = gateway.createPaymentUrl(request);
    clock = new Date("2026-11-05T07:15:01.000Z");
    const res = await app.inject({ method: "GET", url: pathOf(url) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("quá thời gian");
  });

  it("escapes what it shows", async () => {
    // Signed directly, since VnpayGateway itself would strip these characters.
    const signed = signVnpayParams(
      {
        vnp_Version: "2.1.0",
        vnp_Command: "pay",
        vnp_TmnCode: TMN,
        vnp_Amount: "100000",
        vnp_CurrCode: "VND",
        vnp_TxnRef: "X1",
        vnp_OrderInfo: `<script>alert("x")</script> & 'quotes'`,
        vnp_OrderType: "billpayment",
        vnp_Locale: "vn",
        vnp_ReturnUrl: "https://demo.chungcu.vn/r",
        vnp_IpAddr: "127.0.0.1",
        vnp_CreateDate: "20261105140000",
      },
      SECRET,
    );
    const res = await app.inject({
      method: "GET",
      url: pathOf(vnpayUrl(`${ORIGIN}${PREFIX}/paymentv2/vpcpay.html`, signed, "vnp_SecureHash")),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("<script>");
    expect(res.body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    // And the escaped hidden field posts back the exact signed value.
    const pay = await post(formAction(res.body), { ...hiddenFields(res.body), decision: "pay" });
    expect(pay.statusCode).toBe(303);
  });
});

describe("sandbox tokens", () => {
  const tokenRequest = {
    appUserId: "resident-42",
    txnRef: "TK1",
    description: "Lưu thẻ để tự động thanh toán phí",
    ipAddr: "203.113.131.7",
    returnUrl: "https://demo.chungcu.vn/api/v1/payments/vnpay/token-return",
    cancelUrl: "https://demo.chungcu.vn/app/payments?cancelled=1",
    locale: "vn" as const,
    createdAt: new Date("2026-11-05T07:00:00.000Z"),
  };

  async function storeCard(
    card: { number: string; holder: string; issued: string },
    appUserId = "resident-42",
  ) {
    const page = await app.inject({
      method: "GET",
      url: pathOf(gateway.createToken({ ...tokenRequest, appUserId })),
    });
    expect(page.statusCode).toBe(200);
    const res = await post(formAction(page.body), {
      ...hiddenFields(page.body),
      card_number: card.number.replace(/(\d{4})/g, "$1 ").trim(),
      card_holder: card.holder.toLowerCase(),
      card_issued: card.issued,
      decision: "create",
    });
    expect(res.statusCode).toBe(303);
    return gateway.verifyTokenReturn(queryOf(String(res.headers.location)));
  }

  const charge = (token: string, txnRef: string, appUserId = "resident-42") =>
    gateway.chargeToken({
      appUserId,
      token,
      txnRef,
      amount: 650_000,
      description: "Tu dong thanh toan HD00012345",
      ipAddr: "10.0.0.1",
      createdAt: clock,
    });

  it("shows a labelled card form", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createToken(tokenRequest)) });
    expect(page.body).toContain('<label for="card-number">Số thẻ');
    expect(page.body).toContain('id="card-number" name="card_number"');
    expect(page.body).toContain('autocomplete="cc-number"');
    expect(page.body).toContain('<label for="card-holder">Tên chủ thẻ');
    expect(page.body).toContain('<label for="card-issued">Ngày phát hành');
    expect(formAction(page.body)).toBe(`${PREFIX}/tokenUI/create-token`);
  });

  it("stores the test card and charges its token, the same answer for the same reference", async () => {
    const created = await storeCard(SANDBOX_CARDS.ok);
    expect(created).toMatchObject({
      valid: true,
      success: true,
      appUserId: "resident-42",
      txnRef: "TK1",
      cardNumberMasked: "970419xxxxxxxxx2198",
      bankCode: "NCB",
    });
    const token = created.token ?? "";
    const paid = await charge(token, "AD1");
    expect(paid).toMatchObject({
      valid: true,
      success: true,
      amount: 650_000,
      responseCode: "00",
      txnRef: "AD1",
    });
    expect(paid.gatewayTransactionNo).toMatch(/^\d{8}$/);
    expect(await charge(token, "AD1")).toEqual(paid);
    expect((await charge(token, "AD2")).gatewayTransactionNo).not.toBe(paid.gatewayTransactionNo);
  });

  it("declines every charge of the card ending in 0002 with 51, insufficient funds", async () => {
    const created = await storeCard(SANDBOX_CARDS.declined);
    expect(created.success).toBe(true);
    expect(created.cardNumberMasked?.endsWith("0002")).toBe(true);
    const declined = await charge(created.token ?? "", "AD3");
    expect(declined).toMatchObject({
      valid: true,
      success: false,
      responseCode: "51",
      transactionStatus: "02",
    });
  });

  it("refuses a token charged for someone else, a forged token, and a removed one", async () => {
    const { token } = await storeCard(SANDBOX_CARDS.ok);
    expect(await charge(token ?? "", "AD4", "resident-43")).toMatchObject({
      valid: true,
      responseCode: "11",
    });
    expect(await charge(`${token}x`, "AD5")).toMatchObject({ valid: true, responseCode: "11" });
    const removed = await gateway.removeToken({
      appUserId: "resident-42",
      token: token ?? "",
      txnRef: "RM1",
      ipAddr: "10.0.0.1",
      createdAt: clock,
    });
    expect(removed).toEqual({ valid: true, responseCode: "00", success: true });
    expect(await charge(token ?? "", "AD6")).toMatchObject({
      valid: true,
      success: false,
      responseCode: "11",
    });
  });

  it("answers a request with a bad signature with 97, signed", async () => {
    const res = await app.inject({
      method: "POST",
      url: `${PREFIX}/tokenUI/token-pay`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "vnp_tmn_code=SANDBOX1&vnp_command=token_pay&vnp_txn_ref=Z1&vnp_secure_hash=00",
    });
    const body = res.json() as Record<string, string>;
    expect(body.vnp_response_code).toBe("97");
    expect(body.vnp_secure_hash).toMatch(/^[0-9a-f]{128}$/);
  });

  it("keeps what was typed and marks the field when the card is wrong", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createToken(tokenRequest)) });
    const res = await post(formAction(page.body), {
      ...hiddenFields(page.body),
      card_number: "9704 0000 0000 0018",
      card_holder: "Nguyễn Văn A",
      card_issued: "07/15",
      decision: "create",
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="9704 0000 0000 0018"');
    expect(res.body).toContain('value="Nguyễn Văn A"');
    expect(res.body).toMatch(
      /id="card-number"[^>]*aria-describedby="card-number-hint card-number-error" aria-invalid="true"/,
    );
    expect(res.body).toContain('role="alert"');
  });

  it("accepts the holder's name with diacritics and sends a cancellation to the cancel URL", async () => {
    const page = await app.inject({ method: "GET", url: pathOf(gateway.createToken(tokenRequest)) });
    const res = await post(formAction(page.body), { ...hiddenFields(page.body), decision: "cancel" });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location.startsWith("https://demo.chungcu.vn/app/payments?cancelled=1&")).toBe(true);
    expect(gateway.verifyTokenReturn(queryOf(location))).toMatchObject({
      valid: true,
      success: false,
      responseCode: "24",
    });

    const ok = await post(formAction(page.body), {
      ...hiddenFields(page.body),
      card_number: SANDBOX_CARDS.ok.number,
      card_holder: "Nguyễn Văn A",
      card_issued: "07/15",
      decision: "create",
    });
    expect(ok.statusCode).toBe(303);
  });

  it("refuses a tampered token request page", async () => {
    const url = gateway
      .createToken(tokenRequest)
      .replace("vnp_app_user_id=resident-42", "vnp_app_user_id=resident-1");
    const res = await app.inject({ method: "GET", url: pathOf(url) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Chữ ký không hợp lệ");
  });
});
