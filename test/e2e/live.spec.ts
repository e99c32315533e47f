import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";
import { announceToDemoBuilding, api, signIn } from "./helpers.js";

// Issue 14, live in-app channel: the resident's open app hears of a new message without being reloaded.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const STREAM = "**/api/v1/notifications/stream";

/** How many of the signed-in person's notifications are unread, as the API says. */
async function unread(page: Page): Promise<number> {
  return (await api(page, "GET", "/api/v1/notifications?page=1&pageSize=1")).unread as number;
}

/** An announcement to the demo building, named uniquely. */
const announce = (browser: Browser) =>
  announceToDemoBuilding(
    browser,
    `Bảo trì thang máy ${Date.now().toString(36)}`,
    "Thang máy số 2 dừng từ 9:00 đến 10:00.",
  );

test("an announcement reaches the resident's open app at once: the bell counts it without a reload", async ({
  browser,
}) => {
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app$/);
  const before = await unread(page);
  const bell = page.getByRole("banner").getByRole("link", { name: /^Thông báo/ });
  await expect(bell).toBeVisible();
  // The stream opens once the first screen is shown; the page has been loaded once only.
  let loads = 0;
  page.on("load", () => loads++);

  await announce(browser);

  // The bell's count polls every five minutes: within seconds, only the live stream can have told it.
  await expect(page.getByRole("link", { name: `Thông báo: ${before + 1} chưa đọc` })).toBeVisible({
    timeout: 10_000,
  });
  expect(loads).toBe(0);
  await phone.close();
});

test("a stream the server refused once is opened again, and the bell still counts live", async ({
  browser,
}) => {
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  // The first stream gets what a proxy answers while the API restarts; a browser never retries that by itself.
  let streams = 0;
  await page.route(STREAM, (route) => {
    streams++;
    return streams === 1 ? route.fulfill({ status: 502, body: "Bad Gateway" }) : route.fallback();
  });
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app$/);
  const before = await unread(page);
  await expect.poll(() => streams, { timeout: 15_000 }).toBe(2);

  await announce(browser);

  await expect(page.getByRole("link", { name: `Thông báo: ${before + 1} chưa đọc` })).toBeVisible({
    timeout: 10_000,
  });
  await phone.close();
});
