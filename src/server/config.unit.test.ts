import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, otpChannelCheck } from "./config.js";
import { pickLang } from "./platform/i18n/messages.js";

const key = Buffer.alloc(32, 3).toString("base64");
const PUBLIC_URL = "https://chungcu.example.vn";

describe("configuration", () => {
  it("names every bad value in one error", () => {
    try {
      loadConfig({ PORT: "99999", DATABASE_URL: "mysql://x", MASTER_KEY: "short" });
      throw new Error("no error");
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as Error).message;
      expect(text).toContain("PORT");
      expect(text).toContain("DATABASE_URL");
      expect(text).toContain("MASTER_KEY");
    }
  });

  it("requires a master key in production and complete SMS settings", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://x/y" })).toThrow(
      /MASTER_KEY is required/,
    );
    expect(() => loadConfig({ MASTER_KEY: key, SMS_GATEWAY_URL: "https://sms.example" })).toThrow(
      /must be set together/,
    );
  });

  it("requires PUBLIC_URL in production only (issue 13, item 2)", () => {
    const prod = { NODE_ENV: "production", MASTER_KEY: key, DATABASE_URL: "postgres://x/y" };
    expect(() => loadConfig(prod)).toThrow(/PUBLIC_URL is required in production/);
    expect(loadConfig({ ...prod, PUBLIC_URL: "https://chungcu.example.vn/" }).publicUrl).toBe(
      "https://chungcu.example.vn",
    );
    // Elsewhere it defaults to localhost on the port.
    expect(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y", PORT: "3100" }).publicUrl).toBe(
      "http://localhost:3100",
    );
  });

  it("turns demo mode on for the embedded database only, unless asked", () => {
    expect(loadConfig({ MASTER_KEY: key }).demo).toBe(true);
    expect(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y" }).demo).toBe(false);
    expect(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y", DEMO: "1" }).demo).toBe(true);
    const empty = mkdtempSync(path.join(tmpdir(), "chungcu-data-"));
    expect(loadConfig({ MASTER_KEY: key, NODE_ENV: "production", DATA_DIR: empty, PUBLIC_URL }).demo).toBe(
      false,
    );
    rmSync(empty, { recursive: true, force: true });
  });

  it("refuses production with a master key file beside the data; elsewhere keeps one and says so", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chungcu-data-"));
    try {
      // Outside production the key is generated beside the data, and the configuration says where it is.
      const dev = loadConfig({ DATA_DIR: dataDir });
      expect(dev.masterKeyFile).toBe(path.join(dataDir, "master.key"));
      expect(loadConfig({ DATA_DIR: dataDir }).masterKey).toEqual(dev.masterKey);
      expect(loadConfig({ DATA_DIR: dataDir, MASTER_KEY: key }).masterKeyFile).toBeNull();
      // In production a key file in the data directory is refused, even with MASTER_KEY set: whoever copies
      // the data (a backup, a stolen disk) would carry the key that opens it.
      for (const env of [
        { NODE_ENV: "production", DATA_DIR: dataDir, MASTER_KEY: key },
        { NODE_ENV: "production", DATA_DIR: dataDir, MASTER_KEY: key, DATABASE_URL: "postgres://x/y" },
      ]) {
        expect(() => loadConfig(env)).toThrow(/master\.key/);
      }
      rmSync(path.join(dataDir, "master.key"));
      expect(
        loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, MASTER_KEY: key, PUBLIC_URL }).masterKeyFile,
      ).toBeNull();
      writeFileSync(path.join(dataDir, "master.key"), key);
      expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, MASTER_KEY: key })).toThrow(
        /master\.key/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("file storage (STORAGE)", () => {
  const base = { MASTER_KEY: key, NODE_ENV: "test", DATA_DIR: "/srv/chungcu" };
  const s3 = {
    ...base,
    STORAGE: "s3",
    S3_BUCKET: "chungcu-files",
    S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
    S3_SECRET_ACCESS_KEY: "secret-example",
  };

  it("keeps files on disk under DATA_DIR/files by default", () => {
    expect(loadConfig(base).storage).toEqual({ kind: "disk", dir: path.resolve("/srv/chungcu/files") });
    expect(loadConfig({ ...base, STORAGE: "disk" }).storage.kind).toBe("disk");
  });

  it("uses a bucket with STORAGE=s3, in Singapore unless S3_REGION says otherwise", () => {
    expect(loadConfig(s3).storage).toEqual({
      kind: "s3",
      endpoint: undefined,
      region: "ap-southeast-1",
      bucket: "chungcu-files",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret-example",
    });
    expect(
      loadConfig({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "us-east-1" }).storage,
    ).toMatchObject({ endpoint: "http://127.0.0.1:9000", region: "us-east-1" });
  });

  it("refuses to start with STORAGE=s3 and no bucket or credentials, naming what is missing", () => {
    const { S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, ...none } = s3;
    expect(() => loadConfig(none)).toThrow(
      /STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
    const noSecret = { ...none, S3_BUCKET, S3_ACCESS_KEY_ID };
    expect(() => loadConfig(noSecret)).toThrow(/STORAGE=s3 needs S3_SECRET_ACCESS_KEY:/);
    expect(() => loadConfig({ ...noSecret, S3_SECRET_ACCESS_KEY })).not.toThrow();
  });

  it("refuses an unknown STORAGE, an endpoint that is not a URL, and a bucket that STORAGE would ignore", () => {
    expect(() => loadConfig({ ...base, STORAGE: "ftp" })).toThrow(/STORAGE="ftp"/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT="minio:9000"/);
    expect(() => loadConfig({ ...base, S3_BUCKET: "chungcu-files" })).toThrow(
      /S3_BUCKET is set but STORAGE is disk/,
    );
  });
});

describe("demo secrets", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chungcu-config-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  // The constants the source used to carry: anyone who read the code could sign a transfer or a payment.
  const published = ["demo-bank-feed-key-2026", "chungcu-local-sandbox-gateway-secret"];

  it("generates the bank-feed key and the sandbox gateway's secret per installation, in the data directory", () => {
    const one = dataDir();
    const two = dataDir();
    const a = loadConfig({ MASTER_KEY: key, DATA_DIR: one });
    const b = loadConfig({ MASTER_KEY: key, DATA_DIR: two });
    const again = loadConfig({ MASTER_KEY: key, DATA_DIR: one });
    const feedKey = a.bankFeed.apiKey as string;
    const gatewaySecret = a.gateway?.hashSecret as string;
    expect(a.gateway?.kind).toBe("sandbox");
    for (const secret of [feedKey, gatewaySecret]) {
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(published).not.toContain(secret);
    }
    expect(feedKey).not.toBe(gatewaySecret);
    // Another installation has other secrets; the same one keeps its own across restarts.
    expect(b.bankFeed.apiKey).not.toBe(feedKey);
    expect(b.gateway?.hashSecret).not.toBe(gatewaySecret);
    expect(again.bankFeed.apiKey).toBe(feedKey);
    expect(again.gateway?.hashSecret).toBe(gatewaySecret);
    // Stored beside the data, readable by the owner only.
    const files = readdirSync(one).map((f) => path.join(one, f));
    const stored = files.map((f) => readFileSync(f, "utf8").trim());
    expect(stored).toEqual(expect.arrayContaining([feedKey, gatewaySecret]));
    for (const f of files) expect(statSync(f).mode & 0o077).toBe(0);
  });

  it("keeps configured secrets, and generates no API key when an HMAC secret is configured", () => {
    const dir = dataDir();
    const c = loadConfig({
      MASTER_KEY: key,
      DATA_DIR: dir,
      BANK_FEED_HMAC_SECRET: "whsec_configured_0123456789",
    });
    expect(c.bankFeed).toMatchObject({ hmacSecret: "whsec_configured_0123456789", apiKey: undefined });
    const configured = loadConfig({
      MASTER_KEY: key,
      DATA_DIR: dir,
      BANK_FEED_API_KEY: "sk_configured_0123456789",
    });
    expect(configured.bankFeed.apiKey).toBe("sk_configured_0123456789");
    // Outside demo mode nothing is generated: the endpoint stays closed until configured.
    const prod = loadConfig({ MASTER_KEY: key, DATA_DIR: dataDir(), NODE_ENV: "production", PUBLIC_URL });
    expect(prod.bankFeed.apiKey).toBeUndefined();
    expect(prod.gateway).toBeNull();
  });
});

describe("channels for one-time codes (issue 11, item 10)", () => {
  const prod = { NODE_ENV: "production", MASTER_KEY: key, DATABASE_URL: "postgres://x/y", PUBLIC_URL };
  it("refuses production without email or SMS, naming the variables, unless told to start anyway", () => {
    const { error } = otpChannelCheck(loadConfig(prod));
    for (const name of ["SMTP_URL", "SMS_GATEWAY_URL", "SMS_API_KEY", "SMS_SECRET_KEY", "ALLOW_NO_MESSAGING"])
      expect(error).toContain(name);
    const allowed = otpChannelCheck(loadConfig({ ...prod, ALLOW_NO_MESSAGING: "1" }));
    expect(allowed.error).toBeUndefined();
    expect(allowed.warning).toContain("SMTP_URL");
  });

  it("is satisfied by SMTP, by SMS, or by the demo's outbox; elsewhere it only warns", () => {
    expect(otpChannelCheck(loadConfig({ ...prod, SMTP_URL: "smtp://mail.example:587" }))).toEqual({});
    const sms = { SMS_GATEWAY_URL: "https://sms.example", SMS_API_KEY: "k", SMS_SECRET_KEY: "s" };
    expect(otpChannelCheck(loadConfig({ ...prod, ...sms }))).toEqual({});
    expect(otpChannelCheck(loadConfig({ MASTER_KEY: key }))).toEqual({}); // PGlite demo: the outbox
    expect(
      otpChannelCheck(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y" })).warning,
    ).toContain("SMTP_URL");
  });
});

describe("language", () => {
  it("prefers Vietnamese unless English comes first", () => {
    expect(pickLang(undefined)).toBe("vi");
    expect(pickLang("en-US,en;q=0.9")).toBe("en");
    expect(pickLang("fr-FR,vi;q=0.8,en;q=0.5")).toBe("vi");
    expect(pickLang("de")).toBe("vi");
  });
});
