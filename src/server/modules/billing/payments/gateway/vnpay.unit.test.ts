import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipnAnswer, type PaymentRequest } from "./gateway.js";
import {
  signVnpayParams,
  VnpayError,
  VnpayGateway,
  verifyVnpayParams,
  vnpaySignData,
  vnpayText,
  vnpayUrl,
} from "./vnpay.js";

const SECRET = "TESTSECRETKEY0123456789ABCDEFGHI";
const gateway = new VnpayGateway({ tmnCode: "CHUNGCU1", hashSecret: SECRET });

const request: PaymentRequest = {
  txnRef: "HD00012345T1",
  amount: 1_234_567,
  orderInfo: "Thanh toán hóa đơn HD00012345 căn A-12.05",
  ipAddr: "203.113.131.7",
  returnUrl: "https://demo.chungcu.vn/api/v1/payments/vnpay/return",
  locale: "vn",
  createdAt: new Date("2026-11-05T07:02:37.000Z"),
};

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("VnpayGateway.createPaymentUrl", () => {
  it("sends every parameter of the 2.1.0 pay command, amount × 100 and dates in GMT+7", () => {
    const url = gateway.createPaymentUrl({ ...request, bankCode: "NCB" });
    expect(url.startsWith("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?")).toBe(true);
    const q = queryOf(url);
    expect(q).toEqual({
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_TmnCode: "CHUNGCU1",
      vnp_Amount: "123456700",
      vnp_CurrCode: "VND",
      vnp_TxnRef: "HD00012345T1",
      vnp_OrderInfo: "Thanh toan hoa don HD00012345 can A-12.05",
      vnp_OrderType: "billpayment",
      vnp_Locale: "vn",
      vnp_ReturnUrl: request.returnUrl,
      vnp_IpAddr: "203.113.131.7",
      vnp_CreateDate: "20261105140237",
      vnp_ExpireDate: "20261105141737",
      vnp_BankCode: "NCB",
      vnp_SecureHash: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
  });

  it("sorts parameters by name, encodes spaces as + and puts the hash last", () => {
    const url = gateway.createPaymentUrl(request);
    const query = url.slice(url.indexOf("?") + 1);
    const names = query.split("&").map((p) => p.split("=")[0]);
    expect(names.at(-1)).toBe("vnp_SecureHash");
    expect(names.slice(0, -1)).toEqual([...names.slice(0, -1)].sort());
    expect(query).toContain("vnp_OrderInfo=Thanh+toan+hoa+don+HD00012345+can+A-12.05&");
    expect(query).toContain(
      "vnp_ReturnUrl=https%3A%2F%2Fdemo.chungcu.vn%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn&",
    );
  });

  it("hashes with HMAC-SHA512 over the query before the hash, as an independent computation does", () => {
    const url = gateway.createPaymentUrl(request);
    const query = url.slice(url.indexOf("?") + 1);
    const [data, hash] = query.split("&vnp_SecureHash=") as [string, string];
    expect(hash).toBe(createHmac("sha512", SECRET).update(data, "utf8").digest("hex"));
    expect(verifyVnpayParams(queryOf(url), SECRET)).toBe(true);
  });

  it("encodes exactly as VNPAY's documented example URL", () => {
    // sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/ "Tạo URL Thanh toán" (its secret is not published, so
    // only the string it signs can be compared, not the hash).
    const documented =
      "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1" +
      "&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other" +
      "&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";
    const params = Object.fromEntries(new URLSearchParams(documented));
    expect(vnpaySignData(params)).toBe(documented);
    const built = new VnpayGateway({
      tmnCode: "DEMOV210",
      hashSecret: "x",
      orderType: "other",
    }).createPaymentUrl({
      txnRef: "5",
      amount: 18_060,
      orderInfo: "Thanh toan don hang :5",
      ipAddr: "127.0.0.1",
      returnUrl: "https://domainmerchant.vn/ReturnUrl",
      locale: "vn",
      createdAt: new Date("2021-08-01T08:33:33Z"),
    });
    const q = queryOf(built);
    delete q.vnp_ExpireDate;
    expect(vnpaySignData(q)).toBe(documented);
  });

  it.each([
    [1, "100"],
    [10_000, "1000000"],
    [1_234_567, "123456700"],
    [9_999_999_999, "999999999900"],
  ])("sends %d đồng as vnp_Amount=%s", (amount, sent) => {
    expect(queryOf(gateway.createPaymentUrl({ ...request, amount })).vnp_Amount).toBe(sent);
  });

  it.each([0, -1, 1.5, 10_000_000_000, Number.NaN])("refuses the amount %d", (amount) => {
    expect(() => gateway.createPaymentUrl({ ...request, amount })).toThrow(VnpayError);
  });

  it("writes dates in GMT+7 whatever the process's time zone, across midnight and the new year", () => {
    const saved = process.env.TZ;
    try {
      const seen = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"].map((tz) => {
        process.env.TZ = tz;
        const q = queryOf(
          gateway.createPaymentUrl({ ...request, createdAt: new Date("2026-12-31T17:30:00Z") }),
        );
        return `${q.vnp_CreateDate} ${q.vnp_ExpireDate}`;
      });
      expect(new Set(seen)).toEqual(new Set(["20270101003000 20270101004500"]));
    } finally {
      process.env.TZ = saved;
    }
  });

  it("takes the expiry given, and refuses one that is not after creation", () => {
    const expiresAt = new Date("2026-11-05T08:02:37Z");
    expect(queryOf(gateway.createPaymentUrl({ ...request, expiresAt })).vnp_ExpireDate).toBe(
      "20261105150237",
    );
    expect(() => gateway.createPaymentUrl({ ...request, expiresAt: request.createdAt })).toThrow(/after/);
  });

  it("refuses what VNPAY would not take, or what its stacks would sign differently", () => {
    expect(() => gateway.createPaymentUrl({ ...request, txnRef: "HD 1" })).toThrow(VnpayError);
    expect(() => gateway.createPaymentUrl({ ...request, orderInfo: "!!!" })).toThrow(/orderInfo/);
    expect(() => gateway.createPaymentUrl({ ...request, returnUrl: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => gateway.createPaymentUrl({ ...request, returnUrl: "https://x.vn/a(b)" })).toThrow(/!~/);
    expect(() => gateway.createPaymentUrl({ ...request, ipAddr: "<script>" })).toThrow(/IP/);
    expect(() => gateway.createPaymentUrl({ ...request, bankCode: "N C B" })).toThrow(/bankCode/);
  });

  it("strips diacritics and special characters from order information", () => {
    expect(vnpayText("  Thanh toán  hóa đơn <HĐ00012345> (tháng 11) & phí ")).toBe(
      "Thanh toan hoa don HD00012345 thang 11 phi",
    );
  });
});

// -- return and IPN ---------------------------------------------------------------------------------------------

/** A signed answer as VNPAY sends it back. */
function answer(overrides: Record<string, string> = {}, secret = SECRET): Record<string, string> {
  return signVnpayParams(
    {
      vnp_Amount: "123456700",
      vnp_BankCode: "NCB",
      vnp_BankTranNo: "VNP14422574",
      vnp_CardType: "ATM",
      vnp_OrderInfo: "Thanh toan hoa don HD00012345",
      vnp_PayDate: "20261105140512",
      vnp_ResponseCode: "00",
      vnp_TmnCode: "CHUNGCU1",
      vnp_TransactionNo: "14422574",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: "HD00012345T1",
      ...overrides,
    },
    secret,
  );
}

describe("VnpayGateway.verifyReturn / verifyIpn", () => {
  it("reads a signed success: amount ÷ 100, pay date from GMT+7", () => {
    const expected = {
      valid: true,
      txnRef: "HD00012345T1",
      amount: 1_234_567,
      responseCode: "00",
      transactionStatus: "00",
      gatewayTransactionNo: "14422574",
      bankCode: "NCB",
      payDate: new Date("2026-11-05T07:05:12Z"),
      success: true,
    };
    expect(gateway.verifyReturn(answer())).toEqual(expected);
    expect(gateway.verifyIpn(answer())).toEqual(expected);
  });

  it("verifies published vectors (github.com/lehuygiang28/vnpay test/verify-return-url.test.ts)", () => {
    // That library's test fixture, signed with secret "test_secret" for terminal TEST_TMN_CODE.
    const published = {
      vnp_Amount: "1000000",
      vnp_BankCode: "NCB",
      vnp_BankTranNo: "VNP14422574",
      vnp_CardType: "ATM",
      vnp_OrderInfo: "Thanh toan don hang 2024-05-21T02:17:31.249Z",
      vnp_PayDate: "20240521091806",
      vnp_ResponseCode: "00",
      vnp_TmnCode: "TEST_TMN_CODE",
      vnp_TransactionNo: "14422574",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: "1716257871703",
      vnp_SecureHash:
        "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895",
    };
    const theirs = new VnpayGateway({ tmnCode: "TEST_TMN_CODE", hashSecret: "test_secret" });
    expect(theirs.verifyReturn(published)).toMatchObject({
      valid: true,
      success: true,
      amount: 10_000,
      payDate: new Date("2024-05-21T02:18:06Z"),
    });
    // Same file: the failed payment, signed, and the same data with the success hash (tampered).
    const failed = {
      ...published,
      vnp_ResponseCode: "99",
      vnp_SecureHash:
        "503194f6d93b57b357b2d1d09742565e67e86d771352c5dca4fc8d39df3d392c6b3809add9405f97cfb9631f445e36c80656cfbf47eac67d97fa165865c13e1b",
    };
    expect(theirs.verifyReturn(failed)).toMatchObject({ valid: true, success: false, responseCode: "99" });
    expect(theirs.verifyReturn({ ...published, vnp_ResponseCode: "99" })).toMatchObject({ valid: false });
  });

  it.each([
    ["a tampered amount", { vnp_Amount: "123456800" }],
    ["a tampered reference", { vnp_TxnRef: "HD00012346T1" }],
    ["a tampered response code", { vnp_ResponseCode: "00 " }],
  ])("refuses %s", (_why, change) => {
    const result = gateway.verifyIpn({ ...answer({ vnp_ResponseCode: "24" }), ...change });
    expect(result.valid).toBe(false);
    expect(result.success).toBe(false);
  });

  it("refuses a tampered, truncated or missing hash, and accepts an upper-case one", () => {
    const a = answer();
    const hash = a.vnp_SecureHash ?? "";
    const flipped = `${hash.slice(0, -1)}${hash.endsWith("0") ? "1" : "0"}`;
    expect(gateway.verifyIpn({ ...a, vnp_SecureHash: flipped }).valid).toBe(false);
    expect(gateway.verifyIpn({ ...a, vnp_SecureHash: hash.slice(0, 64) }).valid).toBe(false);
    expect(gateway.verifyIpn({ ...a, vnp_SecureHash: "" }).valid).toBe(false);
    const { vnp_SecureHash: _, ...unsigned } = a;
    expect(gateway.verifyIpn(unsigned).valid).toBe(false);
    expect(gateway.verifyIpn({ ...a, vnp_SecureHash: hash.toUpperCase() }).valid).toBe(true);
  });

  it("refuses an answer signed for another terminal or with another secret", () => {
    expect(gateway.verifyIpn(answer({ vnp_TmnCode: "OTHER001" })).valid).toBe(false);
    expect(gateway.verifyIpn(answer({}, "another-secret")).valid).toBe(false);
  });

  it("refuses an amount that is not whole đồng, even signed", () => {
    expect(gateway.verifyIpn(answer({ vnp_Amount: "123456750" })).valid).toBe(false);
    expect(gateway.verifyIpn(answer({ vnp_Amount: "-100" })).valid).toBe(false);
  });

  it("ignores vnp_SecureHashType and the merchant's own parameters on the return URL", () => {
    const a = answer();
    expect(gateway.verifyReturn({ ...a, vnp_SecureHashType: "HmacSHA512", invoice: "42" }).valid).toBe(true);
  });

  it("reports a cancelled payment as valid but not successful", () => {
    const r = gateway.verifyReturn(
      answer({
        vnp_ResponseCode: "24",
        vnp_TransactionStatus: "02",
        vnp_TransactionNo: "0",
        vnp_BankTranNo: "",
      }),
    );
    expect(r).toMatchObject({ valid: true, success: false, responseCode: "24", transactionStatus: "02" });
  });

  it("needs both codes to be 00 for success", () => {
    expect(gateway.verifyIpn(answer({ vnp_TransactionStatus: "01" })).success).toBe(false);
    expect(gateway.verifyIpn(answer({ vnp_ResponseCode: "07" })).success).toBe(false);
  });

  it("accepts answers signed by VNPAY's other reference encodings", () => {
    // PHP's urlencode escapes ( ) ! * ~ ' which Node's encodeURIComponent keeps; VNPAY may sign either way.
    const params: Record<string, string> = {
      vnp_Amount: "100000",
      vnp_OrderInfo: "Phi (thang 11)! * ~ 'A'",
      vnp_ResponseCode: "00",
      vnp_TmnCode: "CHUNGCU1",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: "R1",
    };
    const php = (s: string) =>
      encodeURIComponent(s)
        .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, "+");
    const data = Object.keys(params)
      .sort()
      .map((k) => `${k}=${php(params[k] ?? "")}`)
      .join("&");
    const hash = createHmac("sha512", SECRET).update(data).digest("hex");
    expect(gateway.verifyIpn({ ...params, vnp_SecureHash: hash }).valid).toBe(true);
    expect(
      gateway.verifyIpn({ ...params, vnp_SecureHash: hash, vnp_OrderInfo: "Phi (thang 12)! * ~ 'A'" }).valid,
    ).toBe(false);
  });

  it("verifies whatever it signs, and nothing changed after signing (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^vnp_[A-Za-z]{1,12}$/), fc.string({ minLength: 1, maxLength: 40 }), {
          minKeys: 1,
          maxKeys: 8,
        }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (params, other) => {
          const signed = signVnpayParams(params, SECRET);
          expect(verifyVnpayParams(signed, SECRET)).toBe(true);
          // Through a real URL and back, as a browser would carry it.
          const url = vnpayUrl("https://x.vn/r", signed, "vnp_SecureHash");
          expect(verifyVnpayParams(Object.fromEntries(new URL(url).searchParams), SECRET)).toBe(true);
          const key = Object.keys(params)[0] ?? "vnp_A";
          if (params[key] !== other)
            expect(verifyVnpayParams({ ...signed, [key]: other }, SECRET)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("ipnAnswer", () => {
  it("answers with VNPAY's documented codes and messages", () => {
    expect(ipnAnswer("00")).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(ipnAnswer("01")).toEqual({ RspCode: "01", Message: "Order not found" });
    expect(ipnAnswer("02")).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect(ipnAnswer("04")).toEqual({ RspCode: "04", Message: "invalid amount" });
    expect(ipnAnswer("97")).toEqual({ RspCode: "97", Message: "Invalid signature" });
    expect(ipnAnswer("99")).toEqual({ RspCode: "99", Message: "Unknow error" });
  });
});

// -- tokens ---------------------------------------------------------------------------------------------------------

describe("VnpayGateway tokens", () => {
  const tokens = new VnpayGateway({
    tmnCode: "CHUNGCU1",
    hashSecret: SECRET,
    urls: { tokenPayApi: "https://gw.test/token-pay", tokenRemoveApi: "https://gw.test/remove-token" },
    fetch: (async () => new Response("{}")) as typeof fetch,
  });

  it("builds the token_create URL with snake_case parameters and vnp_secure_hash", () => {
    const url = tokens.createToken({
      appUserId: "resident-42",
      txnRef: "TK1",
      description: "Lưu thẻ thanh toán tự động",
      ipAddr: "203.113.131.7",
      returnUrl: "https://demo.chungcu.vn/api/v1/payments/vnpay/token-return",
      cancelUrl: "https://demo.chungcu.vn/app/payments",
      locale: "vn",
      createdAt: new Date("2026-11-05T07:02:37Z"),
      cardType: "01",
    });
    expect(url.startsWith("https://sandbox.vnpayment.vn/tokenUI/create-token.html?")).toBe(true);
    const q = queryOf(url);
    expect(q).toMatchObject({
      vnp_version: "2.1.0",
      vnp_command: "token_create",
      vnp_tmn_code: "CHUNGCU1",
      vnp_app_user_id: "resident-42",
      vnp_card_type: "01",
      vnp_txn_ref: "TK1",
      vnp_txn_desc: "Luu the thanh toan tu dong",
      vnp_create_date: "20261105140237",
      vnp_locale: "vn",
    });
    expect(verifyVnpayParams(q, SECRET, "vnp_secure_hash")).toBe(true);
    expect(verifyVnpayParams(q, SECRET, "vnp_SecureHash")).toBe(false);
  });

  it("reads a token return: token, masked card, owner", () => {
    const back = signVnpayParams(
      {
        vnp_tmn_code: "CHUNGCU1",
        vnp_txn_ref: "TK1",
        vnp_app_user_id: "resident-42",
        vnp_token: "abc123",
        vnp_card_number: "970419xxxxxxxxx2198",
        vnp_card_type: "01",
        vnp_bank_code: "NCB",
        vnp_response_code: "00",
        vnp_transaction_status: "00",
        vnp_command: "token_create",
      },
      SECRET,
      "vnp_secure_hash",
    );
    expect(tokens.verifyTokenReturn(back)).toEqual({
      valid: true,
      txnRef: "TK1",
      appUserId: "resident-42",
      token: "abc123",
      cardNumberMasked: "970419xxxxxxxxx2198",
      cardType: "01",
      bankCode: "NCB",
      responseCode: "00",
      transactionStatus: "00",
      success: true,
    });
    expect(tokens.verifyTokenReturn({ ...back, vnp_app_user_id: "resident-43" }).valid).toBe(false);
  });

  const charge = {
    appUserId: "resident-42",
    token: "abc123",
    txnRef: "AD1",
    amount: 650_000,
    description: "Tu dong thanh toan HD00012345",
    ipAddr: "10.0.0.1",
    createdAt: new Date("2026-11-05T07:02:37Z"),
  };

  function fakeGateway(reply: (sent: Record<string, string>) => Response) {
    return new VnpayGateway({
      tmnCode: "CHUNGCU1",
      hashSecret: SECRET,
      urls: { tokenPayApi: "https://gw.test/token-pay" },
      fetch: (async (_url: string | URL | Request, init?: RequestInit) =>
        reply(Object.fromEntries(new URLSearchParams(String(init?.body))))) as typeof fetch,
    });
  }

  it("charges server to server with a signed request and checks the signed answer", async () => {
    let sent: Record<string, string> = {};
    const gw = fakeGateway((s) => {
      sent = s;
      return Response.json(
        signVnpayParams(
          {
            vnp_tmn_code: "CHUNGCU1",
            vnp_txn_ref: s.vnp_txn_ref ?? "",
            vnp_amount: s.vnp_amount ?? "",
            vnp_response_code: "00",
            vnp_transaction_status: "00",
            vnp_transaction_no: "14422600",
            vnp_bank_code: "NCB",
            vnp_pay_date: "20261105140300",
          },
          SECRET,
          "vnp_secure_hash",
        ),
      );
    });
    const result = await gw.chargeToken(charge);
    expect(verifyVnpayParams(sent, SECRET, "vnp_secure_hash")).toBe(true);
    expect(sent).toMatchObject({ vnp_command: "token_pay", vnp_amount: "65000000", vnp_token: "abc123" });
    expect(result).toEqual({
      valid: true,
      txnRef: "AD1",
      amount: 650_000,
      responseCode: "00",
      transactionStatus: "00",
      gatewayTransactionNo: "14422600",
      bankCode: "NCB",
      payDate: new Date("2026-11-05T07:03:00Z"),
      success: true,
    });
  });

  it("treats an answer about another charge, or unsigned, as invalid", async () => {
    const signedFor = (txnRef: string, amount: string) =>
      fakeGateway(() =>
        Response.json(
          signVnpayParams(
            {
              vnp_tmn_code: "CHUNGCU1",
              vnp_txn_ref: txnRef,
              vnp_amount: amount,
              vnp_response_code: "00",
              vnp_transaction_status: "00",
            },
            SECRET,
            "vnp_secure_hash",
          ),
        ),
      );
    expect((await signedFor("AD2", "65000000").chargeToken(charge)).valid).toBe(false);
    expect((await signedFor("AD1", "100").chargeToken(charge)).valid).toBe(false);
    const unsigned = fakeGateway(() =>
      Response.json({ vnp_tmn_code: "CHUNGCU1", vnp_txn_ref: "AD1", vnp_response_code: "00" }),
    );
    expect(await unsigned.chargeToken(charge)).toMatchObject({ valid: false, success: false });
  });

  it("reports transport failures as errors, never as a declined charge", async () => {
    await expect(
      fakeGateway(() => new Response("oops", { status: 502 })).chargeToken(charge),
    ).rejects.toMatchObject({
      code: "HTTP",
    });
    await expect(fakeGateway(() => new Response("<html>")).chargeToken(charge)).rejects.toMatchObject({
      code: "BAD_RESPONSE",
    });
    const unconfigured = new VnpayGateway({ tmnCode: "CHUNGCU1", hashSecret: SECRET });
    await expect(unconfigured.chargeToken(charge)).rejects.toMatchObject({ code: "NOT_CONFIGURED" });
  });

  it("builds the documented browser variant of token_pay", () => {
    const url = tokens.createTokenPaymentUrl({
      ...charge,
      returnUrl: "https://demo.chungcu.vn/r",
      cancelUrl: "https://demo.chungcu.vn/c",
    });
    expect(url.startsWith("https://sandbox.vnpayment.vn/tokenUI/payment-token.html?")).toBe(true);
    expect(queryOf(url)).toMatchObject({ vnp_command: "token_pay", vnp_amount: "65000000" });
    expect(verifyVnpayParams(queryOf(url), SECRET, "vnp_secure_hash")).toBe(true);
  });
});
