import { readFile } from "node:fs/promises";
import jsQR from "jsqr";
import { readPng } from "../helpers/png.js";
import { expect, test } from "./fixtures.js";
import { announceToDemoBuilding, api, signIn } from "./helpers.js";

type Invoice = { id: string; status: string; balance: number; period: string };
const vnd = (n: number) => `${new Intl.NumberFormat("vi-VN").format(n)} ₫`;

test("the resident's home leads with the amount due, the bell in the header, and the QR saved as a PNG", async ({
  browser,
}) => {
  // Management sends an announcement to the demo building: it is unread on the resident's home.
  const title = `Cắt nước bảo trì bể ngầm ${Date.now().toString(36)}`;
  await announceToDemoBuilding(browser, title, "Tạm ngưng cấp nước từ 8:00 đến 11:00 thứ Bảy.");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app$/);

  // What is due, summed by hand from the unit's open notices.
  const list = await api(page, "GET", "/api/v1/invoices?page=1&pageSize=100");
  const open = (list.items as Invoice[])
    .filter((i) => (i.status === "issued" || i.status === "partially_paid") && i.balance > 0)
    .sort((a, b) => a.period.localeCompare(b.period));
  const due = open.reduce((sum, i) => sum + i.balance, 0);
  expect(due).toBeGreaterThan(0);
  const dueCard = page.getByRole("region", { name: "Cần thanh toán" });
  await expect(dueCard.getByText(vnd(due), { exact: true })).toBeVisible();
  const pay = dueCard.getByRole("link", { name: "Xem & thanh toán" });
  await expect(pay).toHaveAttribute("href", `/app/invoices/${open[0]?.id}`);

  // The announcement, unread, on the home; the bell in the header with the unread count.
  await expect(page.getByRole("region", { name: /Thông báo mới/ }).getByText(title)).toBeVisible();
  const inbox = await api(page, "GET", "/api/v1/notifications?page=1&pageSize=1");
  expect(inbox.unread).toBeGreaterThan(0);
  await expect(
    page.getByRole("banner").getByRole("link", { name: `Thông báo: ${inbox.unread} chưa đọc` }),
  ).toBeVisible();

  // Only the tabs a module fills.
  const tabs = page.getByRole("navigation").last();
  await expect(tabs.getByRole("link")).toHaveText([
    "Trang chủ",
    "Hóa đơn",
    "Dịch vụ",
    "Phản ánh",
    "Tài khoản",
  ]);

  // Pay opens the oldest notice: its VietQR saves as a PNG that reads back as the notice's payload.
  await pay.click();
  await expect(page).toHaveURL(`/app/invoices/${open[0]?.id}`);
  const notice = await api(page, "GET", `/api/v1/invoices/${open[0]?.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Lưu mã QR" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`VietQR-${notice.code}.png`);
  const png = readPng(await readFile(await download.path()));
  expect(jsQR(png.rgba, png.width, png.height)?.data).toBe(notice.transfer.qrPayload);

  // The transfer opens in a banking app that fills it in (VietQR.io's deep link), on the phone.
  await page.getByRole("button", { name: "Mở ứng dụng ngân hàng" }).click();
  const mb = page.getByRole("menuitem", { name: "MB Bank" });
  await expect(mb).toHaveAttribute(
    "href",
    new RegExp(
      `^https://dl\\.vietqr\\.io/pay\\?app=mb&am=${notice.balance}&tn=${notice.transfer.memo}&ba=${notice.transfer.accountNumber}@vcb&`,
    ),
  );
  await page.keyboard.press("Escape");
  // Closed, not mid-transition, when the page is checked on closing.
  await expect(page.getByRole("menu")).toHaveCount(0);
  await phone.close();
});
