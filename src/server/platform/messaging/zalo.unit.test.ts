import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZaloServer } from "../../../../test/helpers/zalo-server.js";
import { ConfigError, loadConfig } from "../../config.js";
import { DeliveryError } from "./errors.js";
import { HttpZnsGateway, toZaloPhone, type ZnsMessage } from "./zalo.js";

const TOKEN = "oa-access-token";
let zalo: Awaited<ReturnType<typeof startZaloServer>>;
const message: ZnsMessage = {
  phone: "0912345678",
  templateId: "231231",
  params: { unit: "A-12.05", amount: "1.250.000", due_date: "15/07/2026" },
  trackingId: "delivery-1",
};
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the send succeeded"),
    (e: unknown) => {
      expect(e).toBeInstanceOf(DeliveryError);
      return e as DeliveryError;
    },
  );

beforeAll(async () => {
  zalo = await startZaloServer(TOKEN);
});
afterAll(() => zalo.close());

describe("toZaloPhone", () => {
  it("writes a Vietnamese mobile number as 84…, however it was typed", () => {
    expect(toZaloPhone("0912345678")).toBe("84912345678");
    expect(toZaloPhone("+84 912 345 678")).toBe("84912345678");
    expect(toZaloPhone("84912345678")).toBe("84912345678");
    fc.assert(
      fc.property(fc.constantFrom(..."35789"), fc.stringMatching(/^\d{8}$/), (first, rest) => {
        const subscriber = first + rest;
        for (const typed of [`0${subscriber}`, `+84${subscriber}`, `84${subscriber}`])
          expect(toZaloPhone(typed)).toBe(`84${subscriber}`);
      }),
    );
  });

  it("refuses anything else for good", () => {
    for (const typed of ["", "091234567", "02438251234", "+1 202 555 0100", "0212345678", "zalo"])
      expect(() => toZaloPhone(typed), typed).toThrow(
        expect.objectContaining({ name: "DeliveryError", code: "INVALID_PHONE", permanent: true }),
      );
  });
});

describe("HttpZnsGateway", () => {
  const gateway = (accessToken = TOKEN, url = zalo.url) => new HttpZnsGateway({ url, accessToken });

  it("posts the template message with the access token and returns Zalo's msg_id", async () => {
    const sent = await gateway().send(message);
    expect(zalo.messages.at(-1)).toEqual({
      phone: "84912345678",
      template_id: "231231",
      template_data: message.params,
      tracking_id: "delivery-1",
    });
    expect(sent.providerId).toMatch(/^[0-9a-f]{32}$/);
    await gateway(TOKEN, `${zalo.url}/`).send(message);
    expect(zalo.messages).toHaveLength(2);
  });

  it("refuses for good a phone without Zalo, and for now an invalid token or an empty quota", async () => {
    zalo.refuseNext(-118, "Zalo account not existed");
    const noZalo = await refusal(gateway().send(message));
    expect(noZalo).toMatchObject({ code: "ZNS_-118", permanent: true });
    expect(noZalo.message).toContain("Zalo account not existed");

    expect(await refusal(gateway("expired-token").send(message))).toMatchObject({
      code: "ZNS_-124",
      permanent: false,
    });

    zalo.refuseNext(-115, "Out of quota");
    expect(await refusal(gateway().send(message))).toMatchObject({ code: "ZNS_-115", permanent: false });
  });

  it("refuses an invalid number before calling Zalo", async () => {
    const before = zalo.messages.length;
    expect(await refusal(gateway().send({ ...message, phone: "12345" }))).toMatchObject({
      code: "INVALID_PHONE",
      permanent: true,
    });
    expect(zalo.messages).toHaveLength(before);
  });

  it("treats an HTTP error and an unreachable Zalo as worth another attempt", async () => {
    zalo.failNext(502);
    expect(await refusal(gateway().send(message))).toMatchObject({ code: "ZNS_HTTP_502", permanent: false });
    const closed = await startZaloServer(TOKEN);
    await closed.close();
    expect(await refusal(gateway(TOKEN, closed.url).send(message))).toMatchObject({
      code: "ZNS_NETWORK",
      permanent: false,
    });
  });
});

describe("Zalo configuration", () => {
  const load = (env: Record<string, string>) =>
    loadConfig({ NODE_ENV: "test", ...env }, { masterKey: Buffer.alloc(32, 1) });

  it("is off without an access token and reads the template ids with it", () => {
    expect(load({}).zalo).toBeUndefined();
    expect(
      load({
        ZALO_ACCESS_TOKEN: TOKEN,
        ZALO_ZNS_TEMPLATES: '{"billing.notice-issued":"231231","tickets.resolved":231232}',
      }).zalo,
    ).toEqual({
      url: "https://business.openapi.zalo.me",
      accessToken: TOKEN,
      templates: { "billing.notice-issued": "231231", "tickets.resolved": "231232" },
    });
    expect(load({ ZALO_ACCESS_TOKEN: TOKEN, ZALO_ZNS_URL: zalo.url }).zalo).toMatchObject({
      url: zalo.url,
      templates: {},
    });
  });

  it("names a template map that is not JSON of ids, or that has no token to be sent with", () => {
    expect(() => load({ ZALO_ACCESS_TOKEN: TOKEN, ZALO_ZNS_TEMPLATES: "{billing: 1}" })).toThrow(
      /ZALO_ZNS_TEMPLATES.*must be a JSON object/,
    );
    expect(() => load({ ZALO_ACCESS_TOKEN: TOKEN, ZALO_ZNS_TEMPLATES: '{"billing":"abc"}' })).toThrow(
      /ZALO_ZNS_TEMPLATES\.billing.*template id/,
    );
    expect(() => load({ ZALO_ZNS_TEMPLATES: '{"billing":"1"}' })).toThrow(ConfigError);
    expect(() => load({ ZALO_ZNS_TEMPLATES: '{"billing":"1"}' })).toThrow(/without ZALO_ACCESS_TOKEN/);
  });
});
