import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Partners: the company admin finds the demo's two partners, onboards a gas shipper for the demo building, and
// suspends it with a reason.

const DESK = { viewport: { width: 1440, height: 900 } };

test("a company admin onboards a partner and suspends it", async ({ browser }) => {
  const page = await (await browser.newContext(DESK)).newPage();
  await signIn(page, "admin@demo.chungcu.vn");
  await page.getByRole("link", { name: "Đối tác", exact: true }).click();
  await expect(page.getByRole("table")).toContainText("Nước Suối Mát");
  await expect(page.getByRole("table")).toContainText("Nhà Xinh Cleaning");

  const stamp = String(Date.now() % 1_000_000).padStart(6, "0");
  const name = `Gas Bình An ${stamp}`;
  await page.getByRole("button", { name: "Thêm đối tác" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Thêm đối tác" });
  await dialog.getByLabel("Tên pháp lý").fill(`Công ty TNHH Gas Bình An ${stamp}`);
  await dialog.getByLabel("Tên hiển thị").fill(name);
  await dialog.getByLabel("MST").fill(`0318${stamp}`);
  await dialog.getByLabel("Đường dây nóng").fill("0903 111 222");
  await dialog.getByLabel("Gas").check();
  await dialog
    .getByRole("checkbox", { name: /Chung cư|Tòa/ })
    .first()
    .check();
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await expect(dialog.getByText("Chọn ngân hàng")).toBeVisible();
  await dialog.getByLabel("Ngân hàng nhận thanh toán").fill("Vietcombank");
  await page.getByRole("option", { name: /^Vietcombank/ }).click();
  await dialog.getByLabel("Số tài khoản").fill("0071009998887");
  await dialog.getByLabel("Tên chủ tài khoản").fill("CONG TY TNHH GAS BINH AN");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("8 %");
  await expect(row).toContainText("Vietcombank …8887");

  await row.getByRole("button", { name: "Tạm ngừng" }).click();
  const suspend = page.getByRole("dialog", { name: `Tạm ngừng ${name}` });
  await suspend.getByLabel("Lý do").fill("Chưa nộp giấy phép kinh doanh khí");
  await suspend.getByRole("button", { name: "Tạm ngừng" }).click();
  await expect(row).toContainText("Chưa nộp giấy phép kinh doanh khí");
  await expect(row.getByRole("button", { name: "Kích hoạt lại" })).toBeVisible();
});
