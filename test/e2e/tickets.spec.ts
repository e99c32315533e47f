import { squarePng } from "../helpers/png.js";
import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 15, tickets: a resident reports a leak from the phone with a photo; the building manager assigns it to the
// technician; the technician, on a phone, sees the unit and the requester's first name only, works it and marks it
// resolved; the resident rates it, which closes it.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

test("a resident reports a leak, the technician resolves it, the resident rates it", async ({ browser }) => {
  const title = `Rò nước bồn rửa ${Date.now().toString(36)}`;
  const home = await browser.newContext(PHONE);
  const resident = await home.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Phản ánh", exact: true }).click();
  await resident.getByRole("link", { name: "Báo sự cố" }).click();
  await resident.getByText("Cấp thoát nước", { exact: true }).click();
  await expect(resident.getByRole("radio", { name: "Cấp thoát nước" })).toBeChecked();
  await resident.getByLabel("Tiêu đề").fill(title);
  await resident.getByLabel("Mô tả").fill("Ống xả dưới bồn rửa bếp bị rò, nước chảy ra sàn.");
  await resident.locator('input[type="file"]').setInputFiles({
    name: "bon-rua.png",
    mimeType: "image/png",
    buffer: squarePng(400, 300, [40, 120, 200]),
  });
  await expect(resident.getByRole("button", { name: "Bỏ tệp bon-rua.png" })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/ticket-new.png`, fullPage: true });
  await resident.getByRole("button", { name: "Gửi phản ánh" }).click();
  await expect(resident.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  await expect(resident.getByText("Mới", { exact: true })).toBeVisible();
  await expect(resident.getByRole("img", { name: "bon-rua.png" })).toBeVisible();

  // The building manager assigns it to the technician from the desk.
  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await manager.getByRole("link", { name: "Phản ánh", exact: true }).click();
  await manager.getByRole("button", { name: title }).click();
  const desk = manager.getByRole("dialog", { name: new RegExp(title) });
  await expect(desk).toContainText("Nguyễn Văn An");
  const assignee = desk.getByLabel("Người xử lý");
  const technician = await assignee.locator("option", { hasText: "Hoàng Văn Kỹ Thuật" }).textContent();
  await assignee.selectOption({ label: technician ?? "" });
  await expect(desk.getByText("đã phân công người xử lý")).toBeVisible();
  await desk.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(desk.getByText("Đã tiếp nhận").first()).toBeVisible();
  if (shots) await manager.screenshot({ path: `${shots}/ticket-desk.png` });
  await office.close();

  // The technician works it from a phone: the unit, the first name, nothing more of the resident.
  const field = await browser.newContext(PHONE);
  const tech = await field.newPage();
  await signIn(tech, "tech@demo.chungcu.vn");
  await tech.getByRole("button", { name: "Điều hướng" }).click();
  await tech.getByRole("link", { name: "Phản ánh", exact: true }).click();
  await tech.getByRole("button", { name: title }).click();
  const job = tech.getByRole("dialog", { name: new RegExp(title) });
  await expect(job).toContainText("An ·");
  await expect(job).toContainText("Căn A-12.05");
  await expect(job).not.toContainText("Nguyễn Văn An");
  await job.getByRole("button", { name: "Bắt đầu xử lý" }).click();
  await job.getByLabel("Tin nhắn").fill("Đã thay ron ống xả, anh kiểm tra giúp.");
  await job.getByRole("button", { name: "Gửi" }).click();
  await expect(job.getByText("Đã thay ron ống xả, anh kiểm tra giúp.")).toBeVisible();
  await job.getByRole("button", { name: "Đã xử lý xong" }).click();
  await expect(job.getByText("Đã xử lý xong").first()).toBeVisible();
  if (shots) await tech.screenshot({ path: `${shots}/ticket-technician.png`, fullPage: true });
  await field.close();

  // The resident sees it resolved (live), rates it and it closes.
  await expect(resident.getByText("Đã thay ron ống xả, anh kiểm tra giúp.")).toBeVisible({ timeout: 10_000 });
  await expect(resident.getByText("Sự cố đã được xử lý. Bạn hài lòng chứ?")).toBeVisible();
  // The stars are labels over hidden radios, as Mantine draws a rating: a person clicks the fourth star.
  const fourth = await resident.getByRole("radio", { name: "4 sao" }).getAttribute("id");
  await resident.locator(`label[for="${fourth}"]`).click();
  await expect(resident.getByRole("radio", { name: "4 sao" })).toBeChecked();
  await resident.getByLabel("Nhận xét (không bắt buộc)").fill("Sửa nhanh, sạch sẽ.");
  await resident.getByRole("button", { name: "Xác nhận đã xong và gửi đánh giá" }).click();
  await expect(resident.getByText("Đã đóng", { exact: true })).toBeVisible();
  await expect(resident.getByText("Cư dân đánh giá 4/5 — “Sửa nhanh, sạch sẽ.”")).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/ticket-rated.png`, fullPage: true });
  await home.close();
});
