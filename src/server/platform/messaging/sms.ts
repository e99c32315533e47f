import { DeliveryError } from "./errors.js";
import { withoutDiacritics } from "./sms-text.js";

/** A brandname message's kind: customer care and one-time codes go on the care route, advertising on its own. */
export type SmsType = "care" | "otp" | "ads";

/** SMS brandname gateway adapter (DESIGN §2 Integrations). */
export interface SmsGateway {
  send(phone: string, text: string, type: SmsType): Promise<{ providerId: string | null }>;
}

const ESMS_SMS_TYPE: Record<SmsType, string> = { care: "2", otp: "2", ads: "1" };

// eSMS codes about this number or this text: 99 number blocked, 108 number malformed, 146 text does not match a
// registered care template, 177 the number's network is not registered for the brandname. Account and balance
// codes (101 keys, 103 balance, 104 brandname…) are fixed by the operator, after which sending again helps.
const PERMANENT_CODES = new Set(["99", "108", "146", "177"]);

/**
 * HTTP gateway shaped like eSMS's brandname API: POST JSON with ApiKey, SecretKey, Phone, Content, Brandname,
 * SmsType and IsUnicode; success is CodeResult "100" with the message's SMSID. A route without Unicode gets the
 * text without diacritics.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly opts: {
      url: string;
      apiKey: string;
      secretKey: string;
      brandname: string;
      unicode: boolean;
    },
  ) {}

  async send(phone: string, text: string, type: SmsType): Promise<{ providerId: string | null }> {
    let res: Response;
    try {
      res = await fetch(this.opts.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ApiKey: this.opts.apiKey,
          SecretKey: this.opts.secretKey,
          Phone: phone,
          Content: this.opts.unicode ? text : withoutDiacritics(text),
          Brandname: this.opts.brandname,
          SmsType: ESMS_SMS_TYPE[type],
          IsUnicode: this.opts.unicode ? "1" : "0",
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new DeliveryError("SMS_NETWORK", false, `SMS gateway unreachable: ${(e as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as {
      CodeResult?: string;
      SMSID?: string;
      ErrorMessage?: string;
    };
    if (!res.ok)
      throw new DeliveryError(`SMS_HTTP_${res.status}`, false, `SMS gateway answered HTTP ${res.status}`);
    if (body.CodeResult !== "100") {
      const code = body.CodeResult ?? "NO_RESULT";
      throw new DeliveryError(
        `SMS_${code}`,
        PERMANENT_CODES.has(code),
        `SMS gateway refused: ${code} ${body.ErrorMessage ?? ""}`.trim(),
      );
    }
    return { providerId: body.SMSID ?? null };
  }
}
