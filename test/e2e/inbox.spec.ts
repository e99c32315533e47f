import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";
import { api, buildingIdOf, signIn } from "./helpers.js";

const BUILDING = "Chung cư Demo Riverside";

/** The dashboard's queue cards, by their label. */
const queue = (page: Page, label: string) => page.getByRole("article", { name: label, exact: true });

/** A flag on a demo unit's household, raised as the person signed in on `page`: the flags queue has work. */
async function raiseFlag(page: Page, code: string) {
  const buildingId = await buildingIdOf(page, BUILDING);
  const { items } = await api(page, "GET", `/api/v1/units?buildingId=${buildingId}&q=${code}`);
  const unit = (items as { id: string; code: string }[]).find((u) => u.code === code);
  expect(unit, code).toBeTruthy();
  await api(page, "POST", `/api/v1/units/${unit?.id}/household/flags`, {
    note: "Kiểm tra lại thành viên hộ",
  });
  return { buildingId, unitId: unit?.id as string };
}

test("a building manager's inbox: registry and billing queues, a flag opens the flagged units", async ({
  page,
}) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await expect(page.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  for (const label of [
    "Xe chờ duyệt",
    "Yêu cầu thay đổi chờ duyệt",
    "Hộ cần theo dõi",
    "Chỉ số công tơ còn thiếu",
  ])
    await expect(queue(page, label)).toBeVisible();
  // Not the manager's: transfers are the accountant's, data requests customer care's, breaches the admin's.
  for (const label of ["Chuyển khoản chưa khớp", "Yêu cầu về dữ liệu cá nhân", "Sự cố lộ lọt dữ liệu"])
    await expect(queue(page, label)).toHaveCount(0);

  const { buildingId } = await raiseFlag(page, "A-12.06");
  await page.reload();
  await page.getByRole("link", { name: "Mở danh sách: Hộ cần theo dõi" }).click();
  await expect(page).toHaveURL(new RegExp(`/console/buildings/${buildingId}\\?tab=list&flagged=true`));
  await expect(page.getByLabel("Yêu cầu kiểm tra hộ")).toHaveValue("true");
  const list = page.getByRole("table", { name: "Danh sách căn hộ" });
  await expect(list.getByRole("button", { name: "A-12.06", exact: true })).toBeVisible();
  // Only flagged units: has no flag of this test (and the demo raises none).
  await expect(list.getByRole("button", { name: "A-12.05", exact: true })).toHaveCount(0);
});

test("an accountant's inbox: billing's queues only, missing readings open the readings of the month", async ({
  page,
}) => {
  await signIn(page, "accountant@demo.chungcu.vn");
  for (const label of [
    "Chỉ số công tơ còn thiếu",
    "Thông báo phí chờ phát hành",
    "Chuyển khoản chưa khớp",
    "Căn hộ nợ quá hạn",
  ])
    await expect(queue(page, label)).toBeVisible();
  for (const label of ["Xe chờ duyệt", "Hộ cần theo dõi", "Yêu cầu về dữ liệu cá nhân"])
    await expect(queue(page, label)).toHaveCount(0);
  // The collection KPIs stay for those who read billing.
  await expect(page.getByRole("heading", { name: `Thu phí · ${BUILDING}` })).toBeVisible();

  await page.getByRole("link", { name: "Mở danh sách: Chỉ số công tơ còn thiếu" }).click();
  await expect(page).toHaveURL(/\/console\/billing\/readings\?building=[0-9a-f-]+&period=\d{4}-\d{2}/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("customer care's inbox: approvals and data requests, no billing; a flag opens its building's list", async ({
  page,
}) => {
  await signIn(page, "care@demo.chungcu.vn");
  await expect(page.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  for (const label of [
    "Xe chờ duyệt",
    "Yêu cầu thay đổi chờ duyệt",
    "Hộ cần theo dõi",
    "Yêu cầu về dữ liệu cá nhân",
  ])
    await expect(queue(page, label)).toBeVisible();
  for (const label of ["Chỉ số công tơ còn thiếu", "Thông báo phí chờ phát hành", "Căn hộ nợ quá hạn"])
    await expect(queue(page, label)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: `Thu phí · ${BUILDING}` })).toHaveCount(0);

  await raiseFlag(page, "B-18.08");
  await page.reload();
  await page.getByRole("link", { name: "Mở danh sách: Hộ cần theo dõi" }).click();
  await expect(page).toHaveURL(/flagged=true/);
  await expect(
    page
      .getByRole("table", { name: "Danh sách căn hộ" })
      .getByRole("button", { name: "B-18.08", exact: true }),
  ).toBeVisible();
});

test("a company admin's inbox has the breach with its clock; one click opens the incidents not closed", async ({
  page,
}) => {
  await signIn(page, "admin@demo.chungcu.vn");
  const breaches = queue(page, "Sự cố lộ lọt dữ liệu");
  await expect(breaches).toBeVisible();
  await expect(breaches.getByText(/^\d+$/)).not.toHaveText("0");
  for (const label of [
    "Xe chờ duyệt",
    "Chỉ số công tơ còn thiếu",
    "Chuyển khoản chưa khớp",
    "Yêu cầu về dữ liệu cá nhân",
  ])
    await expect(queue(page, label)).toBeVisible();
  await breaches.getByRole("link", { name: "Mở danh sách: Sự cố lộ lọt dữ liệu" }).click();
  await expect(page).toHaveURL(/\/console\/privacy\/breaches\?status=active/);
  await expect(page.getByLabel("Trạng thái")).toHaveValue("active");
  // A row opens its incident (a click on the row, not only on its title).
  const row = page.getByRole("table", { name: "Sự cố lộ lọt dữ liệu" }).getByRole("row").nth(1);
  await row.getByRole("cell").nth(2).click();
  await expect(page.getByRole("dialog")).toBeVisible();
});

test("list rows open their detail: a resident by click or keyboard, a unit with its owner and balance", async ({
  page,
}) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await page.getByRole("link", { name: "Cư dân", exact: true }).click();
  await page.getByLabel("Tìm theo tên, số điện thoại, email hoặc mã căn hộ").fill("Lê Hoàng Nam");
  const residents = page.getByRole("table", { name: "Danh sách cư dân" });
  const row = residents.getByRole("row").filter({ hasText: "Lê Hoàng Nam" });
  await row.getByRole("cell").nth(2).click();
  const drawer = page.getByRole("dialog", { name: "Lê Hoàng Nam" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Mở căn hộ A-12.06" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await row.focus();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Mở căn hộ A-12.06" }).click();
  await expect(page.getByRole("dialog", { name: "Căn hộ A-12.06" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "Danh sách căn hộ" }).click();
  await page.getByLabel("Tìm theo mã căn hộ").fill("A-12.06");
  const units = page.getByRole("table", { name: "Danh sách căn hộ" });
  await expect(units.getByRole("columnheader", { name: "Chủ hộ" })).toBeVisible();
  await expect(units.getByRole("columnheader", { name: "Còn nợ" })).toBeVisible();
  const unitRow = units.getByRole("row").filter({ hasText: "A-12.06" });
  await expect(unitRow).toContainText("Lê Hoàng Nam");
  await expect(unitRow).toContainText("₫");
  // No destructive button on the row: deleting is in the unit's detail.
  await expect(unitRow.getByRole("button", { name: /Xóa/ })).toHaveCount(0);
  await unitRow.getByRole("cell").nth(4).click();
  await expect(page.getByRole("dialog", { name: "Căn hộ A-12.06" })).toBeVisible();
});

test("the household lists the owner first and offers no invitation to who already uses the app", async ({
  page,
}) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await expect(page.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  const buildingId = await buildingIdOf(page, BUILDING);
  const { items } = await api(page, "GET", `/api/v1/units?buildingId=${buildingId}&q=A-12.05`);
  await page.goto(`/console/buildings/${buildingId}?tab=list&unit=${items[0].id}`);
  const drawer = page.getByRole("dialog", { name: "Căn hộ A-12.05" });
  await drawer.getByRole("tab", { name: "Hộ gia đình" }).click();
  const members = drawer.getByRole("list", { name: "Thành viên hộ" }).getByRole("listitem");
  await expect(members.first()).toContainText("Nguyễn Văn An");
  await expect(members.first()).toContainText("Chủ hộ");
  await expect(members.first()).toContainText("Đang dùng ứng dụng");
  await expect(drawer.getByRole("button", { name: "Mời Nguyễn Văn An dùng ứng dụng" })).toHaveCount(0);
  // A member without an account may be invited.
  await expect(drawer.getByRole("button", { name: "Mời Trần Thị Bình dùng ứng dụng" })).toBeVisible();
});

test("deleting a unit is done from its detail, after a confirmation", async ({ page }) => {
  await signIn(page, "admin@demo.chungcu.vn");
  await expect(page.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  const buildingId = await buildingIdOf(page, BUILDING);
  const code = `A-20.${String((Date.now() % 90) + 10)}`;
  await api(page, "POST", "/api/v1/units", {
    buildingId,
    code,
    block: "A",
    floor: 20,
    areaM2: 50,
    type: "apartment",
  });
  await page.goto(`/console/buildings/${buildingId}?tab=list`);
  await page.getByLabel("Tìm theo mã căn hộ").fill(code);
  const row = page
    .getByRole("table", { name: "Danh sách căn hộ" })
    .getByRole("row")
    .filter({ hasText: code });
  await expect(row.getByRole("button", { name: /Xóa|Sửa/ })).toHaveCount(0);
  await row.getByRole("cell").nth(1).click();
  const drawer = page.getByRole("dialog", { name: `Căn hộ ${code}` });
  await drawer.getByRole("button", { name: "Xóa" }).click();
  const confirm = page.getByRole("dialog", { name: "Xóa căn hộ" });
  await expect(confirm).toContainText(`Xóa căn hộ ${code}?`);
  await confirm.getByRole("button", { name: "Hủy" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: code, exact: true })).toBeVisible();
});

test("the platform admin opens a company from the list", async ({ page }) => {
  await signIn(page, "platform@demo.chungcu.vn");
  const row = page.getByRole("table", { name: "Công ty quản lý" }).getByRole("row").nth(1);
  const name = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
  await row.getByRole("cell").nth(2).click();
  const drawer = page.getByRole("dialog", { name });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("Mã số thuế");
});
