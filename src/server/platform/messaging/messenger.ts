import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { Outbox } from "./outbox.js";
import { HttpSmsGateway, type SmsGateway } from "./sms.js";

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
    };

/** The address part of MAIL_FROM ("Chungcu <no-reply@…>" or a bare address). */
const addressOf = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

/**
 * Sends email through SMTP and SMS through the gateway adapter. In demo mode every message is also
 * kept in the development outbox, and a channel without a transport is served by the outbox alone.
 */
export class Messenger {
  readonly outbox: Outbox | undefined;
  private readonly mail: Transporter | undefined;
  private readonly sms: SmsGateway | undefined;

  constructor(
    private readonly config: Pick<Config, "smtpUrl" | "mailFrom" | "sms" | "demo">,
    private readonly log: Logger,
    sms?: SmsGateway,
  ) {
    this.outbox = config.demo ? new Outbox() : undefined;
    this.mail = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
    this.sms = sms ?? (config.sms ? new HttpSmsGateway(config.sms) : undefined);
  }

  /** Whether a message on this channel can reach anyone. */
  available(channel: Message["channel"]): boolean {
    return Boolean(this.outbox) || (channel === "email" ? Boolean(this.mail) : Boolean(this.sms));
  }

  async send(m: Message): Promise<void> {
    const text = m.channel === "sms" && m.signature ? `${m.text}\n${m.signature}` : m.text;
    this.outbox?.add({
      channel: m.channel,
      to: m.to,
      subject: m.channel === "email" ? m.subject : null,
      text,
    });
    if (m.channel === "email" && this.mail) {
      // Nodemailer quotes and encodes the name: a company's name cannot break the header.
      const from = m.fromName
        ? { name: m.fromName, address: addressOf(this.config.mailFrom) }
        : this.config.mailFrom;
      await this.mail.sendMail({ from, to: m.to, subject: m.subject, text });
    } else if (m.channel === "sms" && this.sms) {
      await this.sms.send(m.to, text);
    } else if (!this.outbox) {
      throw new Error(`no transport configured for ${m.channel}`);
    }
    this.log.debug({ channel: m.channel }, "message sent");
  }

  close(): void {
    this.mail?.close();
  }
}
