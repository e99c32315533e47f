import { normalisePhone } from "../crypto/contact.js";
import { DeliveryError } from "./errors.js";

/** A Zalo Notification Service template message (DESIGN §2 Integrations). */
export type ZnsMessage = {
  phone: string;
  templateId: string;
  params: Record<string, string>;
  /** Ours, returned by Zalo's delivery callbacks. */
  trackingId: string;
};

export interface ZnsGateway {
  send(m: ZnsMessage): Promise<{ providerId: string | null }>;
}

/** 0912345678, +84 912 345 678 or 84912345678 → 84912345678, the form Zalo's API takes. */
export function toZaloPhone(phone: string): string {
  const national = normalisePhone(phone);
  if (!national) throw new DeliveryError("INVALID_PHONE", true, "not a Vietnamese mobile number");
  return `84${national.slice(1)}`;
}

// Zalo codes about this recipient or this template: -108 phone invalid, -109 template id invalid, -112 template
// data invalid, -114 the person is inactive or refuses ZNS, -118 no Zalo account, -119 the account cannot
// receive ZNS, -131 template not approved, -139 the person refused this kind of ZNS. Others, e.g. -124 access
// token invalid (it expires and is renewed), -115/-144 quota, -100 unknown, may pass on a later attempt.
const PERMANENT_CODES = new Set([-108, -109, -112, -114, -118, -119, -131, -139]);

/** Zalo's ZNS API: POST `/message/template` with the Official Account's access token. */
export class HttpZnsGateway implements ZnsGateway {
  constructor(private readonly opts: { url: string; accessToken: string }) {}

  async send(m: ZnsMessage): Promise<{ providerId: string | null }> {
    const phone = toZaloPhone(m.phone);
    let res: Response;
    try {
      res = await fetch(`${this.opts.url.replace(/\/$/, "")}/message/template`, {
        method: "POST",
        headers: { "content-type": "application/json", access_token: this.opts.accessToken },
        body: JSON.stringify({
          phone,
          template_id: m.templateId,
          template_data: m.params,
          tracking_id: m.trackingId,
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new DeliveryError("ZNS_NETWORK", false, `Zalo unreachable: ${(e as Error).message}`);
    }
    if (!res.ok) throw new DeliveryError(`ZNS_HTTP_${res.status}`, false, `Zalo answered HTTP ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as {
      error?: number;
      message?: string;
      data?: { msg_id?: string };
    };
    if (typeof body.error !== "number")
      throw new DeliveryError("ZNS_BAD_ANSWER", false, "Zalo's answer has no error code");
    if (body.error !== 0)
      throw new DeliveryError(
        `ZNS_${body.error}`,
        PERMANENT_CODES.has(body.error),
        `Zalo refused: ${body.error} ${body.message ?? ""}`.trim(),
      );
    return { providerId: body.data?.msg_id ?? null };
  }
}
