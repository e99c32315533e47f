import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { PushSubscription } from "../../src/server/platform/messaging/push.js";

/** A push message as the browser behind the subscription would read it. */
export type ReceivedPush = {
  endpoint: string;
  ttl: number;
  urgency: string | undefined;
  /** The decrypted payload. */
  payload: string;
  vapid: { aud: string; exp: number; sub: string };
};

type Subscriber = { ecdh: ECDH; auth: Buffer; applicationServerKey: string; gone: boolean };

/**
 * A Web Push service on 127.0.0.1 playing the browser's part too: `subscribe()` makes a subscription with its
 * own P-256 key pair and auth secret, bound to an application server key as a browser's is. A message is
 * accepted (201 with a Location) only when its VAPID header verifies (RFC 8292: ES256 over the JWT with the key
 * in `k`, aud the service's origin, exp in the next 24 hours) and its aes128gcm body decrypts (RFC 8291/8188)
 * with the subscription's private key. A cancelled subscription answers 410.
 */
export async function startPushService() {
  const subscribers = new Map<string, Subscriber>();
  const received: ReceivedPush[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, text = "", headers: Record<string, string> = {}) =>
        res.writeHead(status, { "content-type": "text/plain", ...headers }).end(text);
      const endpoint = `${origin}${req.url}`;
      const subscriber = subscribers.get(endpoint);
      if (req.method !== "POST" || !subscriber) return answer(404, "no such subscription");
      if (subscriber.gone) return answer(410, "subscription expired or unsubscribed");
      const status = answers.shift();
      if (status) return answer(status, "as told");
      let vapid: ReceivedPush["vapid"] & { key: string };
      let payload: string;
      try {
        vapid = verifyVapid(req.headers.authorization ?? "", origin);
      } catch (e) {
        return answer(401, (e as Error).message);
      }
      if (vapid.key !== subscriber.applicationServerKey)
        return answer(403, "the VAPID key is not the subscription's application server key");
      try {
        payload = decrypt(req.headers, Buffer.concat(chunks), subscriber);
      } catch (e) {
        return answer(400, `cannot decrypt: ${(e as Error).message}`);
      }
      received.push({
        endpoint,
        ttl: Number(req.headers.ttl),
        urgency: req.headers.urgency as string | undefined,
        payload,
        vapid: { aud: vapid.aud, exp: vapid.exp, sub: vapid.sub },
      });
      answer(201, "", { location: `${origin}/message/${randomUUID()}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A browser's subscription made with `applicationServerKey` (the installation's VAPID public key). */
    subscribe(applicationServerKey: string): PushSubscription {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomUUID()}`;
      subscribers.set(endpoint, { ecdh, auth, applicationServerKey, gone: false });
      return {
        endpoint,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
      };
    },
    /** The person unsubscribed (or the browser dropped the subscription): the service answers 410 from now on. */
    cancel(subscription: PushSubscription) {
      const subscriber = subscribers.get(subscription.endpoint);
      if (subscriber) subscriber.gone = true;
    },
    /** The next message gets this HTTP status. */
    failNext(status: number) {
      answers.push(status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verifyVapid(authorization: string, audience: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(authorization);
  if (!match) throw new Error("no VAPID authorization");
  const [, jwt = "", key = ""] = match;
  const [header = "", claims = "", signature = ""] = jwt.split(".");
  if (JSON.parse(Buffer.from(header, "base64url").toString()).alg !== "ES256") throw new Error("not ES256");
  const point = Buffer.from(key, "base64url");
  if (point.length !== 65 || point[0] !== 4) throw new Error("k is not an uncompressed P-256 point");
  const publicKey = createPublicKey({
    format: "jwk",
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
  });
  const signed = Buffer.from(`${header}.${claims}`);
  if (
    !verify(
      "sha256",
      signed,
      { key: publicKey, dsaEncoding: "ieee-p1363" },
      Buffer.from(signature, "base64url"),
    )
  )
    throw new Error("the JWT's signature does not verify with k");
  const { aud, exp, sub } = JSON.parse(Buffer.from(claims, "base64url").toString()) as ReceivedPush["vapid"];
  if (aud !== audience) throw new Error(`aud ${aud} is not ${audience}`);
  const now = Date.now() / 1000;
  if (!(exp > now && exp <= now + 24 * 3600)) throw new Error("exp is not within the next 24 hours");
  if (!/^(mailto:|https:)/.test(sub)) throw new Error("sub is neither mailto: nor https:");
  return { aud, exp, sub, key };
}

/** RFC 8291 (Web Push message encryption) over RFC 8188 (aes128gcm), a single record as push messages are. */
function decrypt(headers: IncomingHttpHeaders, body: Buffer, subscriber: Subscriber): string {
  if (headers["content-encoding"] !== "aes128gcm") throw new Error("Content-Encoding is not aes128gcm");
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20] ?? 0;
  const serverPublicKey = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  if (keyIdLength !== 65) throw new Error("the key id is not the sender's P-256 public key");
  if (record.length > recordSize) throw new Error("more than one record");
  const keyInfo = Buffer.concat([
    Buffer.from("WebPush: info\0"),
    subscriber.ecdh.getPublicKey(),
    serverPublicKey,
  ]);
  const ikm = hkdf(subscriber.ecdh.computeSecret(serverPublicKey), subscriber.auth, keyInfo, 32);
  const key = hkdf(ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonce = hkdf(ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12);
  const decipher = createDecipheriv("aes-128-gcm", key, nonce);
  decipher.setAuthTag(record.subarray(-16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("the record is not marked as the last one");
  return padded.subarray(0, end).toString("utf8");
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync("sha256", ikm, salt, info, length));
