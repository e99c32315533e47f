import webpush from "web-push";
import { DeliveryError } from "./errors.js";

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export type PushSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

/** The installation's VAPID key pair (base64url: the public key as the uncompressed P-256 point). */
export type VapidKeys = { publicKey: string; privateKey: string };

/** What the service worker shows (src/web/public/push-sw.js). */
export type PushNotification = { title: string; body: string; url: string; tag?: string };

export const generateVapidKeys = (): VapidKeys => webpush.generateVAPIDKeys();

// Push services take 4 KB of encrypted payload (413 beyond), and a notification shows a few lines anyway.
const BODY_MAX_CHARS = 500;

/** Answers of the push service that sending again cannot change; any other (401, 429, 5xx) may pass later. */
const REFUSALS: Partial<Record<number, [code: string, permanent: true]>> = {
  400: ["PUSH_BAD_REQUEST", true],
  // The subscription was made for another application server key: it will never take ours.
  403: ["PUSH_FORBIDDEN", true],
  404: ["PUSH_GONE", true],
  410: ["PUSH_GONE", true],
  413: ["PUSH_TOO_LARGE", true],
};
const base64urlBytes = (value: string) => Buffer.from(value, "base64url").length;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm-encrypted payload (RFC 8291): web-push builds the
 * request, fetch sends it.
 */
export class WebPushSender {
  constructor(
    private readonly vapid: VapidKeys & {
      /** Who runs the installation: its https address or a mailto: address, for the push service's operator. */
      subject: string;
    },
    // Browsers only hand out https endpoints; tests run a push service on plain http.
    private readonly opts: { allowHttpEndpoints?: boolean } = {},
  ) {
    if (base64urlBytes(vapid.publicKey) !== 65 || base64urlBytes(vapid.privateKey) !== 32)
      throw new Error(
        "VAPID keys must be a P-256 public key (65 bytes) and private key (32 bytes), base64url",
      );
  }

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(
    subscription: PushSubscription,
    notification: PushNotification,
    options: { ttlSeconds: number; urgency: "normal" | "high" },
  ): Promise<{ providerId: string | null }> {
    this.checkSubscription(subscription);
    const body = [...notification.body];
    const payload = JSON.stringify({
      ...notification,
      body:
        body.length > BODY_MAX_CHARS ? `${body.slice(0, BODY_MAX_CHARS - 1).join("")}…` : notification.body,
    });
    const request = webpush.generateRequestDetails(subscription, payload, {
      vapidDetails: this.vapid,
      TTL: options.ttlSeconds,
      urgency: options.urgency,
      contentEncoding: "aes128gcm",
    });
    const headers = Object.fromEntries(
      Object.entries(request.headers)
        .filter(([name]) => name.toLowerCase() !== "content-length")
        .map(([name, value]) => [name, String(value)]),
    );
    let res: Response;
    try {
      res = await fetch(request.endpoint, {
        method: "POST",
        headers,
        body: new Uint8Array(request.body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new DeliveryError("PUSH_NETWORK", false, `push service unreachable: ${(e as Error).message}`);
    }
    const answer = await res.text().catch(() => "");
    if (res.ok) return { providerId: res.headers.get("location") };
    const [code, permanent] = REFUSALS[res.status] ?? [`PUSH_HTTP_${res.status}`, false];
    throw new DeliveryError(
      code,
      permanent,
      `push service answered ${res.status} ${answer.slice(0, 200)}`.trim(),
    );
  }

  private checkSubscription(s: PushSubscription): void {
    const refuse = (why: string) => {
      throw new DeliveryError("PUSH_BAD_SUBSCRIPTION", true, why);
    };
    if (!URL.canParse(s.endpoint)) refuse("the endpoint is not a URL");
    const { protocol } = new URL(s.endpoint);
    if (protocol !== "https:" && !(protocol === "http:" && this.opts.allowHttpEndpoints))
      refuse("the endpoint is not https");
    if (base64urlBytes(s.keys.p256dh) !== 65) refuse("p256dh is not a P-256 public key");
    if (base64urlBytes(s.keys.auth) < 16) refuse("auth is shorter than 16 bytes");
  }
}
