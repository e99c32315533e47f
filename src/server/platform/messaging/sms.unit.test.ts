import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmsGatewayServer } from "../../../../test/helpers/sms-gateway-server.js";
import { DeliveryError } from "./errors.js";
import { HttpSmsGateway } from "./sms.js";

const keys = { apiKey: "esms-api-key", secretKey: "esms-secret-key" };
let esms: Awaited<ReturnType<typeof startSmsGatewayServer>>;
const gateway = (unicode: boolean, over: Partial<typeof keys> = {}) =>
  new HttpSmsGateway({ url: esms.url, ...keys, ...over, brandname: "BQL_SENVANG", unicode });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the send succeeded"),
    (e: unknown) => {
      expect(e).toBeInstanceOf(DeliveryError);
      return e as DeliveryError;
    },
  );

beforeAll(async () => {
  esms = await startSmsGatewayServer(keys);
});
afterAll(() => esms.close());

describe("HttpSmsGateway (eSMS)", () => {
  it("posts eSMS's JSON without diacritics on a route without Unicode and returns the SMSID", async () => {
    const sent = await gateway(false).send("0912345678", "Căn hộ A-1203: Đặng Thị Hường nợ phí", "care");
    expect(esms.requests.at(-1)).toEqual({
      ApiKey: keys.apiKey,
      SecretKey: keys.secretKey,
      Phone: "0912345678",
      Content: "Can ho A-1203: Dang Thi Huong no phi",
      Brandname: "BQL_SENVANG",
      SmsType: "2",
      IsUnicode: "0",
    });
    expect(sent.providerId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps the text as written on a Unicode route", async () => {
    await gateway(true).send("0912345678", "Mã xác nhận: 123456", "otp");
    expect(esms.requests.at(-1)).toMatchObject({ Content: "Mã xác nhận: 123456", IsUnicode: "1" });
  });

  it("sends care and one-time codes as SmsType 2 and advertising as SmsType 1", async () => {
    for (const [type, smsType] of [
      ["care", "2"],
      ["otp", "2"],
      ["ads", "1"],
    ] as const) {
      await gateway(false).send("0912345678", "x", type);
      expect(esms.requests.at(-1)?.SmsType, type).toBe(smsType);
    }
  });

  it("turns a refusal into a DeliveryError, permanent only when it is about the number or the text", async () => {
    esms.refuseNext("146", "Sai template Brandname CSKH");
    const template = await refusal(gateway(false).send("0912345678", "x", "care"));
    expect(template).toMatchObject({ code: "SMS_146", permanent: true });
    expect(template.message).toContain("Sai template Brandname CSKH");

    esms.refuseNext("103", "Not enough balance");
    expect(await refusal(gateway(false).send("0912345678", "x", "care"))).toMatchObject({
      code: "SMS_103",
      permanent: false,
    });

    expect(
      await refusal(gateway(false, { secretKey: "wrong" }).send("0912345678", "x", "care")),
    ).toMatchObject({
      code: "SMS_101",
      permanent: false,
    });
  });

  it("treats an HTTP error and an unreachable gateway as worth another attempt", async () => {
    esms.failNext(503);
    expect(await refusal(gateway(false).send("0912345678", "x", "care"))).toMatchObject({
      code: "SMS_HTTP_503",
      permanent: false,
    });
    const closed = await startSmsGatewayServer(keys);
    await closed.close();
    const unreachable = new HttpSmsGateway({ url: closed.url, ...keys, brandname: "B", unicode: false });
    expect(await refusal(unreachable.send("0912345678", "x", "care"))).toMatchObject({
      code: "SMS_NETWORK",
      permanent: false,
    });
  });
});
