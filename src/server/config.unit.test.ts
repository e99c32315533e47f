import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
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
    const empty = mkdtempSync(path.join(tmpdir(), "chungcu-data-"));
    expect(loadConfig({ MASTER_KEY: key, NODE_ENV: "production", DATA_DIR: empty }).demo).toBe(false);
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
        loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, MASTER_KEY: key }).masterKeyFile,
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

describe("language", () => {
  it("prefers Vietnamese unless English comes first", () => {
    expect(pickLang(undefined)).toBe("vi");
    expect(pickLang("en-US,en;q=0.9")).toBe("en");
    expect(pickLang("fr-FR,vi;q=0.8,en;q=0.5")).toBe("vi");
    expect(pickLang("de")).toBe("vi");
  });
});
