import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Issue 15, reception: the desk (customer care on a tablet) records a parcel for the demo resident's unit; the
// resident sees it on the phone with its pickup code, which the desk types to hand it over (once). The resident
// then registers a guest, and the desk lets the guest in with the pass's code.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const TABLET = { viewport: { width: 1024, height: 768 } };

test("reception records a parcel the resident collects with the code, and lets a registered guest in", async ({
  browser,
}) => {
  const carrier = `Giao Hàng Nhanh ${Date.now().toString(36)}`;
  const deskContext = await browser.newContext(TABLET);
  const desk = await deskContext.newPage();
  await signIn(desk, "care@demo.chungcu.vn");
  await desk.getByRole("link", { name: "Lễ tân" }).click();
  await desk.getByRole("tab", { name: "Bưu phẩm" }).click();
  const unit = desk.getByRole("combobox", { name: "Căn hộ" });
  await unit.fill("A-12.05");
  await desk.getByRole("option", { name: "A-12.05", exact: true }).click();
  await desk.getByLabel("Đơn vị giao").fill(carrier);
  await desk.getByLabel("Ghi chú (kích thước, số kiện…)").fill("1 thùng nhỏ");
  await desk.getByRole("button", { name: "Ghi nhận và báo cư dân" }).click();
  await expect(desk.getByText("Đã ghi nhận bưu phẩm cho căn A-12.05 và báo cho cư dân.")).toBeVisible();
  await expect(desk.getByRole("cell", { name: new RegExp(carrier) })).toBeVisible();

  // The resident sees it on the home and finds the code.
  const home = await browser.newContext(PHONE);
  const resident = await home.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Xem mã nhận" }).click();
  const card = resident.getByRole("listitem").filter({ hasText: carrier });
  const code = (await card.getByLabel("Mã nhận").textContent())?.trim() ?? "";
  expect(code).toMatch(/^\d{6}$/);
  if (shots) await resident.screenshot({ path: `${shots}/parcel-code.png`, fullPage: true });

  // The desk types it (a scanner would), hands the parcel over; the same code does not work twice.
  await desk.getByRole("tab", { name: "Quét mã" }).click();
  const box = desk.getByLabel("Mã bưu phẩm, mã khách hoặc mã đặt chỗ");
  await box.fill(code);
  await desk.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(desk.getByText("Bưu phẩm của căn A-12.05")).toBeVisible();
  await desk.getByRole("button", { name: "Giao bưu phẩm" }).click();
  await expect(desk.getByText("Đã giao bưu phẩm.")).toBeVisible();
  await box.fill(code);
  await desk.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(desk.getByRole("alert")).toContainText("Không tìm thấy mã này");
  await resident.reload();
  await expect(resident.getByRole("listitem").filter({ hasText: carrier })).toContainText("Đã nhận lúc");

  // The resident registers a guest and gets the code to send.
  await resident.getByRole("link", { name: "Dịch vụ", exact: true }).click();
  await resident.getByRole("link", { name: /Khách của tôi/ }).click();
  await resident.getByLabel("Họ tên khách").fill("Trương Văn Khách");
  await resident.getByLabel("Số người").fill("2");
  await resident.getByRole("button", { name: "Tạo mã cho khách" }).click();
  const pass = resident.getByRole("listitem").filter({ hasText: "Trương Văn Khách" }).first();
  const guestCode = (await pass.getByLabel("Mã khách").textContent())?.trim() ?? "";
  expect(guestCode).toMatch(/^[A-Z2-9]{8}$/);
  await expect(pass.getByRole("img", { name: `Mã QR của khách ${guestCode}` })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/guest-pass.png`, fullPage: true });

  // Reception lets the guest in with it; the host is told; the guest shows among those inside.
  await box.fill(guestCode);
  await desk.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(desk.getByText("Khách của căn A-12.05")).toBeVisible();
  await desk.getByRole("button", { name: "Cho khách vào" }).click();
  await expect(desk.getByText("Đã ghi nhận Trương Văn Khách vào tòa nhà.")).toBeVisible();
  await desk.getByRole("tab", { name: "Khách ra vào" }).click();
  await expect(desk.getByRole("cell", { name: /Trương Văn Khách/ })).toBeVisible();
  if (shots) await desk.screenshot({ path: `${shots}/reception-visitors.png` });
  await resident.reload();
  await expect(resident.getByRole("listitem").filter({ hasText: "Trương Văn Khách" }).first()).toContainText(
    "Đã vào",
  );
  await home.close();
  await deskContext.close();
});
