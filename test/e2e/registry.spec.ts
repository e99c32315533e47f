import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

test("a building manager opens the floor grid and the unit list", async ({ page }) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await page.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await page.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  const blockA = page.getByRole("group", { name: "Sơ đồ tầng tòa A" });
  await expect(blockA.getByRole("group", { name: "Tầng 20" })).toBeVisible();
  const cell = blockA.getByRole("button", { name: "A-12.05, Đang ở, 54,2 m²" });
  await expect(cell).toBeVisible();
  await cell.click();
  await expect(page.getByRole("dialog", { name: "Căn hộ A-12.05" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "Danh sách căn hộ" }).click();
  await page.getByLabel("Tìm theo mã căn hộ").fill("B-20");
  await expect(page.getByRole("button", { name: "B-20.08", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "A-20.08", exact: true })).toHaveCount(0);
});

test("a company admin adds a unit, which appears in the grid; an accountant only looks", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@demo.chungcu.vn");
  await page.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await page.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  await page.getByRole("button", { name: "Thêm căn hộ" }).first().click();
  const form = page.getByRole("dialog", { name: "Thêm căn hộ" });
  await form.getByLabel("Mã căn hộ", { exact: true }).fill("A-20.09");
  await form.getByLabel("Tầng", { exact: true }).fill("20");
  await form.getByLabel("Diện tích (m²)", { exact: true }).fill("64,5");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole("button", { name: "A-20.09, Trống, 64,5 m²" })).toBeVisible();

  // The same code again is refused at the field, and what was typed stays.
  await page.getByRole("button", { name: "Thêm căn hộ" }).first().click();
  await form.getByLabel("Mã căn hộ", { exact: true }).fill("A-20.09");
  await form.getByLabel("Tầng", { exact: true }).fill("20");
  await form.getByLabel("Diện tích (m²)", { exact: true }).fill("64,5");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByText("Mã căn hộ này đã có trong tòa nhà.")).toBeVisible();
  await expect(form.getByLabel("Mã căn hộ", { exact: true })).toHaveValue("A-20.09");

  const accountantContext = await browser.newContext();
  const accountant = await accountantContext.newPage();
  await signIn(accountant, "accountant@demo.chungcu.vn");
  await accountant.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await accountant.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  await expect(accountant.getByRole("button", { name: "A-20.09, Trống, 64,5 m²" })).toBeVisible();
  await expect(accountant.getByRole("button", { name: "Thêm căn hộ" })).toHaveCount(0);
  await accountantContext.close();
});
