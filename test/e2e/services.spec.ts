import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// Building services: the demo resident, on a phone, asks for the flat's cleaning on a day next week; the building
// manager, at the desk, schedules it and marks it done; the resident sees it done. Then the resident registers a
// renovation, which the manager approves with a deposit.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESK = { viewport: { width: 1440, height: 900 } };
const CLEANING = "Vệ sinh căn hộ";

/** dd/MM/yyyy some days from today in Vietnam. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + (7 + 24 * days) * 3600_000).toISOString().slice(0, 10).split("-").reverse().join("/");

test("a resident asks for cleaning on the phone; the desk schedules it and marks it done", async ({
  browser,
}) => {
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Dịch vụ", exact: true }).click();
  await resident.getByRole("link", { name: /^Đăng ký dịch vụ/ }).click();
  await expect(resident.getByRole("heading", { name: "Đăng ký dịch vụ", level: 1 })).toBeVisible();
  await resident.getByRole("button", { name: `Đăng ký ${CLEANING}` }).click();
  const dialog = resident.getByRole("dialog", { name: `Đăng ký: ${CLEANING}` });
  await expect(dialog).toContainText("Phí 350.000 ₫");
  const note = `Lau kính ban công ${Date.now() % 100000}`;
  await dialog.getByLabel("Ngày mong muốn").fill(dayFromNow(5));
  await dialog.getByLabel("Ghi chú cho Ban quản lý").fill(note);
  if (shots) await resident.screenshot({ path: `${shots}/service-request.png` });
  await dialog.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(dialog).toHaveCount(0);
  const mine = resident
    .getByRole("listitem")
    .filter({ hasText: CLEANING })
    .filter({ hasText: dayFromNow(5) })
    .first();
  await expect(mine).toContainText("Đã duyệt");

  const desk = await (await browser.newContext(DESK)).newPage();
  await signIn(desk, "manager@demo.chungcu.vn");
  await desk.getByRole("link", { name: "Dịch vụ", exact: true }).click();
  const row = desk.getByRole("row").filter({ hasText: note });
  await expect(row).toContainText("A-12.05");
  await row.getByRole("button", { name: "Xếp lịch" }).click();
  const schedule = desk.getByRole("dialog", { name: /^Xếp lịch/ });
  await schedule.getByLabel("Ngày").fill(dayFromNow(6));
  await schedule.getByRole("button", { name: "Xếp lịch" }).click();
  await expect(row).toContainText(`Lịch: ${dayFromNow(6)}`);
  await row.getByRole("button", { name: "Hoàn thành" }).click();
  await expect(row).toContainText("Đã hoàn thành");
  if (shots) await desk.screenshot({ path: `${shots}/service-desk.png` });

  await resident.reload();
  await expect(
    resident
      .getByRole("listitem")
      .filter({ hasText: CLEANING })
      .filter({ hasText: `Lịch: ${dayFromNow(6)}` })
      .first(),
  ).toContainText("Đã hoàn thành");
});

test("a resident registers a renovation; the manager approves it with a deposit", async ({ browser }) => {
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.goto("/app/renovations");
  await expect(resident.getByText("Giờ thi công: 08:00–11:30 và 13:30–17:30")).toBeVisible();
  await resident.getByRole("button", { name: "Đăng ký thi công" }).click();
  const dialog = resident.getByRole("dialog", { name: "Đăng ký thi công" });
  const contractor = `Nội thất Minh Phát ${Date.now() % 100000}`;
  await dialog.getByLabel("Nhà thầu / đội thợ").fill(contractor);
  await dialog.getByLabel("Điện thoại nhà thầu").fill("0903 456 789");
  await dialog.getByLabel("Từ ngày").fill(dayFromNow(10));
  await dialog.getByLabel("Đến ngày").fill(dayFromNow(5));
  await dialog.getByLabel("Nội dung thi công").fill("Thay sàn gỗ phòng khách, sơn lại tường.");
  await dialog.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(dialog).toContainText("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
  await dialog.getByLabel("Đến ngày").fill(dayFromNow(20));
  await dialog.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(resident.getByRole("listitem").filter({ hasText: contractor })).toContainText("Chờ duyệt");

  const desk = await (await browser.newContext(DESK)).newPage();
  await signIn(desk, "manager@demo.chungcu.vn");
  await desk.goto("/console/services?tab=renovations");
  await desk
    .getByRole("row")
    .filter({ hasText: contractor })
    .getByRole("button", { name: "Xem thi công căn A-12.05" })
    .click();
  await desk.getByRole("button", { name: "Duyệt", exact: true }).click();
  const approve = desk.getByRole("dialog", { name: "Duyệt thi công căn A-12.05" });
  await approve.getByRole("button", { name: "Duyệt" }).click();
  await expect(approve).toHaveCount(0);
  await expect(desk.getByRole("row").filter({ hasText: contractor })).toContainText("Đã duyệt");

  await resident.reload();
  const card = resident.getByRole("listitem").filter({ hasText: contractor });
  await expect(card).toContainText("Đã duyệt");
  await expect(card).toContainText("Tiền cọc 5.000.000 ₫");
});
