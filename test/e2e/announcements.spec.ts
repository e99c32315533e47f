import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 14, announcements: a manager writes to part of the building; the resident's open app shows what was
// sent to them as it is published, and nothing of what was not.

const shots = process.env.E2E_SHOTS;

test("a manager composes a targeted announcement; the resident in its audience sees it arrive, not the one sent elsewhere", async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const resident = await phone.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.goto("/app/announcements");
  await expect(resident.getByRole("heading", { name: "Thông báo của tòa nhà" })).toBeVisible();
  let loads = 0;
  resident.on("load", () => loads++);

  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  const suffix = Date.now().toString(36);

  /** Writes an announcement for some floors through the compose screen and publishes it. */
  async function publishTo(floor: string, title: string, attachment?: string) {
    await manager.getByRole("link", { name: "Thông báo", exact: true }).click();
    await manager.getByRole("link", { name: "Soạn thông báo" }).click();
    await expect(manager.getByRole("heading", { name: "Soạn thông báo" })).toBeVisible();
    await manager.getByLabel("Tiêu đề", { exact: true }).fill(title);
    await manager.getByLabel("Loại tin").selectOption({ label: "Bảo trì" });
    await manager.getByLabel("Nội dung").fill("Thang máy số 2 dừng từ 9:00 đến 10:00 để bảo trì định kỳ.");
    await manager.getByRole("combobox", { name: "Tầng" }).click();
    await manager.getByRole("option", { name: `Tầng ${floor}`, exact: true }).click();
    await manager.keyboard.press("Escape");
    if (attachment) {
      await manager.locator('input[type="file"]').setInputFiles({
        name: attachment,
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
      });
      await expect(manager.getByRole("button", { name: `Bỏ tệp ${attachment}` })).toBeVisible();
    }
    const count = manager.getByTestId("audience-count");
    await expect(count).toContainText(/Sẽ gửi tới \d+ người/);
    // The phone preview shows the text as residents will read it.
    await expect(manager.getByLabel("Xem trước trên điện thoại")).toContainText(title);
    if (shots) await manager.screenshot({ path: `${shots}/compose.png`, fullPage: true });
    await manager.getByRole("button", { name: "Đăng ngay" }).click();
    const dialog = manager.getByRole("dialog", { name: "Đăng thông báo này?" });
    await dialog.getByRole("button", { name: "Đăng ngay" }).click();
    await expect(manager).toHaveURL(/\/console\/announcements\?building=/);
    const row = manager.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("Đã đăng");
    return row;
  }

  // The resident lives on floor 12 of block A: an announcement to floor 3 is not theirs.
  await publishTo("3", `Tầng 3: bảo trì ${suffix}`);
  const mine = `Tầng 12: bảo trì thang máy ${suffix}`;
  const row = await publishTo("12", mine, "lich-bao-tri.pdf");
  if (shots) await manager.screenshot({ path: `${shots}/list.png`, fullPage: true });

  // Within seconds, only the live stream can have told the open page (it polls every five minutes).
  await expect(resident.getByRole("link", { name: new RegExp(mine) })).toBeVisible({ timeout: 10_000 });
  await expect(resident.getByText(`Tầng 3: bảo trì ${suffix}`)).toHaveCount(0);
  expect(loads).toBe(0);
  if (shots) await resident.screenshot({ path: `${shots}/feed.png`, fullPage: true });

  // Opening it is the read receipt the manager sees.
  await resident.getByRole("link", { name: new RegExp(mine) }).click();
  await expect(resident.getByRole("heading", { name: mine })).toBeVisible();
  await expect(resident.getByRole("link", { name: /lich-bao-tri\.pdf/ })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/announcement.png`, fullPage: true });
  await manager.reload();
  await expect(row).toContainText("1/1 (100%)");
  await row.getByRole("button", { name: mine }).click();
  const drawer = manager.getByRole("dialog", { name: "Chi tiết thông báo" });
  await expect(drawer).toContainText("Tầng 12");
  if (shots) await manager.screenshot({ path: `${shots}/detail.png` });
  await phone.close();
  await office.close();
});

test("a manager sends an emergency alert after confirming it, and watches every channel's report fill", async ({
  browser,
}) => {
  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await manager.getByRole("link", { name: "Thông báo", exact: true }).click();
  await manager.getByRole("button", { name: "Cảnh báo khẩn cấp" }).click();
  const dialog = manager.getByRole("dialog", { name: "Gửi cảnh báo khẩn cấp" });
  await dialog.getByLabel("Tiêu đề", { exact: true }).fill("Mất điện toàn khối B");
  await dialog.getByLabel("Nội dung").fill("Không dùng thang máy cho tới khi có điện lại.");
  await dialog.getByText("B", { exact: true }).click();
  await expect(dialog.getByRole("checkbox", { name: "B", exact: true })).toBeChecked();
  // Not sent until the manager confirms it is an emergency.
  await dialog.getByRole("button", { name: "Gửi cảnh báo ngay" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("checkbox", { name: /Tôi xác nhận/ }).check();
  await dialog.getByRole("button", { name: "Gửi cảnh báo ngay" }).click();
  const report = manager.getByRole("dialog", { name: "Báo cáo gửi" });
  await expect(report).toContainText("Mất điện toàn khối B");
  await expect(report.getByRole("status")).toContainText("Đã gửi xong.", { timeout: 30_000 });
  await expect(report.getByRole("table", { name: "Báo cáo gửi" })).toContainText("Email");
  if (shots) await manager.screenshot({ path: `${shots}/emergency-report.png` });
  await office.close();
});
