import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 14, notifications: a resident chooses how they are told, on their phone; the company admin finds what
// could not be delivered in the settings.

const shots = process.env.E2E_SHOTS;

test("a resident chooses channels and quiet hours, and finds them kept", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await page.goto("/app/account");
  const section = page.getByRole("region", { name: "Cách nhận thông báo" });
  await expect(section).toBeVisible();
  const buildingEmail = section.getByRole("checkbox", { name: "Tin tòa nhà: Email" });
  const wasOn = await buildingEmail.isChecked();
  await buildingEmail.setChecked(!wasOn);
  // Security and privacy notices always go by email.
  await expect(
    section.getByRole("checkbox", { name: "Tài khoản, bảo mật và quyền riêng tư: Email" }),
  ).toBeDisabled();
  await section.getByLabel("Từ").fill("22:30");
  await section.getByRole("button", { name: "Lưu lựa chọn" }).click();
  await expect(section.getByRole("status")).toHaveText("Đã lưu cách nhận thông báo.");
  if (shots) await page.screenshot({ path: `${shots}/notification-preferences.png`, fullPage: true });
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Tin tòa nhà: Email" })).toBeChecked({ checked: !wasOn });
  await expect(page.getByLabel("Từ")).toHaveValue("22:30");
  await phone.close();
});

test("the company admin sees the notifications not delivered", async ({ page }) => {
  await signIn(page, "admin@demo.chungcu.vn");
  await page.goto("/console/settings");
  const section = page.getByRole("region", { name: "Thông báo chưa gửi được" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/Mọi thông báo đều đã gửi được|Gửi lại tất cả/).first()).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/dead-letters.png`, fullPage: true });
});
