import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures.js";
import { api, codeFor, DEMO_PASSWORD, dropFile, lastOutboxId, signIn } from "./helpers.js";

// Issue 13, item 5: the defects a new user hit on the access log, the import dialog, remembered devices and
// the breach banner. The console is looked at as a desk would show it: 1440×900.
test.use({ viewport: { width: 1440, height: 900 } });

const shot = (page: Page, name: string) =>
  process.env.SHOTS ? page.screenshot({ path: `.tmp/shots/${name}.png`, fullPage: true }) : Promise.resolve();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tmp = () => mkdtempSync(path.join(tmpdir(), "chungcu-e2e-"));

/** A residents list as a building office keeps it: one worksheet called "Sheet1", its own column names. */
async function residentsFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["STT", "Mã căn hộ", "Họ và tên", "Vai trò", "Số điện thoại", "Ngày sinh"]);
  ws.addRow([1, "B-20.01", "Lương Thế Vinh", "Chủ hộ", "0905 12", "14/03/1985"]);
  ws.addRow([2, "B-20.01", "Lương Thị Hoa", "Thành viên", "0905123456", "31/02/1990"]);
  const file = path.join(tmp(), "cu-dan.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Whether a button's label is shown whole (not cut by its box). */
const labelWhole = (button: Locator) =>
  button.evaluate((b) => {
    const label = b.querySelector(".mantine-Button-label") ?? b;
    return label.scrollWidth <= label.clientWidth + 1;
  });

test("import: a residents file dropped on the drop zone is checked as residents, with the phone and impossible-date messages", async ({
  page,
}) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await page.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await page.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  await page.getByRole("button", { name: "Nhập từ Excel" }).click();
  const dialog = page.getByRole("dialog", { name: "Nhập dữ liệu căn hộ, cư dân, phương tiện" });
  const zone = dialog.getByRole("button", { name: /Tệp Excel hoặc CSV/ });
  await expect(zone).toBeFocused();
  await expect(zone).toContainText("Kéo thả tệp vào đây, hoặc bấm để chọn tệp");

  // A wrong type is refused with a message, before anything is sent.
  const notes = path.join(tmp(), "ghi-chu.txt");
  writeFileSync(notes, "không phải bảng tính");
  await dropFile(page, zone, notes, "text/plain");
  await expect(zone).toContainText("Đã chọn: ghi-chu.txt");
  await expect(dialog.getByText("Chỉ nhận tệp .xlsx hoặc .csv.")).toBeVisible();
  await expect(zone).toHaveAttribute("aria-invalid", "true");

  // Clicking the zone, and Enter on it, open the browser's file chooser.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), zone.click()]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles([]);
  await zone.focus();
  const [again] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  await again.setFiles(await residentsFile());
  await expect(zone).toContainText("Đã chọn: cu-dan.xlsx");
  await expect(dialog.getByText("Chỉ nhận tệp .xlsx hoặc .csv.")).toHaveCount(0);

  // Dropped, the residents file is checked as residents (not as the units sheet).
  await dropFile(page, zone, await residentsFile(), XLSX);
  await dialog.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(dialog.getByRole("alert")).toContainText("chưa có dữ liệu nào được ghi");
  const errors = dialog.getByRole("table", { name: "Danh sách lỗi" });
  await expect(errors).toContainText("Sheet1");
  await expect(errors).toContainText(
    "Số điện thoại không hợp lệ (dòng 2, cột “Số điện thoại”): cần số di động 10 chữ số",
  );
  await expect(errors).toContainText("Không có ngày 31/02/1990: tháng 2/1990 chỉ có 28 ngày.");
  await expect(errors).not.toContainText("Email hoặc số điện thoại");
  await expect(errors).not.toContainText("Tòa/Block");
  await shot(page, "import-errors-1440");
});

test("import: the invite button's label is whole on a desk screen and on a tablet", async ({ page }) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await page.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await page.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  await page.getByRole("button", { name: "Nhập từ Excel" }).click();
  const dialog = page.getByRole("dialog", { name: "Nhập dữ liệu căn hộ, cư dân, phương tiện" });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Căn hộ").addRow(["Tòa/Block", "Mã căn hộ", "Tầng", "Diện tích (m²)"]);
  wb.getWorksheet("Căn hộ")?.addRow(["B", "B-19.12", 19, 61]);
  const file = path.join(tmp(), "mot-can.xlsx");
  await wb.xlsx.writeFile(file);
  await dropFile(page, dialog.getByRole("button", { name: /Tệp Excel hoặc CSV/ }), file, XLSX);
  await dialog.getByRole("button", { name: "Kiểm tra" }).click();
  await dialog.getByRole("button", { name: "Nhập dữ liệu" }).click();
  const invite = dialog.getByRole("button", { name: "Mời cư dân vào ứng dụng" });
  await expect(invite).toBeVisible();
  expect(await labelWhole(invite)).toBe(true);
  await shot(page, "import-invite-1440");
  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(invite).toBeVisible();
  expect(await labelWhole(invite)).toBe(true);
  await shot(page, "import-invite-tablet");
});

test("access log at 1440×900: fits the page, lists no health checks, filters by a person picked by name", async ({
  page,
  browser,
}) => {
  // The manager works a little, and a monitor checks health: only the first is access to personal data.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const managerPage = await other.newPage();
  await signIn(managerPage, "manager@demo.chungcu.vn");
  await expect(managerPage.getByRole("heading", { level: 1 })).toBeVisible();
  for (let i = 0; i < 3; i++) expect((await page.request.get("/api/v1/health")).status()).toBe(200);
  await other.close();

  await signIn(page, "admin@demo.chungcu.vn");
  await page.goto("/console/privacy/access-logs?path=health");
  await expect(page.getByText("Không có kết quả phù hợp với bộ lọc.")).toBeVisible();

  await page.goto("/console/privacy/access-logs");
  const table = page.getByRole("table", { name: "Nhật ký truy cập" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    table: Math.max(
      ...Array.from(document.querySelectorAll("table")).map(
        (t) => t.getBoundingClientRect().right - (t.closest("main")?.getBoundingClientRect().right ?? 0),
      ),
    ),
  }));
  expect(overflow.page).toBeLessThanOrEqual(0);
  expect(overflow.table).toBeLessThanOrEqual(0);
  await shot(page, "access-log-1440");

  // The person picker: a name typed without diacritics finds the manager; their id goes to the address.
  const picker = page.getByRole("combobox", { name: "Người dùng" });
  await picker.fill("quan ly");
  await page.getByRole("option", { name: /Nguyễn Văn Quản Lý · Ban quản lý/ }).click();
  await expect(page).toHaveURL(/account=[0-9a-f-]{36}/);
  const rows = table.getByRole("row");
  await expect(async () => {
    await page.reload();
    await expect(rows.nth(1)).toBeVisible({ timeout: 2000 });
  }).toPass();
  const users = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[1]?.textContent ?? ""));
  expect(new Set(users)).toEqual(new Set(["Nguyễn Văn Quản Lý"]));
  // After the reload the filter is still there, and the picker names the person.
  await expect(picker).toHaveValue(/Nguyễn Văn Quản Lý/);
  await shot(page, "access-log-person-1440");

  // A row's detail shows every value whole.
  await rows
    .nth(1)
    .getByRole("button", { name: /Xem chi tiết lượt truy cập lúc/ })
    .click();
  const detail = page.getByRole("dialog", { name: /Lượt truy cập lúc/ });
  await expect(detail).toContainText("Trang trước");
  await expect(detail).toContainText("/api/v1/");
  await shot(page, "access-log-detail-1440");
});

test("remembered devices: only remembered ones are listed, and forgetting one takes it off the list", async ({
  browser,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const email = "accountant@demo.chungcu.vn";
  /** Signs in from a browser of its own, remembering it or not. */
  const signInFrom = async (remember: boolean) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const before = await lastOutboxId(page);
    await page.goto("/sign-in");
    await page.getByLabel("Email hoặc số điện thoại").fill(email);
    await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByLabel("Mã một lần").fill(await codeFor(page, email, before));
    if (remember) await page.getByLabel("Ghi nhớ thiết bị này").check();
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await expect(page).toHaveURL(/\/console/);
    return { context, page };
  };
  const once = await signInFrom(false);
  const remembered = await signInFrom(true);
  const page = remembered.page;
  await page.goto("/console/account");
  const devices = page.getByRole("region", { name: "Thiết bị đã ghi nhớ" });
  await expect(devices.getByText("Thiết bị này", { exact: true })).toBeVisible();
  await expect(devices).toContainText("Ghi nhớ đến");
  await expect(devices).not.toContainText("Không còn được ghi nhớ");
  await expect(devices.getByRole("button", { name: /Quên thiết bị/ })).toHaveCount(1);
  await shot(page, "devices-before");
  await devices.getByRole("button", { name: /Quên thiết bị/ }).click();
  await expect(devices.getByText("Chưa có thiết bị nào được ghi nhớ.")).toBeVisible();
  await expect(devices.getByRole("button", { name: /Quên thiết bị/ })).toHaveCount(0);
  await page.reload();
  await expect(devices.getByText("Chưa có thiết bị nào được ghi nhớ.")).toBeVisible();
  await shot(page, "devices-after");
  await once.context.close();
  await remembered.context.close();
});

test("breach banner: the admin sees the incident and its link; a technician sees a generic notice without either", async ({
  page,
  browser,
}) => {
  const title = `Lộ danh sách gửi xe qua email ${Date.now()}`;
  await signIn(page, "admin@demo.chungcu.vn");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const buildings = (await api(page, "GET", "/api/v1/buildings")) as { items: { id: string }[] };
  const breach = (await api(page, "POST", "/api/v1/privacy/breaches", {
    title,
    description: "Một bảng tính được gửi nhầm ra ngoài công ty.",
    severity: "low",
    fields: ["resident.fullName"],
    scope: { buildingIds: [buildings.items[0]?.id] },
    detectedAt: new Date().toISOString(),
  })) as { id: string };
  try {
    await page.goto("/console");
    const adminBanner = page.getByRole("group", { name: "Hạn thông báo sự cố lộ lọt dữ liệu" }).filter({
      hasText: title,
    });
    await expect(adminBanner).toContainText(`Sự cố lộ lọt dữ liệu: ${title}`);
    await expect(adminBanner.getByRole("link", { name: "Xem sự cố" })).toHaveAttribute(
      "href",
      `/console/privacy/breaches?breach=${breach.id}`,
    );
    await shot(page, "banner-admin");

    const techContext = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      viewport: { width: 1440, height: 900 },
    });
    const tech = await techContext.newPage();
    await signIn(tech, "tech@demo.chungcu.vn");
    const banners = tech.getByRole("group", { name: "Hạn thông báo sự cố lộ lọt dữ liệu" });
    await expect(banners.first()).toContainText("Ban quản lý đang xử lý một sự cố lộ lọt dữ liệu");
    await expect(tech.getByText(title)).toHaveCount(0);
    await expect(banners.getByRole("link")).toHaveCount(0);
    // What the screen does not show is not sent either.
    const payload = await (await tech.request.get("/api/v1/privacy/breaches/clocks")).text();
    expect(payload).not.toContain(title);
    expect(payload).not.toContain(breach.id);
    await shot(tech, "banner-technician");
    await techContext.close();
  } finally {
    // Both notices sent: the clock stops, and no other test sees this incident's banner.
    await api(page, "POST", `/api/v1/privacy/breaches/${breach.id}/authority-notified`, {
      reference: "CV 13/2026",
    });
    await api(page, "POST", `/api/v1/privacy/breaches/${breach.id}/notify-residents`);
  }
});
