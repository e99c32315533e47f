import { squarePng } from "../helpers/png.js";
import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 14, conversations: a resident writes to the management from the phone; customer care, whose inbox is
// open, sees it arrive and answers; the answer appears in the resident's open thread. Neither page reloads.

const shots = process.env.E2E_SHOTS;

test("a resident writes to the management and a care agent answers live", async ({ browser }) => {
  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const care = await office.newPage();
  await signIn(care, "care@demo.chungcu.vn");
  await care.getByRole("link", { name: "Tin nhắn cư dân" }).click();
  await expect(care.getByRole("heading", { name: "Tin nhắn cư dân" })).toBeVisible();
  let careLoads = 0;
  care.on("load", () => careLoads++);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const resident = await phone.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Nhắn Ban quản lý" }).click();
  await resident.getByRole("button", { name: "Viết cho Ban quản lý" }).click();
  const topic = `Vòi nước yếu ${Date.now().toString(36)}`;
  await resident.getByLabel("Chủ đề").fill(topic);
  await resident.getByLabel("Nội dung").fill("Từ sáng nay vòi nước trong bếp chảy rất yếu.");
  // A photo of the tap goes with it (checked and stripped of its metadata by the server).
  await resident.locator('input[type="file"]').setInputFiles({
    name: "voi-nuoc.png",
    mimeType: "image/png",
    buffer: squarePng(400, 300, [30, 110, 190]),
  });
  await expect(resident.getByRole("button", { name: "Bỏ tệp voi-nuoc.png" })).toBeVisible();
  await resident.getByRole("button", { name: "Gửi" }).click();
  await expect(resident.getByRole("heading", { name: topic })).toBeVisible();
  let residentLoads = 0;
  resident.on("load", () => residentLoads++);

  // The care agent's inbox shows it without a reload (the list is read again when the stream says so).
  const line = care.getByRole("button", { name: topic });
  await expect(line).toBeVisible({ timeout: 10_000 });
  await line.click();
  const drawer = care.getByRole("dialog", { name: topic });
  await expect(drawer).toContainText("Từ sáng nay vòi nước trong bếp chảy rất yếu.");
  await expect(drawer.getByRole("img", { name: "voi-nuoc.png" })).toBeVisible();
  await drawer.getByLabel("Tin nhắn").fill("Kỹ thuật sẽ lên kiểm tra lúc 10 giờ sáng nay.");
  await drawer.getByRole("button", { name: "Gửi" }).click();
  await expect(drawer).toContainText("Đã trả lời");
  if (shots) await care.screenshot({ path: `${shots}/care-thread.png` });

  // The answer appears in the resident's open thread, signed by the management, not by the agent.
  await expect(resident.getByText("Kỹ thuật sẽ lên kiểm tra lúc 10 giờ sáng nay.")).toBeVisible({
    timeout: 10_000,
  });
  await expect(resident.getByText("Ban quản lý", { exact: true })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/resident-thread.png`, fullPage: true });
  expect(residentLoads).toBe(0);
  expect(careLoads).toBe(0);
  await phone.close();
  await office.close();
});
