import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures.js";
import { dropFile, signIn } from "./helpers.js";

/** A small workbook in the template's shape: three new units on the 20th floor of block B, one with an owner. */
async function workbook(withError: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Căn hộ");
  units.addRow(["Tòa/Block", "Mã căn hộ", "Tầng", "Loại", "Diện tích (m²)", "Trạng thái"]);
  for (const [code, area] of [
    ["B-20.09", "65,5"],
    ["B-20.10", "70"],
    ["B-20.11", withError ? "bảy mươi" : "88,25"],
  ]) {
    units.addRow(["B", code, 20, "Căn hộ", area, "Đang ở"]);
  }
  const residents = wb.addWorksheet("Cư dân");
  residents.addRow(["Mã căn hộ", "Họ và tên", "Vai trò", "Quan hệ với chủ hộ", "Điện thoại", "Email"]);
  residents.addRow(["B-20.09", "Huỳnh Gia Bảo", "Chủ hộ", "", "0905123456", ""]);
  const file = path.join(
    mkdtempSync(path.join(tmpdir(), "chungcu-e2e-")),
    withError ? "loi.xlsx" : "dung.xlsx",
  );
  await wb.xlsx.writeFile(file);
  return file;
}

test("a manager imports a workbook: errors write nothing, a good file lands in the floor grid", async ({
  page,
}) => {
  await signIn(page, "manager@demo.chungcu.vn");
  await page.getByRole("link", { name: "Tòa nhà", exact: true }).click();
  await page.getByRole("link", { name: "Chung cư Demo Riverside" }).click();
  await page.getByText("Tòa B", { exact: true }).click();
  const floor20 = page
    .getByRole("group", { name: "Sơ đồ tầng tòa B" })
    .getByRole("group", { name: "Tầng 20" });
  await expect(floor20.getByRole("button")).toHaveCount(8);

  await page.getByRole("button", { name: "Nhập từ Excel" }).click();
  const dialog = page.getByRole("dialog", { name: "Nhập dữ liệu căn hộ, cư dân, phương tiện" });
  const zone = dialog.getByRole("button", { name: /Tệp Excel hoặc CSV/ });
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await dropFile(page, zone, await workbook(true), XLSX);
  await dialog.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(dialog.getByRole("alert")).toContainText("chưa có dữ liệu nào được ghi");
  const errors = dialog.getByRole("table", { name: "Danh sách lỗi" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors).toContainText("Diện tích (m²)");

  await dropFile(page, zone, await workbook(false), XLSX);
  await dialog.getByRole("button", { name: "Kiểm tra" }).click();
  const preview = dialog.getByRole("table", { name: "Kết quả kiểm tra" });
  await expect(preview.getByRole("row", { name: /Căn hộ/ })).toContainText("3");
  await dialog.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Đã nhập dữ liệu" })).toBeVisible();

  // The new owner is invited to the app along with everyone else not yet on it, by SMS in the background.
  await dialog.getByRole("button", { name: "Mời cư dân vào ứng dụng" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: /Đang gửi \d+ lời mời/ })).toBeVisible();
  await expect
    .poll(
      async () => {
        const { items } = (await (await page.request.get("/dev/outbox.json")).json()) as {
          items: { text: string }[];
        };
        return items.some((m) => m.text.includes("Huỳnh Gia Bảo") && m.text.includes("/invite/"));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await dialog.getByRole("button", { name: "Đóng" }).last().click();

  await expect(floor20.getByRole("button")).toHaveCount(11);
  await expect(floor20.getByRole("button", { name: "B-20.11, Đang ở, 88,25 m²" })).toBeVisible();
});
