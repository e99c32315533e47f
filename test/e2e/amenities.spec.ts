import { expect, test } from "./fixtures.js";
import { api, signIn } from "./helpers.js";

// Amenities: the demo resident, on a phone, books the rooftop BBQ three days ahead; the slot then shows as theirs
// and is no longer offered, and the booking with its entry code is in "Lượt đặt của tôi". The building manager
// finds it at the desk on that day. The resident then cancels it (the fee comes back, being days ahead), which
// also keeps reruns within the BBQ's two bookings a month.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESK = { viewport: { width: 1440, height: 900 } };
const BBQ = "Khu BBQ sân thượng";
const WEEKDAYS = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];

type Slot = { startsAt: string; endsAt: string; state: string; mine: string | null };
type Booking = { id: string; amenityName: string; status: string; startsAt: string };

/** An instant in Vietnam's time: its day (YYYY-MM-DD) and HH:mm. */
const vn = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
};
const dayMonthYear = (day: string) => day.split("-").reverse().join("/");

test("a resident books the BBQ on the phone, the desk sees it, the resident cancels it", async ({
  browser,
}) => {
  const home = await browser.newContext(PHONE);
  const resident = await home.newPage();
  await signIn(resident, "resident@demo.chungcu.vn");

  // Bookings an earlier failed run left to come are cancelled first, so the monthly limit never blocks this run.
  const mine = await api(resident, "GET", "/api/v1/me/bookings?pageSize=100");
  for (const b of mine.items as Booking[]) {
    if (
      b.amenityName === BBQ &&
      (b.status === "booked" || b.status === "waiting") &&
      Date.parse(b.startsAt) > Date.now()
    )
      await api(resident, "POST", `/api/v1/bookings/${b.id}/cancel`, {});
  }

  // Dịch vụ → Đặt tiện ích → the BBQ, whose card tells the hours and what it costs.
  await resident.getByRole("link", { name: "Dịch vụ", exact: true }).click();
  await resident.getByRole("link", { name: /^Đặt tiện ích/ }).click();
  const card = resident.getByRole("listitem").filter({ hasText: BBQ });
  await expect(card).toContainText("09:00–21:00");
  await expect(card).toContainText("Phí 200.000 ₫ · Cọc 500.000 ₫");
  if (shots) await resident.screenshot({ path: `${shots}/amenities-list.png`, fullPage: true });
  await card.getByRole("link", { name: new RegExp(BBQ) }).click();
  await expect(resident.getByRole("heading", { name: BBQ })).toBeVisible();
  const amenityId = new URL(resident.url()).pathname.split("/").at(-1);

  // Three days ahead: the day's chip, then the first slot still open there.
  const day = vn(new Date(Date.now() + 3 * 24 * 3600_000).toISOString()).day;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const chip = `${WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]} ${dayMonthYear(day).slice(0, 5)}`;
  await resident.getByText(chip, { exact: true }).click();
  await expect(resident.getByRole("radio", { name: chip })).toBeChecked();
  const slots = await api(resident, "GET", `/api/v1/amenities/${amenityId}/slots?date=${day}`);
  const open = (slots.items as Slot[]).find((s) => s.state === "open" && s.mine === null);
  expect(open, `an open BBQ slot on ${day}`).toBeTruthy();
  const range = `${vn(open?.startsAt ?? "").time} – ${vn(open?.endsAt ?? "").time}`;
  const slot = resident.getByRole("button", { name: new RegExp(`^${range}`) });
  await expect(slot).toContainText("Còn 1 chỗ");
  await slot.click();

  // The confirmation: when, how many, the fee and deposit on the fee notice, until when cancelling is free.
  const dialog = resident.getByRole("dialog", { name: `Đặt ${BBQ}` });
  await expect(dialog).toContainText(`${dayMonthYear(day)} · ${range}`);
  await expect(dialog).toContainText("Phí và tiền cọc được tính vào thông báo phí tháng");
  await expect(dialog).toContainText("Hủy miễn phí trước");
  await dialog.getByLabel("Số người").fill("8");
  await dialog.getByLabel("Ghi chú cho Ban quản lý").fill("Sinh nhật bé Na");
  if (shots) await resident.screenshot({ path: `${shots}/amenity-confirm.png` });
  await dialog.getByRole("button", { name: "Xác nhận đặt" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(resident.getByRole("status")).toContainText("Đã đặt chỗ");

  // The slot is the household's now, and no longer offered.
  await expect(resident.getByRole("button", { name: new RegExp(`^${range}`) })).toHaveCount(0);
  await expect(resident.getByText("Của bạn", { exact: true })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/amenity-slots.png`, fullPage: true });

  // Lượt đặt của tôi: the booking with its entry code as text and QR.
  await resident.getByRole("link", { name: "Xem lượt đặt của tôi" }).click();
  await expect(resident).toHaveURL(/\/app\/bookings$/);
  const booking = resident
    .getByRole("listitem")
    .filter({ hasText: BBQ })
    .filter({ hasText: `${dayMonthYear(day)} · ${range}` })
    .filter({ hasText: "Đã đặt" });
  await expect(booking).toHaveCount(1);
  const code = (await booking.getByLabel("Mã vào cửa").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(booking.getByRole("img", { name: `Mã QR đặt chỗ ${code}` })).toBeVisible();
  await expect(booking).toContainText("8 người");
  await expect(booking).toContainText("Đang giữ cọc 500.000 ₫");
  if (shots) await resident.screenshot({ path: `${shots}/bookings.png`, fullPage: true });

  // The building manager finds it at the desk on that day.
  const office = await browser.newContext(DESK);
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await expect(manager.locator('nav a[href="/console/amenities"]')).toHaveCount(1);
  await manager.goto("/console/amenities");
  await manager.getByLabel("Ngày", { exact: true }).fill(dayMonthYear(day));
  const row = manager.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("A-12.05");
  await expect(row).toContainText(BBQ);
  await expect(row).toContainText(range);
  await expect(row.getByRole("button", { name: "Hủy" })).toBeVisible();
  if (shots) await manager.screenshot({ path: `${shots}/amenity-desk.png` });
  await office.close();

  // The resident cancels: days ahead, the fee comes back, and so does the deposit.
  await booking.getByRole("button", { name: "Hủy lượt đặt" }).click();
  const confirm = resident.getByRole("dialog", { name: `Hủy lượt đặt ${BBQ}?` });
  await expect(confirm).toContainText("phí 200.000 ₫ được hoàn");
  await expect(confirm).toContainText("Tiền cọc 500.000 ₫ được hoàn");
  await confirm.getByRole("button", { name: "Hủy lượt đặt" }).click();
  await expect(confirm).toHaveCount(0);
  const cancelled = resident.getByRole("listitem").filter({ hasText: code });
  await expect(cancelled).toHaveCount(0);
  await expect(
    resident
      .getByRole("listitem")
      .filter({ hasText: `${dayMonthYear(day)} · ${range}` })
      .filter({ hasText: "Đã hủy" })
      .first(),
  ).toBeVisible();
  await home.close();
});
