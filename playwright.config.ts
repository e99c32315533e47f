import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);

// Debian's Chromium, never a downloaded browser (see NOTES.md). The server runs the built product on a
// fresh PGlite data directory in demo mode, so the tests read one-time codes from /dev/outbox.json.
export default defineConfig({
  testDir: "test/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    // The cookie choice is made once, so the banner does not cover buttons; the sign-in test starts without it.
    storageState: {
      cookies: [
        {
          name: "cc_cookie_choice",
          value: "necessary",
          domain: "127.0.0.1",
          path: "/",
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf .tmp/e2e-data && node dist/server/main.js",
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: ".tmp/e2e-data",
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      LOG_LEVEL: "warn",
      SIGN_IN_PER_MINUTE: "1000",
      // The suite signs the same demo people in more than the 10 codes per 15 minutes a real account gets.
      SIGN_IN_CODES_PER_15_MINUTES: "1000",
      // One server and one IP for the whole suite, which polls the outbox and billing runs: no per-IP cap.
      RATE_LIMIT_PER_MINUTE: "100000",
    },
  },
});
