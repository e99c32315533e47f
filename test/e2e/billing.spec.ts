import { expect, test } from "./fixtures.js";
import { addFixedFee, billThisMonth, buildingIdOf, issueAllReviewed, signIn } from "./helpers.js";

// The demo has billing data (fee rules, readings, two issued months): the accountant adds a rule of their own
// before reading a meter, far above the unit's usual consumption; the resident's notice is one the test makes
// sure is owed. Names are unique per attempt, so a retry on the same server does not clash.

test("an accountant adds a fee rule and records a meter reading", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const ruleName = `Tiền điện e2e ${suffix}`;
  await signIn(page, "accountant@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/console/);

  await page.getByRole("button", { name: "Thu phí" }).click();
  await page.getByRole("link", { name: "Khoản phí" }).click();
  await expect(page.getByRole("heading", { name: "Khoản phí", level: 1 })).toBeVisible();
  await page.getByLabel("Tòa nhà", { exact: true }).selectOption({ label: "Chung cư Demo Riverside" });

  // A metered electricity fee (the tariff and VAT are suggested for the kind), so the building has meters to read.
  await page.getByRole("button", { name: "Thêm khoản phí" }).first().click();
  const add = page.getByRole("dialog", { name: "Thêm khoản phí" });
  await add.getByLabel("Loại phí", { exact: true }).selectOption("electricity");
  await add.getByLabel("Tên khoản phí", { exact: true }).fill(ruleName);
  await expect(add.getByLabel("Biểu giá", { exact: true })).toHaveValue("evn-household");
  await add.getByRole("button", { name: "Lưu" }).click();
  await expect(add).toHaveCount(0);
  const rules = page.getByRole("table", { name: "Các khoản phí của tòa nhà" });
  await expect(rules.getByRole("row").filter({ hasText: ruleName })).toContainText("Điện sinh hoạt (EVN)");

  // The readings screen remembers the building; pick a unit by its code and type its reading.
  await page.getByRole("link", { name: "Chỉ số công tơ" }).click();
  await expect(page.getByRole("heading", { name: "Chỉ số công tơ", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Tìm căn hộ" }).fill("B-20.08");
  await page.getByRole("option", { name: "B-20.08", exact: true }).click();
  await expect(page.getByRole("heading", { name: "B-20.08" })).toBeVisible();
  await page.getByRole("textbox", { name: "Chỉ số mới (kWh)" }).fill("987654");
  await page.getByRole("button", { name: "Lưu & tiếp" }).click();
  // With the demo's readings the unit has a usual consumption, far below this one: the screen asks to confirm.
  const saved = page.getByRole("status").filter({ hasText: "Đã lưu B-20.08" });
  const unusual = page.getByRole("alert").filter({ hasText: "bất thường" });
  await expect(unusual).toBeVisible();
  await expect(saved).toHaveCount(0);
  await unusual.getByRole("button", { name: "Xác nhận" }).click();
  await expect(saved).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Chỉ số điện đã ghi" }).getByRole("row").filter({ hasText: "B-20.08" }),
  ).toContainText("987.654");
});

test("a resident opens Hóa đơn and a notice with what is due, its VietQR and the details to copy", async ({
  browser,
  page: accountant,
}) => {
  // The resident owes a notice whatever earlier tests paid: the accountant bills a fee of this test's own.
  await signIn(accountant, "accountant@demo.chungcu.vn");
  await expect(accountant).toHaveURL(/\/console/);
  await addFixedFee(accountant, "Chung cư Demo Riverside");
  await issueAllReviewed(
    accountant,
    await buildingIdOf(accountant, "Chung cư Demo Riverside"),
    await billThisMonth(accountant, "Chung cư Demo Riverside"),
  );

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app/);

  await page.getByRole("link", { name: "Hóa đơn", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hóa đơn", level: 1 })).toBeVisible();
  const notices = page.getByRole("list", { name: "Các thông báo phí" });
  await expect(notices).toBeVisible();
  await expect(page.getByText("Chưa có thông báo phí")).toHaveCount(0);

  // An owed notice (money due, the building has a receiving account) shows its VietQR and the details to copy.
  await page.getByRole("link", { name: "Xem & thanh toán" }).first().click();
  await expect(page).toHaveURL(/\/app\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /^Thông báo phí Tháng \d{2}\/\d{4}$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Chi tiết các khoản phí" })).toBeVisible();
  await expect(page.getByText(/^Bằng chữ: /)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Chuyển khoản bằng VietQR" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Mã VietQR chuyển/ })).toBeVisible();
  await page.getByRole("button", { name: "Sao chép thông tin chuyển khoản" }).click();
  await expect(page.getByRole("status").filter({ hasText: "sao chép" })).toBeVisible();
  await phone.close();
});
