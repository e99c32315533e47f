import { expect, test } from "./fixtures.js";
import { codeFor, DEMO_PASSWORD, lastOutboxId, signIn } from "./helpers.js";

test.use({ storageState: { cookies: [], origins: [] } });

test("a building manager signs in with a one-time code, switches language and signs out", async ({
  page,
}) => {
  await page.goto("/");
  // A first visit: the public landing page, and a cookie banner that set nothing before the choice.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chungcu");
  await expect(page.getByRole("link", { name: /chính sách bảo vệ dữ liệu cá nhân/i }).first()).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("cc_cookie_choice");
  await page.getByRole("button", { name: "Chỉ cookie cần thiết" }).click();
  expect((await page.context().cookies()).find((c) => c.name === "cc_cookie_choice")?.value).toBe(
    "necessary",
  );
  await page.getByRole("link", { name: "Đăng nhập" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");

  // A wrong password is refused in Vietnamese, and what was typed stays.
  await page.getByLabel("Email hoặc số điện thoại").fill("manager@demo.chungcu.vn");
  await page.getByLabel("Mật khẩu", { exact: true }).fill("sai-mat-khau-1");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Email/số điện thoại hoặc mật khẩu không đúng.")).toBeVisible();
  await expect(page.getByLabel("Email hoặc số điện thoại")).toHaveValue("manager@demo.chungcu.vn");

  const before = await lastOutboxId(page);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await expect(page.getByText(/ma\*\*\*@demo\.chungcu\.vn/)).toBeVisible();
  await page.getByLabel("Mã một lần").fill(await codeFor(page, "manager@demo.chungcu.vn", before));
  await page.getByRole("button", { name: "Xác nhận" }).click();

  await expect(page).toHaveURL(/\/console/);
  await expect(page.getByRole("link", { name: "Tổng quan", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tòa nhà", exact: true })).toBeVisible();

  await page.getByLabel("Ngôn ngữ / Language").first().selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Overview", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Buildings", exact: true })).toBeVisible();

  await page.getByRole("button", { name: /^User menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const me = await page.request.get("/api/v1/auth/me");
  expect(me.status()).toBe(401);
});

test("revoking a session from another browser signs that browser out", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1",
  });
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();

  await signIn(phonePage, "admin@demo.chungcu.vn");
  await expect(phonePage).toHaveURL(/\/console/);
  await signIn(laptopPage, "admin@demo.chungcu.vn");
  await expect(laptopPage).toHaveURL(/\/console/);

  await laptopPage.goto("/console/account");
  await expect(laptopPage.getByText("Phiên này")).toBeVisible();
  // The phone's session is the one named after its device.
  const revoke = laptopPage.getByRole("button", { name: /^Đăng xuất phiên Safari · iOS/ });
  await expect(revoke).toHaveCount(1);
  await revoke.click();
  await expect(revoke).toHaveCount(0);

  // The phone's next request finds its session gone and lands on the sign-in page.
  await phonePage.goto("/console/buildings");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  expect((await phonePage.request.get("/api/v1/auth/me")).status()).toBe(401);
  expect((await laptopPage.request.get("/api/v1/auth/me")).status()).toBe(200);

  await laptop.close();
  await phone.close();
});
