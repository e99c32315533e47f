import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPushService } from "../../../../test/helpers/push-service.js";
import { DeliveryError } from "./errors.js";
import { generateVapidKeys, type PushSubscription, WebPushSender } from "./push.js";

const keys = generateVapidKeys();
const sender = new WebPushSender(
  { ...keys, subject: "mailto:bql@senvang.example" },
  { allowHttpEndpoints: true },
);
const notification = {
  title: "Hoá đơn tháng 7",
  body: "Căn hộ A-12.05: 1.250.000 ₫, hạn 15/07",
  url: "/app/invoices/123",
  tag: "invoice-123",
};
const options = { ttlSeconds: 3600, urgency: "normal" as const };
let push: Awaited<ReturnType<typeof startPushService>>;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the send succeeded"),
    (e: unknown) => {
      expect(e).toBeInstanceOf(DeliveryError);
      return e as DeliveryError;
    },
  );

beforeAll(async () => {
  push = await startPushService();
});
afterAll(() => push.close());

describe("WebPushSender", () => {
  it("delivers a payload that the subscribed browser decrypts, signed for the push service's origin", async () => {
    const subscription = push.subscribe(keys.publicKey);
    const sent = await sender.send(subscription, notification, { ttlSeconds: 3600, urgency: "high" });
    const received = push.received.at(-1);
    expect(received?.endpoint).toBe(subscription.endpoint);
    expect(JSON.parse(received?.payload ?? "")).toEqual(notification);
    expect(received).toMatchObject({
      ttl: 3600,
      urgency: "high",
      vapid: { aud: push.origin, sub: "mailto:bql@senvang.example" },
    });
    expect(sent.providerId).toMatch(new RegExp(`^${push.origin}/message/[0-9a-f-]{36}$`));
  });

  it("sends no tag when there is none, and shortens a long body", async () => {
    const subscription = push.subscribe(keys.publicKey);
    await sender.send(subscription, { title: "Thông báo", body: "ê".repeat(2000), url: "/app" }, options);
    const payload = JSON.parse(push.received.at(-1)?.payload ?? "");
    expect(Object.keys(payload).sort()).toEqual(["body", "title", "url"]);
    expect(payload.body).toBe(`${"ê".repeat(499)}…`);
  });

  it("reports a subscription the browser dropped as gone for good", async () => {
    const subscription = push.subscribe(keys.publicKey);
    push.cancel(subscription);
    expect(await refusal(sender.send(subscription, notification, options))).toMatchObject({
      code: "PUSH_GONE",
      permanent: true,
    });
  });

  it("is refused for good by a subscription made for another application server key", async () => {
    const subscription = push.subscribe(generateVapidKeys().publicKey);
    const before = push.received.length;
    expect(await refusal(sender.send(subscription, notification, options))).toMatchObject({
      code: "PUSH_FORBIDDEN",
      permanent: true,
    });
    expect(push.received).toHaveLength(before);
  });

  it("tells which refusals are final: 400 and 413 are, 429 and 5xx and an unreachable service are not", async () => {
    const subscription = push.subscribe(keys.publicKey);
    for (const [status, code, permanent] of [
      [400, "PUSH_BAD_REQUEST", true],
      [413, "PUSH_TOO_LARGE", true],
      [429, "PUSH_HTTP_429", false],
      [503, "PUSH_HTTP_503", false],
    ] as const) {
      push.failNext(status);
      expect(await refusal(sender.send(subscription, notification, options)), String(status)).toMatchObject({
        code,
        permanent,
      });
    }
    const closed = await startPushService();
    const unreachable = closed.subscribe(keys.publicKey);
    await closed.close();
    expect(await refusal(sender.send(unreachable, notification, options))).toMatchObject({
      code: "PUSH_NETWORK",
      permanent: false,
    });
    const httpsOnly = new WebPushSender({ ...keys, subject: "https://chungcu.example.vn" });
    const httpsEndpoint = { ...unreachable, endpoint: "https://127.0.0.1:9/push/1" };
    expect(await refusal(httpsOnly.send(httpsEndpoint, notification, options))).toMatchObject({
      code: "PUSH_NETWORK",
    });
  });

  it("refuses for good a subscription it cannot use, before sending anything", async () => {
    const subscription = push.subscribe(keys.publicKey);
    const before = push.received.length;
    const httpsOnly = new WebPushSender({ ...keys, subject: "https://chungcu.example.vn" });
    const broken: PushSubscription[] = [
      { ...subscription, endpoint: "not a url" },
      { ...subscription, keys: { ...subscription.keys, p256dh: "c2hvcnQ" } },
      { ...subscription, keys: { ...subscription.keys, auth: "c2hvcnQ" } },
    ];
    for (const s of broken)
      expect(await refusal(sender.send(s, notification, options))).toMatchObject({
        code: "PUSH_BAD_SUBSCRIPTION",
        permanent: true,
      });
    expect(await refusal(httpsOnly.send(subscription, notification, options))).toMatchObject({
      code: "PUSH_BAD_SUBSCRIPTION",
      permanent: true,
    });
    expect(push.received).toHaveLength(before);
  });
});

describe("VAPID keys", () => {
  it("generates a P-256 key pair for each installation and refuses keys of another shape", () => {
    const other = generateVapidKeys();
    expect(Buffer.from(keys.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(keys.privateKey, "base64url")).toHaveLength(32);
    expect(other.privateKey).not.toBe(keys.privateKey);
    for (const wrong of [
      { ...keys, publicKey: keys.privateKey },
      { ...keys, privateKey: keys.publicKey },
    ])
      expect(() => new WebPushSender({ ...wrong, subject: "mailto:a@b.c" })).toThrow(/VAPID keys/);
  });
});
