import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

const IV = 12;
const TAG = 16;

const POOL = 4096;
let pool = Buffer.alloc(0);
let drawn = 0;

/**
 * `n` bytes from the CSPRNG, drawn from a pool refilled 4 KiB at a time; each byte is handed out once. A call
 * to `randomBytes` per 12-byte IV cost more than the AES-GCM seal itself (an import seals ~100,000 fields).
 * The bytes are a view of the pool: copy them if they are kept.
 */
function pooledRandom(n: number): Buffer {
  if (drawn + n > pool.length) {
    pool = randomBytes(POOL);
    drawn = 0;
  }
  drawn += n;
  return pool.subarray(drawn - n, drawn);
}

/** AES-256-GCM: iv | tag | ciphertext. */
export function encrypt(key: Buffer, plaintext: string): Buffer {
  const iv = pooledRandom(IV);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

export function decrypt(key: Buffer, box: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, IV));
  decipher.setAuthTag(box.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(box.subarray(IV + TAG)), decipher.final()]).toString("utf8");
}

export const sha256 = (value: string | Buffer) => createHash("sha256").update(value).digest("hex");

/** URL-safe random token with `bytes` of entropy. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/**
 * Keys derived from the master key: one wraps per-person data keys, one computes blind indexes,
 * one encrypts short-lived system data (invitation contacts) that belongs to no person yet.
 */
export class Keyring {
  private readonly wrapKey: Buffer;
  private readonly indexKey: Buffer;
  readonly systemKey: Buffer;

  constructor(masterKey: Buffer) {
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterKey, "chungcu", info, 32));
    this.wrapKey = derive("data-key-wrap");
    this.indexKey = derive("blind-index");
    this.systemKey = derive("system");
  }

  /** A fresh per-person data key and its wrapped form for storage. */
  newDataKey(): { key: Buffer; wrapped: Buffer } {
    const key = Buffer.from(pooledRandom(32));
    return { key, wrapped: this.wrap(key) };
  }

  wrap(key: Buffer): Buffer {
    return encrypt(this.wrapKey, key.toString("base64"));
  }

  unwrap(wrapped: Buffer): Buffer {
    return Buffer.from(decrypt(this.wrapKey, wrapped), "base64");
  }

  /** HMAC of a normalised value, so an exact match can be found without storing the value. */
  blindIndex(kind: string, normalised: string): string {
    return createHmac("sha256", this.indexKey).update(`${kind}:${normalised}`).digest("base64url");
  }
}
