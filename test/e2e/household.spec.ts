import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

test("a resident owner adds a household member and registers a motorbike; the manager approves it", async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const resident = await phone.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await expect(resident).toHaveURL(/\/app/);

  await resident.goto("/app/household");
  await expect(resident.getByText("Trần Thị Bình")).toBeVisible();
  await resident.getByRole("button", { name: "Thêm thành viên" }).click();
  const add = resident.getByRole("dialog", { name: "Thêm thành viên hộ" });
  await add.getByLabel("Họ và tên", { exact: true }).fill("Nguyễn Thị Mai");
  await add.getByLabel("Quan hệ với chủ hộ", { exact: true }).fill("mẹ");
  await add.getByLabel("Ngày sinh", { exact: true }).fill("02/09/1958");
  await add.getByRole("button", { name: "Lưu" }).click();
  await expect(add).toHaveCount(0);
  await expect(resident.getByText("Nguyễn Thị Mai")).toBeVisible();

  await resident.goto("/app/vehicles");
  await resident.getByRole("button", { name: "Đăng ký xe" }).click();
  const register = resident.getByRole("dialog", { name: "Đăng ký phương tiện" });
  await register.getByLabel("Chủ xe", { exact: true }).selectOption({ label: "Nguyễn Văn An" });
  await register.getByLabel("Loại xe", { exact: true }).selectOption("motorbike");
  await register.getByRole("textbox", { name: /^Biển số/ }).fill("59x2 77788");
  await register.getByRole("button", { name: "Đăng ký xe" }).click();
  await expect(register).toHaveCount(0);
  await expect(resident.getByText("59-X2 777.88")).toBeVisible();
  await expect(resident.getByText("Chờ Ban quản lý duyệt")).toBeVisible();

  const desk = await browser.newContext();
  const manager = await desk.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await manager.getByRole("link", { name: "Cư dân", exact: true }).click();
  const queue = manager.getByRole("table", { name: "Phương tiện chờ duyệt" });
  await queue.getByRole("button", { name: "Duyệt xe 59-X2 777.88" }).click();
  const approve = manager.getByRole("dialog", { name: "Duyệt phương tiện" });
  await approve.getByLabel("Thẻ gửi xe", { exact: true }).fill("XM-0777");
  await approve.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(queue.getByRole("button", { name: "Duyệt xe 59-X2 777.88" })).toHaveCount(0);

  await resident.reload();
  await expect(resident.getByText("Chờ Ban quản lý duyệt")).toHaveCount(0);
  await expect(resident.getByText(/XM-0777/)).toBeVisible();
  await phone.close();
  await desk.close();
});
