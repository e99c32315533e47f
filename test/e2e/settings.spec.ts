import { readFile, writeFile } from "node:fs/promises";
import { pdfImageSizes, pdfText } from "../helpers/pdf.js";
import { squarePng } from "../helpers/png.js";
import { expect, test } from "./fixtures.js";
import { api, signIn } from "./helpers.js";

/**
 * The company admin's settings and audit log, end to end: the company's details and logo typed once reach the
 * fee notice a resident downloads; every change is in the audit log, found by who made it.
 */
test.use({ viewport: { width: 1440, height: 900 } });

test("the admin fixes the company's details and logo, and the downloaded notice prints them", async ({
  page,
}, info) => {
  const suffix = Date.now().toString(36).slice(-4);
  const address = `${20 + (Date.now() % 70)} Nguyễn Huệ ${suffix}, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh`;
  await signIn(page, "admin@demo.chungcu.vn");
  await page.getByRole("link", { name: "Cài đặt" }).click();
  await expect(page.getByRole("heading", { name: "Cài đặt", level: 1 })).toBeVisible();

  const profile = page.getByRole("region", { name: "Thông tin công ty" });
  await profile.getByLabel("Tên pháp lý").fill("Công ty TNHH Quản lý Tòa nhà Demo");
  await profile.getByLabel("Mã số thuế").fill("031234567");
  await profile.getByLabel("Đường dây nóng").fill("028 3822");
  await profile.getByLabel("Địa chỉ trụ sở").fill(address);
  await profile.getByRole("button", { name: "Lưu" }).click();
  // The server's words on each field, and what was typed is still there.
  await expect(profile.getByText(/^Mã số thuế gồm 10 chữ số/)).toBeVisible();
  await expect(profile.getByText(/^Số điện thoại chưa đúng/)).toBeVisible();
  await expect(profile.getByLabel("Địa chỉ trụ sở")).toHaveValue(address);
  await profile.getByLabel("Mã số thuế").fill("0312345678-001");
  await profile.getByLabel("Đường dây nóng").fill("028 3822 1234");
  await profile.getByRole("button", { name: "Lưu" }).click();
  await expect(profile.getByRole("status")).toHaveText("Đã lưu.");

  const logoFile = info.outputPath("logo.png");
  await writeFile(logoFile, squarePng(180, 90, [20, 90, 170]));
  const logo = page.getByRole("region", { name: "Logo" });
  const chooser = page.waitForEvent("filechooser");
  await logo.getByLabel("Chọn ảnh logo").click();
  await (await chooser).setFiles(logoFile);
  await logo.getByRole("button", { name: "Tải logo lên" }).click();
  await expect(logo.getByRole("img", { name: "Logo của Demo" })).toBeVisible();
  // The header shows it on every console page.
  await expect(page.getByRole("banner").getByRole("img", { name: "Logo của Demo" })).toBeVisible();

  // A notice of the demo building, opened from the notices page, downloaded as the PDF.
  const { items: buildings } = await api(page, "GET", "/api/v1/buildings?pageSize=1");
  const buildingId = buildings[0].id as string;
  const { items } = await api(page, "GET", `/api/v1/invoices?pageSize=1&buildingId=${buildingId}`);
  const notice = items[0] as { id: string; code: string; period: string };
  await page.goto(
    `/console/billing/notices?building=${buildingId}&period=${notice.period}&invoice=${notice.id}`,
  );
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Tải PDF thông báo phí ${notice.code}` }).click();
  const pdf = await readFile((await (await download).path()) as string);
  const text = await pdfText(pdf);
  expect(text).toContain("Công ty TNHH Quản lý Tòa nhà Demo");
  expect(text).toContain(address);
  expect(text).toContain("ĐT: 028 3822 1234");
  expect(text).toContain("MST: 0312345678-001");
  expect(await pdfImageSizes(pdf)).toContainEqual({ width: 180, height: 90 });
});

test("the admin finds their own change in the audit log by person and opens its before and after", async ({
  page,
}) => {
  const sender = `BQL Demo ${Date.now().toString(36).slice(-5)}`;
  await signIn(page, "admin@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/console/);
  await page.goto("/console/settings");
  const senders = page.getByRole("region", { name: "Tên người gửi" });
  await senders.getByLabel("Tên người gửi email").fill(sender);
  await senders.getByRole("button", { name: "Lưu" }).click();
  await expect(senders.getByRole("status")).toHaveText("Đã lưu.");

  await page.getByRole("link", { name: "Nhật ký kiểm toán" }).click();
  await expect(page.getByRole("heading", { name: "Nhật ký kiểm toán", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Chuỗi nhật ký nguyên vẹn" })).toBeVisible();
  const table = page.getByRole("table", { name: "Nhật ký kiểm toán" });
  const total = async () => Number((await page.getByText(/^Tổng số: \d+$/).textContent())?.match(/\d+/)?.[0]);
  await expect(table).toBeVisible();
  const everyone = await total();
  await page.getByRole("combobox", { name: "Người thực hiện" }).click();
  await page.getByRole("option", { name: "Trần Thị Quản Trị" }).click();
  // The demo's seed, written by the system, and other people's entries are gone; the admin's stay.
  await expect.poll(total).toBeLessThan(everyone);
  await expect(table.getByText("Hệ thống")).toHaveCount(0);
  const rows = table.locator("tbody tr");
  for (const row of await rows.all()) await expect(row).toContainText("Trần Thị Quản Trị");
  await expect(rows.first()).toContainText("Trần Thị Quản Trị");
  await expect(rows.first()).toContainText("company › senders › update");

  await rows
    .first()
    .getByRole("button", { name: /^Xem mục \d+$/ })
    .click();
  const entry = page.getByRole("dialog");
  await expect(entry.getByRole("heading", { name: /^Mục nhật ký số \d+$/ })).toBeVisible();
  const change = entry.getByRole("row", { name: /emailSenderName/ });
  await expect(change.getByRole("cell").nth(2)).toHaveText(sender);
});
