import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPushService } from "../../../../test/helpers/push-service.js";
import { startSmtpServer } from "../../../../test/helpers/smtp.js";
import { startZaloServer } from "../../../../test/helpers/zalo-server.js";
import { DeliveryError } from "./errors.js";
import { type Message, Messenger } from "./messenger.js";
import { generateVapidKeys } from "./push.js";
import type { SmsGateway, SmsType } from "./sms.js";
import type { ZnsGateway, ZnsMessage } from "./zalo.js";

const log = pino({ level: "silent" });
const base = {
  env: "test" as const,
  smtpUrl: undefined,
  mailFrom: "BQL Sen Vàng <bql@senvang.example>",
  publicUrl: "http://localhost:3000",
  sms: undefined,
  zalo: undefined,
  demo: false,
};
const vapid = generateVapidKeys();
const zaloMessage = {
  channel: "zalo",
  to: "0912345678",
  template: "billing.notice-issued",
  params: { unit: "A-12.05", amount: "1.250.000" },
  trackingId: "delivery-7",
} as const;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("the send succeeded"),
    (e: unknown) => {
      expect(e).toBeInstanceOf(DeliveryError);
      return e as DeliveryError;
    },
  );

class CapturingSms implements SmsGateway {
  readonly sent: { phone: string; text: string; type: SmsType }[] = [];
  async send(phone: string, text: string, type: SmsType) {
    this.sent.push({ phone, text, type });
    return { providerId: "sms-1" };
  }
}

class CapturingZns implements ZnsGateway {
  readonly sent: ZnsMessage[] = [];
  async send(m: ZnsMessage) {
    this.sent.push(m);
    return { providerId: "zns-1" };
  }
}

let push: Awaited<ReturnType<typeof startPushService>>;
let zalo: Awaited<ReturnType<typeof startZaloServer>>;
beforeAll(async () => {
  [push, zalo] = await Promise.all([startPushService(), startZaloServer("oa-token")]);
});
afterAll(() => Promise.all([push.close(), zalo.close()]));

describe("Messenger", () => {
  it("keeps every channel's messages in the demo outbox when no transport is configured", async () => {
    const messenger = new Messenger({ ...base, demo: true }, log);
    const subscription = push.subscribe(vapid.publicKey);
    const messages: Message[] = [
      { channel: "email", to: "an@example.vn", subject: "Hoá đơn", text: "Xin chào" },
      { channel: "sms", to: "0912345678", text: "Mã 123456", signature: "BQL Sen Vàng" },
      zaloMessage,
      {
        channel: "push",
        subscription,
        title: "Hoá đơn tháng 7",
        body: "1.250.000 ₫",
        url: "/app/invoices/1",
      },
    ];
    for (const m of messages) expect(await messenger.send(m)).toEqual({ providerId: null });
    expect(
      messenger.outbox?.list().map(({ channel, to, subject, text }) => ({ channel, to, subject, text })),
    ).toEqual([
      { channel: "push", to: push.origin, subject: null, text: "Hoá đơn tháng 7\n1.250.000 ₫" },
      {
        channel: "zalo",
        to: "0912345678",
        subject: null,
        text: "billing.notice-issued: unit=A-12.05, amount=1.250.000",
      },
      { channel: "sms", to: "0912345678", subject: null, text: "Mã 123456\nBQL Sen Vàng" },
      { channel: "email", to: "an@example.vn", subject: "Hoá đơn", text: "Xin chào" },
    ]);
    expect(push.received.filter((r) => r.endpoint === subscription.endpoint)).toEqual([]);
    expect(["email", "sms", "zalo"].map((c) => messenger.available(c as Message["channel"]))).toEqual([
      true,
      true,
      true,
    ]);
    expect(messenger.available("push")).toBe(false);
  });

  it("refuses what no transport can carry outside demo mode", async () => {
    const messenger = new Messenger(base, log);
    for (const channel of ["email", "sms", "zalo", "push"] as const)
      expect(messenger.available(channel)).toBe(false);
    expect(await refusal(messenger.send(zaloMessage))).toMatchObject({
      code: "NO_TRANSPORT",
      permanent: true,
    });
    expect(await refusal(messenger.send({ channel: "sms", to: "0912345678", text: "x" }))).toMatchObject({
      code: "NO_TRANSPORT",
    });
  });

  it("sends SMS as customer care unless told otherwise, with the signature", async () => {
    const capture = new CapturingSms();
    const messenger = new Messenger(base, log, { sms: capture });
    expect(messenger.available("sms")).toBe(true);
    await messenger.send({ channel: "sms", to: "0912345678", text: "Nhắc phí", signature: "BQL" });
    await messenger.send({ channel: "sms", to: "0912345678", text: "Mã 123456", smsType: "otp" });
    expect(capture.sent).toEqual([
      { phone: "0912345678", text: "Nhắc phí\nBQL", type: "care" },
      { phone: "0912345678", text: "Mã 123456", type: "otp" },
    ]);
  });

  it("sends Zalo messages under the template id configured for our key", async () => {
    const config = {
      ...base,
      demo: true,
      zalo: {
        url: zalo.url,
        accessToken: "oa-token",
        templates: { "billing.notice-issued": "231231" },
        webhookSecret: undefined,
      },
    };
    const messenger = new Messenger(config, log);
    const sent = await messenger.send(zaloMessage);
    expect(zalo.messages.at(-1)).toEqual({
      phone: "84912345678",
      template_id: "231231",
      template_data: zaloMessage.params,
      tracking_id: "delivery-7",
    });
    expect(sent.providerId).toMatch(/^[0-9a-f]{32}$/);
    expect(messenger.outbox?.list()).toHaveLength(1);

    for (const template of ["tickets.resolved", "constructor"])
      expect(await refusal(messenger.send({ ...zaloMessage, template }))).toMatchObject({
        code: "ZNS_NO_TEMPLATE",
        permanent: true,
      });
    expect(zalo.messages).toHaveLength(1);
    expect(messenger.outbox?.list()).toHaveLength(1);
  });

  it("hands a gateway put in by a test our template key when Zalo is not configured", async () => {
    const capture = new CapturingZns();
    const messenger = new Messenger(base, log, { zns: capture });
    expect(messenger.available("zalo")).toBe(true);
    expect(await messenger.send(zaloMessage)).toEqual({ providerId: "zns-1" });
    expect(capture.sent).toEqual([
      {
        phone: "0912345678",
        templateId: "billing.notice-issued",
        params: zaloMessage.params,
        trackingId: "delivery-7",
      },
    ]);
  });

  it("sends push once the installation's VAPID keys are set, signed as whoever runs it", async () => {
    const messenger = new Messenger(base, log);
    expect(messenger.pushPublicKey()).toBeNull();
    messenger.setPushKeys(vapid);
    expect(messenger.pushPublicKey()).toBe(vapid.publicKey);
    expect(messenger.available("push")).toBe(true);
    const subscription = push.subscribe(vapid.publicKey);
    const notice = {
      title: "Mất nước",
      body: "Tầng 12 mất nước 14h–16h",
      url: "/app/announcements/9",
      tag: "a-9",
    };
    const sent = await messenger.send({ channel: "push", subscription, ...notice, urgency: "high" });
    expect(sent.providerId).toContain(`${push.origin}/message/`);
    const received = push.received.at(-1);
    expect(JSON.parse(received?.payload ?? "")).toEqual(notice);
    expect(received).toMatchObject({
      ttl: 86400,
      urgency: "high",
      vapid: { sub: "mailto:bql@senvang.example" },
    });

    const https = new Messenger({ ...base, publicUrl: "https://chungcu.example.vn" }, log);
    https.setPushKeys(vapid);
    await https.send({ channel: "push", subscription, title: "t", body: "b", url: "/app" });
    expect(push.received.at(-1)).toMatchObject({
      urgency: "normal",
      vapid: { sub: "https://chungcu.example.vn" },
    });
  });

  it("sends email through SMTP and returns its Message-ID", async () => {
    const smtp = await startSmtpServer();
    const messenger = new Messenger({ ...base, smtpUrl: smtp.url }, log);
    try {
      const sent = await messenger.send({
        channel: "email",
        to: "an@example.vn",
        subject: "Hoá đơn",
        text: "Xin chào",
      });
      expect(sent.providerId).toMatch(/^<.+@.+>$/);
      expect(smtp.mails.at(-1)?.raw).toContain(`Message-ID: ${sent.providerId}`);
    } finally {
      messenger.close();
      await smtp.close();
    }
  });
});
