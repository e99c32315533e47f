import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures.js";
import { codeFor, lastOutboxId, signIn } from "./helpers.js";

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
  // Mantine's switch input is visually hidden (hence force): bring it to the middle of the phone's screen first,
  // so the click does not land on the fixed tab bar.
  await marketing.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await marketing.click({ force: true });
  await expect(marketing).toBeChecked();
  await marketing.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await marketing.click({ force: true });
  await expect(marketing).not.toBeChecked();
  await expect(page.getByText(/Đã rút lại sự đồng ý/)).toBeVisible();

  await page.goto("/app/privacy/requests");
  await page.getByRole("button", { name: "Yêu cầu mới" }).click();
  await page.getByRole("radio", { name: /Xóa dữ liệu/ }).check({ force: true });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await page.getByRole("button", { name: "Xác nhận xóa dữ liệu" }).click();
  await expect(page.getByText(/Đã gửi yêu cầu/)).toBeVisible();
  await expect(page.getByText("Xóa dữ liệu").first()).toBeVisible();
  await page.screenshot({ path: "test-results/privacy-resident-requests.png", fullPage: true });
});

test("customer care sees the erasure request with its clock", async ({ page }) => {
  await signIn(page, "care@demo.chungcu.vn");
  await page.goto("/console/privacy/requests");
  await expect(page.getByRole("heading", { name: "Yêu cầu của chủ thể dữ liệu" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Xóa dữ liệu" }).first();
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
    .fill("Bảng danh sách cư dân tòa A được gửi nhầm tới một địa chỉ email bên ngoài.");
  await dialog.getByRole("combobox", { name: "Dữ liệu bị ảnh hưởng" }).click();
  await page.getByRole("option", { name: "Họ và tên" }).click();
  await page.getByRole("option", { name: "Số điện thoại" }).click();
  await dialog.getByRole("combobox", { name: "Tòa nhà bị ảnh hưởng" }).click();
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

test("customer care records a request for a resident who calls in, after the code they read back", async ({
  page,
}) => {
  await signIn(page, "care@demo.chungcu.vn");
  await page.goto("/console/privacy/requests");
  await page.getByRole("button", { name: "Ghi nhận yêu cầu thay cư dân" }).click();
  const dialog = page.getByRole("dialog");
  const picker = dialog.getByRole("combobox", { name: "Cư dân" });
  await picker.fill("thu huong");
  await page.getByRole("option", { name: /Phạm Thị Thu Hương/ }).click();
  await expect(picker).toHaveValue(/Phạm Thị Thu Hương/);
  await dialog.getByRole("radio", { name: /^Email tới/ }).check({ force: true });
  const before = await lastOutboxId(page);
  await dialog.getByRole("button", { name: "Gửi mã xác minh" }).click();
  const code = await codeFor(page, "huong.pham@example.vn", before);
  await dialog.getByLabel("Mã cư dân đọc lại").fill(code);
  await dialog.getByLabel("Loại yêu cầu").selectOption({ label: "Sửa dữ liệu" });
  await dialog.getByLabel("Nội dung yêu cầu").fill("Cư dân báo ngày sinh ghi sai.");
  await dialog.getByRole("button", { name: "Ghi nhận yêu cầu" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Sửa dữ liệu" }).first()).toContainText(
    "Chăm sóc khách hàng",
  );
});

test("a new policy that residents must acknowledge is asked for once", async ({ page, browser }) => {
  await signIn(page, "admin@demo.chungcu.vn");
  await page.goto("/console/privacy/policies");
  await page.getByRole("button", { name: "Phát hành phiên bản mới" }).first().click();
  const dialog = page.getByRole("dialog");
  const body =
    "# Chính sách quyền riêng tư\n\nCông ty quản lý đã có chủ sở hữu mới. Mọi cam kết về dữ liệu cá nhân của cư dân được giữ nguyên; " +
    "không có mục đích xử lý mới, không chia sẻ thêm cho bên nào.\n\n## Liên hệ\n\nMọi thắc mắc xin gửi Ban quản lý.";
  await dialog.getByLabel("Tóm tắt thay đổi (tiếng Việt)").fill("Công ty quản lý đã có chủ sở hữu mới.");
  await dialog.getByLabel("Nội dung (tiếng Việt)").fill(body);
  await dialog.getByRole("tab", { name: /Tiếng Anh/ }).click();
  await dialog.getByLabel("Tóm tắt thay đổi (tiếng Anh)").fill("The management company has a new owner.");
  await dialog.getByLabel("Nội dung (tiếng Anh)").fill(body);
  await dialog.getByLabel("Yêu cầu cư dân xác nhận đã đọc").check({ force: true });
  await dialog.getByRole("button", { name: "Phát hành", exact: true }).click();
  await expect(page.getByRole("cell", { name: "Công ty quản lý đã có chủ sở hữu mới." })).toBeVisible();

  const resident = await browser.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  const ack = resident.getByRole("dialog", { name: "Chính sách đã được cập nhật" });
  await expect(ack).toBeVisible();
  await expect(ack).toContainText("Công ty quản lý đã có chủ sở hữu mới.");
  await ack.getByRole("button", { name: "Tôi đã đọc" }).click();
  await expect(ack).toBeHidden();
  await resident.reload();
  await expect(resident.getByRole("link", { name: "Hóa đơn" }).first()).toBeVisible();
  await expect(resident.getByRole("dialog", { name: "Chính sách đã được cập nhật" })).toBeHidden();
  await resident.close();
});
