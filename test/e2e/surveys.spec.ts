import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 14, surveys: the manager asks the building a question; a resident answers it on a phone; the manager's
// results show the answer in the chart.

const shots = process.env.E2E_SHOTS;

test("a resident answers a survey and the manager sees the chart", async ({ browser }) => {
  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  // The sign-in test leaves this manager's account in English: this one reads Vietnamese.
  await manager.getByRole("combobox", { name: "Ngôn ngữ / Language" }).selectOption({ label: "Tiếng Việt" });
  await manager.getByRole("link", { name: "Khảo sát", exact: true }).click();
  await manager.getByRole("link", { name: "Tạo khảo sát" }).click();
  await expect(manager.getByRole("heading", { name: "Tạo khảo sát" })).toBeVisible();
  const title = `Khảo sát vệ sinh ${Date.now().toString(36)}`;
  await manager.getByLabel("Tên khảo sát").fill(title);
  await manager.getByLabel("Nội dung câu hỏi").fill("Hành lang tầng bạn có sạch không?");
  await manager.getByLabel("Các lựa chọn (mỗi dòng một lựa chọn)").fill("Sạch\nTạm được\nBẩn");
  await manager.getByRole("button", { name: "Gửi khảo sát" }).click();
  const drawer = manager.getByRole("dialog", { name: title });
  await expect(drawer).toContainText("Đang mở");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const resident = await phone.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Khảo sát", exact: true }).click({ timeout: 30_000 });
  await resident.getByRole("link", { name: new RegExp(title) }).click();
  await resident.getByRole("radio", { name: "Tạm được" }).check();
  await resident.getByRole("button", { name: "Gửi câu trả lời" }).click();
  await expect(resident.getByText("Cảm ơn bạn đã trả lời.")).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/survey-answered.png`, fullPage: true });

  await manager.reload();
  const chart = manager
    .getByRole("dialog", { name: title })
    .getByRole("img", { name: "Sạch: 0, Tạm được: 1, Bẩn: 0" });
  // The survey went to every household of the demo building (email, Zalo, SMS): on PGlite's one connection those
  // deliveries take turns with the pages' requests for a while after it is sent.
  await expect(chart).toBeVisible({ timeout: 30_000 });
  if (shots) await manager.screenshot({ path: `${shots}/survey-results.png` });
  await phone.close();
  await office.close();
});
