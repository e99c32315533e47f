import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.js";

/**
 * The privacy center end to end: a resident downloads their data, withdraws marketing consent and asks for
 * erasure; customer care sees the request with its clock; an admin opens a breach and notifies the affected
 * residents, and the resident reads the notice in the app.
 */
test.describe.configure({ mode: "serial" });

test("a resident downloads their data, withdraws marketing consent and requests deletion", async ({
  page,
}) => {
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app/);

  await page.goto("/app/my-data");
  await expect(page.getByRole("heading", { name: "Dữ liệu của tôi" }).first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải dữ liệu (JSON)" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^du-lieu-cua-toi-.*\.json$/);
  const data = JSON.parse(await readFile((await file.path()) as string, "utf8"));
  expect(data.records.length).toBeGreaterThan(0);
  expect(data.account.email).toBe("resident@demo.chungcu.vn");

  await page.goto("/app/privacy/consents");
  const marketing = page.getByRole("switch", { name: "Tiếp thị và khảo sát" });
  await expect(marketing).not.toBeChecked();
  await marketing.click({ force: true });
  await expect(marketing).toBeChecked();
  await marketing.click({ force: true });
  await expect(marketing).not.toBeChecked();
  await expect(page.getByText(/Đã rút lại sự đồng ý/)).toBeVisible();

  await page.goto("/app/privacy/requests");
  await page.getByRole("button", { name: "Yêu cầu mới" }).click();
  await page.getByRole("radio", { name: /Xoá dữ liệu/ }).check({ force: true });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await page.getByRole("button", { name: "Xác nhận xoá dữ liệu" }).click();
  await expect(page.getByText(/Đã gửi yêu cầu/)).toBeVisible();
  await expect(page.getByText("Xoá dữ liệu").first()).toBeVisible();
  await page.screenshot({ path: "test-results/privacy-resident-requests.png", fullPage: true });
});

test("customer care sees the erasure request with its clock", async ({ page }) => {
  await signIn(page, "care@demo.chungcu.vn");
  await page.goto("/console/privacy/requests");
  await expect(page.getByRole("heading", { name: "Yêu cầu của chủ thể dữ liệu" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Xoá dữ liệu" }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(/còn 4 ngày|còn 5 ngày/);
  await page.screenshot({ path: "test-results/privacy-care-requests.png", fullPage: true });
});

test("an admin opens a breach, notifies the residents, and the resident reads the notice", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@demo.chungcu.vn");
  await page.goto("/console/privacy/breaches");
  await page.getByRole("button", { name: "Mở sự cố" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tên sự cố").fill("Gửi nhầm danh sách cư dân");
  await dialog
    .getByLabel("Mô tả")
    .fill("Bảng danh sách cư dân toà A được gửi nhầm tới một địa chỉ email bên ngoài.");
  await dialog.getByRole("combobox", { name: "Dữ liệu bị ảnh hưởng" }).click();
  await page.getByRole("option", { name: "Họ và tên" }).click();
  await page.getByRole("option", { name: "Số điện thoại" }).click();
  await dialog.getByRole("combobox", { name: "Toà nhà bị ảnh hưởng" }).click();
  await page.getByRole("option", { name: "Chung cư Demo Riverside" }).click();
  await dialog.getByRole("button", { name: "Mở sự cố và bắt đầu tính giờ" }).click();

  await expect(page.getByText(/Sự cố lộ lọt dữ liệu: Gửi nhầm danh sách cư dân/)).toBeVisible();
  await page.getByRole("button", { name: "Gửi thông báo cho cư dân bị ảnh hưởng" }).click();
  await page
    .getByRole("dialog")
    .last()
    .getByRole("button", { name: /Gửi thông báo/ })
    .click();
  await expect(page.getByText(/Đã thông báo/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/privacy-breach.png", fullPage: true });

  const resident = await browser.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.goto("/app/notifications");
  await expect(resident.getByText(/thông báo sự cố lộ lọt dữ liệu cá nhân/).first()).toBeVisible();
  await resident.screenshot({ path: "test-results/privacy-resident-notice.png", fullPage: true });
  await resident.close();
});
