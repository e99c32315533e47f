import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, otpChannelCheck } from "./config.js";
import { pickLang } from "./platform/i18n/messages.js";

const key = Buffer.alloc(32, 3).toString("base64");

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

  it("turns demo mode on for the embedded database only, unless asked", () => {
    expect(loadConfig({ MASTER_KEY: key }).demo).toBe(true);
    expect(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y" }).demo).toBe(false);
    expect(loadConfig({ MASTER_KEY: key, DATABASE_URL: "postgres://x/y", DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ MASTER_KEY: key, NODE_ENV: "production" }).demo).toBe(false);
  });
});

describe("channels for one-time codes (issue 11, item 10)", () => {
  const prod = { NODE_ENV: "production", MASTER_KEY: key, DATABASE_URL: "postgres://x/y" };
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
