import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";
import { api, signIn } from "./helpers.js";

// Issue 13 item 4: the console's resident list loads for each role, pages on the server and filters.

/** A name without diacritics, lower-cased: how a person types it, and the order the list keeps. */
const plain = (name: string) =>
  name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

/** Letters only (a term with a digit is read as a unit code), different in every run. */
const tag = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** A resident of the test's own, added to a unit of the demo building through the API. */
async function addResident(page: Page, unitCode: string) {
  const { items } = await api(page, "GET", `/api/v1/units?q=${encodeURIComponent(unitCode)}`);
  const unit = (items as { id: string; code: string }[]).find((u) => u.code === unitCode);
  expect(unit, unitCode).toBeTruthy();
  const suffix = tag();
  const fullName = `Đặng Thị Thử ${suffix[0]?.toUpperCase()}${suffix.slice(1)}`;
  const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await api(page, "POST", `/api/v1/units/${unit?.id}/household`, { fullName, phone, role: "member" });
  return { fullName, phone };
}

async function namesShown(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: "Danh sách cư dân" });
  return table.locator("tbody tr td:first-child").allInnerTexts();
}

async function listPagesAndFilters(page: Page, email: string) {
  await signIn(page, email);
  const nav = page.getByRole("link", { name: "Cư dân", exact: true });
  await expect(nav).toBeVisible();
  const added = await addResident(page, "A-07.03");
  await nav.click();
  const table = page.getByRole("table", { name: "Danh sách cư dân" });
  await expect(table.locator("tbody tr")).toHaveCount(20);
  await expect(page.getByText(/^Tổng số: (hơn )?[\d.]+$/)).toBeVisible();
  const first = await namesShown(page);
  // In name order, without diacritics, as the list promises.
  expect(first.map(plain)).toEqual([...first.map(plain)].sort());

  await page.getByRole("button", { name: "Trang 2" }).click();
  await expect(page.getByRole("button", { name: "Trang 2" })).toHaveAttribute("aria-current", "page");
  await expect(table.locator("tbody tr td:first-child").first()).not.toHaveText(first[0] as string);
  const second = await namesShown(page);
  expect(second).toHaveLength(20);
  // The second page goes on where the first stopped.
  expect(plain(second[0] as string) >= plain(first[19] as string)).toBe(true);

  const search = page.getByLabel("Tìm theo tên, số điện thoại, email hoặc mã căn hộ");
  await search.fill(plain(added.fullName));
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByText(added.fullName)).toBeVisible();
  await expect(table.getByText("A-07.03 · Thành viên")).toBeVisible();
  await expect(page.getByText("Tổng số: 1", { exact: true })).toBeVisible();

  await search.fill(added.phone);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByText(added.fullName)).toBeVisible();
  // The phone is shown masked: its first four and last three digits.
  await expect(table.getByText(`${added.phone.slice(0, 4)} *** ${added.phone.slice(-3)}`)).toBeVisible();
}

test("a building manager's resident list loads, pages and filters", async ({ page }) => {
  await listPagesAndFilters(page, "manager@demo.chungcu.vn");
});

test("a company admin's resident list loads, pages and filters", async ({ page }) => {
  await listPagesAndFilters(page, "admin@demo.chungcu.vn");
});
