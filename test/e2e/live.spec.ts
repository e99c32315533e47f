import { expect, test } from "./fixtures.js";
import { api, signIn } from "./helpers.js";

// Issue 14, live in-app channel: the resident's open app hears of a new message without being reloaded.

test("an announcement reaches the resident's open app at once: the bell counts it without a reload", async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app$/);
  const before = (await api(page, "GET", "/api/v1/notifications?page=1&pageSize=1")).unread as number;
  const bell = page.getByRole("banner").getByRole("link", { name: /^Thông báo/ });
  await expect(bell).toBeVisible();
  // The stream opens once the first screen is shown; the page has been loaded once only.
  let loads = 0;
  page.on("load", () => loads++);

  const office = await browser.newContext();
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await expect(manager).toHaveURL(/\/console/);
  const buildings = await api(manager, "GET", "/api/v1/buildings");
  await api(manager, "POST", `/api/v1/buildings/${buildings.items[0].id}/announcements`, {
    title: `Bảo trì thang máy ${Date.now().toString(36)}`,
    body: "Thang máy số 2 dừng từ 9:00 đến 10:00.",
  });
  await office.close();

  // The bell's count polls every five minutes: within seconds, only the live stream can have told it.
  await expect(page.getByRole("link", { name: `Thông báo: ${before + 1} chưa đọc` })).toBeVisible({
    timeout: 10_000,
  });
  expect(loads).toBe(0);
  await phone.close();
});
