import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";
import { addFixedFee, signIn, thisPeriod } from "./helpers.js";

// The month's billing end to end on the demo (the last two months billed and issued; the demo resident's unit
// owes the last one): the accountant bills and issues this month, the resident pays a notice through the
// sandbox card gateway, and the billing overview shows the money collected. Each test makes the state it needs
// whatever ran before it on the same server: it adds a fee of its own before billing this month, so the run
// always drafts something to issue (new notices, or adjustments of issued ones) and the resident owes a notice.

const BUILDING = "Chung cư Demo Riverside";

/** As the accountant: a fee of the test's own, Tính phí for this month, wait for the summary, issue the drafts. */
async function billAndIssue(page: Page): Promise<void> {
  await addFixedFee(page, BUILDING);
  await page.goto(`/console/billing/notices?period=${thisPeriod()}`);
  await expect(page.getByRole("heading", { name: "Tính phí & thông báo", level: 1 })).toBeVisible();
  await page.getByLabel("Tòa nhà", { exact: true }).selectOption({ label: BUILDING });
  await page.getByRole("button", { name: "Tính phí", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Số thông báo" })).toBeVisible({ timeout: 30_000 });
  const issue = page.getByRole("button", { name: "Phát hành", exact: true });
  await expect(issue).toBeEnabled();
  await issue.click();
  // The confirmation lists what needs a look (readings still missing this month, first notices, changes): this
  // test issues every section as it is.
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Phát hành", exact: true });
  await expect(dialog.getByText(/thông báo phí nháp của/)).toBeVisible({ timeout: 20_000 });
  const issueAll = dialog.getByRole("button", { name: /^Phát hành tất cả/ });
  for (const button of await issueAll.all()) await button.click();
  await expect(dialog.getByText(/chưa chọn phát hành hay loại ra/)).toHaveCount(0);
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Đã phát hành" }).first()).toBeVisible();
}

/** The accountant, in a page of its own, bills and issues this month: the demo resident then owes a notice. */
async function billForResident(browser: Browser): Promise<void> {
  const accountant = await browser.newPage();
  await signIn(accountant, "accountant@demo.chungcu.vn");
  await expect(accountant).toHaveURL(/\/console/);
  await billAndIssue(accountant);
  await accountant.close();
}

async function asResident(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/app/);
  return { context, page };
}

/** As the resident, who owes at least one notice (billForResident): the first open notice on Hóa đơn. */
async function openUnpaidNotice(page: Page): Promise<void> {
  await page.goto("/app/invoices");
  await expect(page.getByRole("heading", { name: "Hóa đơn", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Các thông báo phí" })).toBeVisible();
  const pay = page.getByRole("link", { name: "Xem & thanh toán" }).first();
  await expect(pay).toBeVisible();
  await pay.click();
  await expect(page).toHaveURL(/\/app\/invoices\/[0-9a-f-]{36}$/);
}

/** On an open notice: pay it through the sandbox gateway and come back to it paid. */
async function payOnline(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Thanh toán bằng thẻ / ví" }).click();
  await expect(page).toHaveURL(/\/sandbox\/vnpay\//);
  await page.getByRole("button", { name: /^Thanh toán/ }).click();
  await expect(page).toHaveURL(/\/app\/invoices\/[0-9a-f-]{36}\?payment=paid/);
  await expect(page.getByRole("status").filter({ hasText: "Thanh toán thành công" })).toBeVisible();
  await expect(page.getByText("Đã thanh toán").first()).toBeVisible();
}

test("the accountant bills this month and issues the notices", async ({ page }) => {
  await signIn(page, "accountant@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/console/);
  await billAndIssue(page);
  const notices = page.getByRole("table", { name: /^Thông báo phí/ });
  await expect(notices.getByRole("row").nth(1)).toBeVisible();
  await expect(notices).not.toContainText("Chưa có");
});

test("a resident pays a notice by card through the gateway", async ({ browser }) => {
  await billForResident(browser);
  const { context, page } = await asResident(browser);
  await openUnpaidNotice(page);
  await expect(page.getByRole("img", { name: /^Mã VietQR chuyển/ })).toBeVisible();
  await expect(page.getByText("Nội dung chuyển khoản", { exact: true })).toBeVisible();
  await payOnline(page);
  await context.close();
});

/** The collected amount of every month in the overview's figures table, by period. */
async function collectedByMonth(page: Page): Promise<Map<string, number>> {
  await page.goto("/console/billing/dashboard");
  await expect(page.getByRole("heading", { name: "Tổng quan thu phí", level: 1 })).toBeVisible();
  await page.getByLabel("Tòa nhà", { exact: true }).selectOption({ label: BUILDING });
  const table = page.getByRole("table", { name: "Số liệu thu phí theo tháng", includeHidden: true });
  await expect(table.locator("tbody tr").first()).toBeAttached();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-period") ?? "", tr.children[2]?.textContent ?? ""]),
    );
  return new Map(rows.map(([period, text]) => [period ?? "", Number((text ?? "").replace(/\D/g, ""))]));
}

test("the billing overview shows what a payment collected", async ({ browser, page }) => {
  await signIn(page, "accountant@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/console/);
  await billAndIssue(page);
  const resident = await asResident(browser);
  await openUnpaidNotice(resident.page);
  // The notice's heading names its month once the notice has loaded; read it only then.
  const title = resident.page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(/\d{2}\/\d{4}/);
  const heading = await title.textContent();
  const [, month, year] = /(\d{2})\/(\d{4})/.exec(heading ?? "") ?? [];
  const period = `${year}-${month}`;

  const before = await collectedByMonth(page);
  await expect(page.getByRole("region", { name: "Tỷ lệ thu" })).toContainText("%");
  await payOnline(resident.page);
  await resident.context.close();

  await expect
    .poll(async () => (await collectedByMonth(page)).get(period) ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(before.get(period) ?? 0);
  // The chart itself is there, with the month's label on its axis.
  await expect(page.getByRole("img", { name: "Đã tính và đã thu theo tháng" })).toBeVisible();
  await expect(page.getByText(`T${month}/${year}`).first()).toBeAttached();
});
