import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO: flag.optional(),
  MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Chungcu <no-reply@chungcu.local>"),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SECRET_KEY: z.string().optional(),
  SMS_BRANDNAME: z.string().max(11).default("CHUNGCU"),
  /** Whether the brandname route carries Unicode; without it texts are sent without diacritics. */
  SMS_UNICODE: flag.default(false),
  ZALO_ZNS_URL: z.url().default("https://business.openapi.zalo.me"),
  /** The Official Account's access token for ZNS; Zalo messages are sent only when it is set. */
  ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
  /** The OA's secret key: signs Zalo's delivery events (`POST /api/v1/webhooks/zalo`). */
  ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
  /** JSON: our template key → the id of the approved ZNS template, e.g. {"billing.notice-issued":"231231"}. */
  ZALO_ZNS_TEMPLATES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON object" });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(
        z.string().min(1),
        z.union([
          z.string().regex(/^\d+$/, "must be a Zalo template id (digits)"),
          z.number().int().positive(),
        ]),
      ),
    )
    .optional(),
  /** Start in production with neither email nor SMS: only authenticator-app accounts can sign in anew. */
  ALLOW_NO_MESSAGING: flag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: flag.default(false),
  JOBS: flag.default(true),
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Sign-in codes one account may be sent in 15 minutes. */
  SIGN_IN_CODES_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
  METRICS_TOKEN: z.string().min(16).optional(),
  /** The bank-feed service's webhook: an API key (`Authorization: Apikey …`), an HMAC secret, or both. */
  BANK_FEED_API_KEY: z.string().min(16).optional(),
  BANK_FEED_HMAC_SECRET: z.string().min(16).optional(),
  /** The bank feed's API (SePay user API token), to re-pull transactions a webhook may have missed. */
  BANK_FEED_API_TOKEN: z.string().min(8).optional(),
  BANK_FEED_API_URL: z.url().optional(),
  /** VNPAY merchant terminal and secret; without them the demo and tests use the local sandbox gateway. */
  VNPAY_TMN_CODE: z.string().min(4).max(20).optional(),
  VNPAY_HASH_SECRET: z.string().min(16).optional(),
  /** VNPAY's payment page (its sandbox unless given). */
  VNPAY_PAYMENT_URL: z.url().optional(),
  /** A cash payment more than this (VND) above what the unit owes asks the accountant to confirm. */
  OVERPAYMENT_MARGIN_VND: z.coerce.number().int().min(0).max(1_000_000_000_000).default(1_000_000),
  /** Where uploaded files are kept: `disk` (DATA_DIR/files) or `s3` (a bucket, with the S3_* settings). */
  STORAGE: z.enum(["disk", "s3"]).default("disk"),
  /** An S3-compatible server's address (MinIO, a Vietnamese cloud's object storage); AWS S3 when unset. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" }).optional(),
  S3_REGION: z.string().min(1).default("ap-southeast-1"),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  poolSize: number;
  demo: boolean;
  masterKey: Buffer;
  /** Where the master key was read from when it is kept beside the data (outside production only), else null. */
  masterKeyFile: string | null;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sms: { url: string; apiKey: string; secretKey: string; brandname: string; unicode: boolean } | undefined;
  /** Zalo ZNS, when ZALO_ACCESS_TOKEN is set: our template keys map to Zalo's template ids. */
  zalo:
    | {
        url: string;
        accessToken: string;
        templates: Record<string, string>;
        webhookSecret: string | undefined;
      }
    | undefined;
  /** ALLOW_NO_MESSAGING: production may start without a channel for one-time codes. */
  allowNoMessaging: boolean;
  logLevel: string;
  trustProxy: boolean;
  jobs: boolean;
  accessLogRetentionDays: number;
  rateLimitPerMinute: number;
  signInPerMinute: number;
  signInCodesPer15Minutes: number;
  metricsToken: string | undefined;
  bankFeed: { apiKey?: string; hmacSecret?: string; apiToken?: string; apiUrl?: string };
  /** The card/e-wallet gateway: VNPAY, the local sandbox (demo and tests), or none. */
  gateway:
    | { kind: "vnpay"; tmnCode: string; hashSecret: string; paymentUrl?: string }
    | { kind: "sandbox"; tmnCode: string; hashSecret: string }
    | null;
  /** How far above what a unit owes a cash payment may go without the accountant's confirmation (VND). */
  overpaymentMarginVnd: number;
  /** Where uploaded files are kept (STORAGE). */
  storage:
    | { kind: "disk"; dir: string }
    | {
        kind: "s3";
        endpoint?: string;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
      };
  version: string;
};

/** Files in `DATA_DIR` holding the demo's generated secrets (per installation, never in the source). */
export const DEMO_SECRET_FILES = {
  bankFeedKey: "bank-feed.key",
  sandboxGatewaySecret: "vnpay-sandbox.secret",
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment; every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join(".")}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === "production" && !e.MASTER_KEY) problems.push("MASTER_KEY is required in production");
  if (e.NODE_ENV === "production" && !e.PUBLIC_URL && !overrides.publicUrl)
    problems.push(
      "PUBLIC_URL is required in production: the address people open Chungcu at (e.g. https://chungcu.example.vn). " +
        "The card gateway sends payers back to it, emails link to it, and https marks cookies Secure",
    );
  const smsKeys = [e.SMS_GATEWAY_URL, e.SMS_API_KEY, e.SMS_SECRET_KEY].filter(Boolean).length;
  if (smsKeys > 0 && smsKeys < 3)
    problems.push("SMS_GATEWAY_URL, SMS_API_KEY and SMS_SECRET_KEY must be set together");
  if (e.ZALO_ZNS_TEMPLATES && !e.ZALO_ACCESS_TOKEN)
    problems.push("ZALO_ZNS_TEMPLATES is set without ZALO_ACCESS_TOKEN: no Zalo message could be sent");
  if (Boolean(e.VNPAY_TMN_CODE) !== Boolean(e.VNPAY_HASH_SECRET))
    problems.push("VNPAY_TMN_CODE and VNPAY_HASH_SECRET must be set together");
  const missingS3 = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !e[k]);
  if (e.STORAGE === "s3" && missingS3.length)
    problems.push(`STORAGE=s3 needs ${missingS3.join(", ")}: the bucket and the credentials to write to it`);
  if (e.STORAGE === "disk" && e.S3_BUCKET)
    problems.push(
      "S3_BUCKET is set but STORAGE is disk: set STORAGE=s3 to keep files in the bucket, or remove S3_BUCKET",
    );
  const dataDir = path.resolve(e.DATA_DIR);
  // A key stored with the data opens it for whoever copies the data (a backup, a disk): never in production.
  if (e.NODE_ENV === "production" && existsSync(path.join(dataDir, MASTER_KEY_FILE)))
    problems.push(
      `${path.join(dataDir, MASTER_KEY_FILE)}: a master key file beside the data is refused in production; keep the key only in MASTER_KEY and remove the file`,
    );
  if (problems.length) throw new ConfigError(problems);

  const embedded = !e.DATABASE_URL;
  const demo = e.DEMO ?? (embedded && e.NODE_ENV !== "production");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    demo,
    masterKey: e.MASTER_KEY
      ? Buffer.from(e.MASTER_KEY, "base64")
      : (overrides.masterKey ?? localMasterKey(dataDir)),
    masterKeyFile: e.MASTER_KEY || overrides.masterKey ? null : path.join(dataDir, MASTER_KEY_FILE),
    // Outside production, localhost unless set; demo mode sends card payers back to the address they opened.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms:
      e.SMS_GATEWAY_URL && e.SMS_API_KEY && e.SMS_SECRET_KEY
        ? {
            url: e.SMS_GATEWAY_URL,
            apiKey: e.SMS_API_KEY,
            secretKey: e.SMS_SECRET_KEY,
            brandname: e.SMS_BRANDNAME,
            unicode: e.SMS_UNICODE,
          }
        : undefined,
    zalo: e.ZALO_ACCESS_TOKEN
      ? {
          url: e.ZALO_ZNS_URL,
          accessToken: e.ZALO_ACCESS_TOKEN,
          templates: Object.fromEntries(
            Object.entries(e.ZALO_ZNS_TEMPLATES ?? {}).map(([key, id]) => [key, String(id)]),
          ),
          webhookSecret: e.ZALO_OA_SECRET_KEY,
        }
      : undefined,
    allowNoMessaging: e.ALLOW_NO_MESSAGING,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    jobs: e.JOBS,
    accessLogRetentionDays: e.ACCESS_LOG_RETENTION_DAYS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    signInPerMinute: e.SIGN_IN_PER_MINUTE,
    signInCodesPer15Minutes: e.SIGN_IN_CODES_PER_15_MINUTES,
    metricsToken: e.METRICS_TOKEN,
    // The demo's bank feed takes an API key generated for this installation (in DATA_DIR), so transfers can be
    // tried by hand; none when an HMAC secret is configured, which turns the API-key method off.
    bankFeed: overrides.bankFeed ?? {
      apiKey:
        e.BANK_FEED_API_KEY ??
        (demo && !e.BANK_FEED_HMAC_SECRET ? demoSecret(e.NODE_ENV, dataDir, "bankFeedKey") : undefined),
      hmacSecret: e.BANK_FEED_HMAC_SECRET,
      apiToken: e.BANK_FEED_API_TOKEN,
      apiUrl: e.BANK_FEED_API_URL,
    },
    gateway:
      overrides.gateway !== undefined
        ? overrides.gateway
        : e.VNPAY_TMN_CODE && e.VNPAY_HASH_SECRET
          ? {
              kind: "vnpay",
              tmnCode: e.VNPAY_TMN_CODE,
              hashSecret: e.VNPAY_HASH_SECRET,
              paymentUrl: e.VNPAY_PAYMENT_URL,
            }
          : demo || e.NODE_ENV === "test"
            ? {
                kind: "sandbox",
                tmnCode: "CHUNGCU1",
                hashSecret: demoSecret(e.NODE_ENV, dataDir, "sandboxGatewaySecret"),
              }
            : null,
    overpaymentMarginVnd: e.OVERPAYMENT_MARGIN_VND,
    storage:
      e.STORAGE === "s3" && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            kind: "s3",
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : { kind: "disk", dir: path.join(dataDir, "files") },
    version: process.env.npm_package_version ?? "0.1.0",
    ...overrides,
  };
}

/**
 * A secret of the demo (the bank feed's API key, the sandbox gateway's HMAC secret): generated once per
 * installation and kept beside the data, like the master key, so that nobody who has read the source can sign
 * a transfer or a payment. Tests get a fresh one per process and leave no file behind.
 */
function demoSecret(
  env: "development" | "production" | "test",
  dataDir: string,
  name: keyof typeof DEMO_SECRET_FILES,
): string {
  if (env === "test") return randomBytes(32).toString("base64url");
  const file = path.join(dataDir, DEMO_SECRET_FILES[name]);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const MASTER_KEY_FILE = "master.key";

/** Outside production a key is generated once and kept beside the data, so `npm start` needs no setup. */
function localMasterKey(dataDir: string): Buffer {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64"), { mode: 0o600 });
  return key;
}

/**
 * The channels that can carry one-time codes (sign-in from a new browser, password reset, invitations):
 * email with SMTP_URL, SMS with the gateway's settings, or the development outbox in demo mode.
 */
export function otpChannelsOf(config: Pick<Config, "smtpUrl" | "sms" | "demo">): string[] {
  const out: string[] = [];
  if (config.smtpUrl) out.push("email");
  if (config.sms) out.push("sms");
  if (config.demo) out.push("outbox");
  return out;
}

/**
 * The start-up check of the one-time-code channels: in production, none configured (and no
 * ALLOW_NO_MESSAGING) is an error naming the variables to set; elsewhere, a warning.
 */
export function otpChannelCheck(config: Config): { error?: string; warning?: string } {
  if (otpChannelsOf(config).length > 0) return {};
  const what =
    "No channel for one-time codes: set SMTP_URL (and MAIL_FROM) for email, or SMS_GATEWAY_URL, SMS_API_KEY " +
    "and SMS_SECRET_KEY for SMS. Without one, nobody can sign in from a new browser unless their account " +
    "has an authenticator app (`npm run cli -- admin create --totp`), and no invitation or password reset " +
    "can be sent.";
  if (config.env === "production" && !config.allowNoMessaging)
    return { error: `${what} Set ALLOW_NO_MESSAGING=1 to start anyway.` };
  return { warning: what };
}
