import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { DeliveryError } from "./errors.js";
import { Outbox } from "./outbox.js";
import { type PushSubscription, type VapidKeys, WebPushSender } from "./push.js";
import { HttpSmsGateway, type SmsGateway, type SmsType } from "./sms.js";
import { HttpZnsGateway, type ZnsGateway } from "./zalo.js";

export type Message =
  | {
      channel: "email";
      to: string;
      subject: string;
      text: string;
      /** The display name the company sends under ("BQL Chung cư Sen Vàng"); the address stays MAIL_FROM's. */
      fromName?: string | null;
    }
  | {
      channel: "sms";
      to: string;
      text: string;
      /** The company's signature, put at the end of the text ("BQL Sen Vàng"). */
      signature?: string | null;
      /** The brandname route: customer care unless given. */
      smsType?: SmsType;
    }
  | {
      channel: "zalo";
      /** A phone number. */
      to: string;
      /** Our template key ("billing.notice-issued"); its Zalo template id comes from ZALO_ZNS_TEMPLATES. */
      template: string;
      params: Record<string, string>;
      trackingId: string;
    }
  | {
      channel: "push";
      subscription: PushSubscription;
      title: string;
      body: string;
      /** Where a tap on the notification leads, in the app. */
      url: string;
      /** A newer notification with the same tag replaces the older one on the device. */
      tag?: string;
      urgency?: "normal" | "high";
    };

type Channel = Message["channel"];

/** The address part of MAIL_FROM ("Chungcu <no-reply@…>" or a bare address). */
const addressOf = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

// What the app's own list shows stays there; a push the device has not received within a day is noise.
const PUSH_TTL_SECONDS = 24 * 3600;

type Sent = { providerId: string | null };

/**
 * Sends email through SMTP, SMS through the brandname gateway, Zalo ZNS template messages and Web Push. In demo
 * mode every message is also kept in the development outbox, and a channel without a transport (push aside: it
 * needs the installation's VAPID keys) is served by the outbox alone.
 */
export class Messenger {
  readonly outbox: Outbox | undefined;
  private readonly mail: Transporter | undefined;
  private readonly sms: SmsGateway | undefined;
  private readonly zns: ZnsGateway | undefined;
  private push: WebPushSender | undefined;

  constructor(
    private readonly config: Pick<
      Config,
      "env" | "smtpUrl" | "mailFrom" | "publicUrl" | "sms" | "zalo" | "demo"
    >,
    private readonly log: Logger,
    /** Replace the HTTP gateways (tests capture messages at the edge). */
    gateways: { sms?: SmsGateway; zns?: ZnsGateway } = {},
  ) {
    this.outbox = config.demo ? new Outbox() : undefined;
    this.mail = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
    this.sms = gateways.sms ?? (config.sms ? new HttpSmsGateway(config.sms) : undefined);
    this.zns = gateways.zns ?? (config.zalo ? new HttpZnsGateway(config.zalo) : undefined);
  }

  /** Whether a message on this channel can reach anyone. */
  available(channel: Channel): boolean {
    if (channel === "push") return Boolean(this.push);
    const transport = { email: this.mail, sms: this.sms, zalo: this.zns }[channel];
    return Boolean(this.outbox) || Boolean(transport);
  }

  /** Sets the installation's VAPID keys (kept in the database): push messages are sent from now on. */
  setPushKeys(keys: VapidKeys): void {
    // The push service's operator may write to whoever runs the installation; VAPID takes https: or mailto: only.
    const subject = this.config.publicUrl.startsWith("https://")
      ? this.config.publicUrl
      : `mailto:${addressOf(this.config.mailFrom)}`;
    this.push = new WebPushSender({ ...keys, subject }, { allowHttpEndpoints: this.config.env === "test" });
  }

  /** The application server key browsers subscribe with, once the VAPID keys are set. */
  pushPublicKey(): string | null {
    return this.push?.publicKey ?? null;
  }

  /** Throws a DeliveryError when the message cannot be delivered (see its `permanent`). */
  async send(m: Message): Promise<Sent> {
    const sent = await this.deliver(m);
    this.log.debug({ channel: m.channel }, "message sent");
    return sent;
  }

  private async deliver(m: Message): Promise<Sent> {
    switch (m.channel) {
      case "email": {
        this.outbox?.add({ channel: "email", to: m.to, subject: m.subject, text: m.text });
        if (!this.mail) return this.outboxOnly(m.channel);
        // Nodemailer quotes and encodes the name: a company's name cannot break the header.
        const from = m.fromName
          ? { name: m.fromName, address: addressOf(this.config.mailFrom) }
          : this.config.mailFrom;
        const info = await this.mail.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
        return { providerId: info.messageId ?? null };
      }
      case "sms": {
        const text = m.signature ? `${m.text}\n${m.signature}` : m.text;
        this.outbox?.add({ channel: "sms", to: m.to, subject: null, text });
        if (!this.sms) return this.outboxOnly(m.channel);
        return this.sms.send(m.to, text, m.smsType ?? "care");
      }
      case "zalo": {
        const templateId = this.zaloTemplateId(m.template);
        const params = Object.entries(m.params).map(([key, value]) => `${key}=${value}`);
        this.outbox?.add({
          channel: "zalo",
          to: m.to,
          subject: null,
          text: `${m.template}: ${params.join(", ")}`,
        });
        if (!this.zns) return this.outboxOnly(m.channel);
        return this.zns.send({ phone: m.to, templateId, params: m.params, trackingId: m.trackingId });
      }
      case "push": {
        const { endpoint } = m.subscription;
        this.outbox?.add({
          channel: "push",
          to: URL.canParse(endpoint) ? new URL(endpoint).origin : endpoint,
          subject: null,
          text: `${m.title}\n${m.body}`,
        });
        if (!this.push) return this.outboxOnly(m.channel);
        return this.push.send(
          m.subscription,
          { title: m.title, body: m.body, url: m.url, tag: m.tag },
          { ttlSeconds: PUSH_TTL_SECONDS, urgency: m.urgency ?? "normal" },
        );
      }
    }
  }

  /** With Zalo configured, the approved template's id; a gateway put in by a test gets our key. */
  private zaloTemplateId(template: string): string {
    if (!this.config.zalo) return template;
    const { templates } = this.config.zalo;
    const id = Object.hasOwn(templates, template) ? templates[template] : undefined;
    if (!id)
      throw new DeliveryError(
        "ZNS_NO_TEMPLATE",
        true,
        `no Zalo template id for ${template} in ZALO_ZNS_TEMPLATES`,
      );
    return id;
  }

  private outboxOnly(channel: Channel): Sent {
    if (!this.outbox) throw new DeliveryError("NO_TRANSPORT", true, `no transport configured for ${channel}`);
    return { providerId: null };
  }

  close(): void {
    this.mail?.close();
  }
}
