import { expect, test } from "./fixtures.js";

// The pages anyone may read, as a visitor sees them in Vietnamese on a desktop and on a phone. The fixture checks
// each of them (axe, and no raw i18n key such as "landing.signIn" left in the header) as the visitor moves on.
const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
];

for (const size of SIZES) {
  test(`a visitor reads the landing page, the privacy policy and the terms (${size.name})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: size.viewport, isMobile: size.isMobile });
    const page = await context.newPage();
    const header = page.getByRole("banner");
    const signIn = header.getByRole("link", { name: "Đăng nhập", exact: true });

    await page.goto("/");
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "Chungcu: vận hành chung cư minh bạch, thanh toán dễ dàng",
      }),
    ).toBeVisible();
    await expect(signIn).toHaveText("Đăng nhập");

    // The footer's links change the route inside the app.
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: "Chính sách bảo vệ dữ liệu cá nhân" })
      .click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Chính sách bảo vệ dữ liệu cá nhân" }),
    ).toBeVisible();
    await expect(signIn).toHaveText("Đăng nhập");

    await page.getByRole("contentinfo").getByRole("link", { name: "Điều khoản sử dụng" }).click();
    await expect(page).toHaveURL(/\/terms$/);
    await expect(page.getByRole("heading", { level: 1, name: "Điều khoản sử dụng" })).toBeVisible();
    await expect(signIn).toHaveText("Đăng nhập");

    // Opened directly (a fresh load without the landing page's chunk), the header is translated as well.
    await page.goto("/privacy");
    await expect(
      page.getByRole("heading", { level: 1, name: "Chính sách bảo vệ dữ liệu cá nhân" }),
    ).toBeVisible();
    await expect(signIn).toHaveText("Đăng nhập");
    await page.goto("/terms");
    await expect(page.getByRole("heading", { level: 1, name: "Điều khoản sử dụng" })).toBeVisible();
    await expect(signIn).toHaveText("Đăng nhập");

    await signIn.click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.close();
  });
}
