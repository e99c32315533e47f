import type { Locator, Page } from "@playwright/test";
import { squarePng } from "../helpers/png.js";
import { expect, test } from "./fixtures.js";
import { api, signIn } from "./helpers.js";

// The marketplace: the demo resident, on a phone, orders two bottles of water for tomorrow morning, cash on
// delivery, and gets a delivery code; the demo partner's courier, on a phone, confirms the job, prepares it, sets
// off and delivers it with the resident's code; the resident sees it delivered and rates it. Then a partner
// offers a new item with a photo, the building manager approves it at the desk, and residents find it in the
// shop. A partner's promotion, once approved, shows only to residents who consent to marketing; a resident
// complains about a delivered order; the accountant settles a month with the partners.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESK = { viewport: { width: 1440, height: 900 } };
const WATER = "Nước tinh khiết bình 19 lít";
const PARTNER = "Nước Suối Mát";

/** dd/MM/yyyy some days from today in Vietnam. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + (7 + 24 * days) * 3600_000).toISOString().slice(0, 10).split("-").reverse().join("/");
/** "Tháng MM/YYYY" of this month in Vietnam, as the period pickers name it. */
const thisMonth = () => {
  const [year, month] = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7).split("-");
  return `Tháng ${month}/${year}`;
};

/** Waits for an image to be shown loaded (a broken one is visible too, as its alt text). */
const loaded = (img: Locator) =>
  expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

type Order = { id: string; code: string; deliveryCode: string };

/**
 * An order of one bottle of water for tomorrow morning placed by the resident signed in on `resident`, and
 * delivered with its code by the courier signed in on `courier` (both through the API).
 */
async function deliveredOrder(resident: Page, courier: Page, payment: "cash" | "transfer"): Promise<Order> {
  const me = await api(resident, "GET", "/api/v1/auth/me");
  const unitId = me.current.unitIds[0] as string;
  const shop = await api(resident, "GET", `/api/v1/shop?unitId=${unitId}`);
  const partner = shop.partners.find((p: { displayName: string }) => p.displayName === PARTNER);
  const item = partner.items.find((i: { name: string }) => i.name === WATER);
  const order: Order = await api(resident, "POST", "/api/v1/orders", {
    unitId,
    lines: [{ itemId: item.id, quantity: 1 }],
    slotDate: new Date(Date.now() + (7 + 24) * 3600_000).toISOString().slice(0, 10),
    slot: "08-10",
    delivery: "door",
    payment,
  });
  await api(courier, "POST", `/api/v1/partner/jobs/${order.id}/deliver`, { code: order.deliveryCode });
  return order;
}

test("a resident orders water on the phone; the partner delivers it with the resident's code; the resident rates it", async ({
  browser,
}) => {
  const note = `Bấm chuông hai lần ${Date.now() % 100000}`;
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.getByRole("link", { name: "Dịch vụ", exact: true }).click();
  await resident.getByRole("link", { name: /^Đặt hàng/ }).click();
  await expect(resident.getByRole("heading", { name: "Đặt hàng", level: 1 })).toBeVisible();
  const shop = resident.getByRole("region", { name: PARTNER });
  await expect(shop).toContainText("65.000 ₫");
  await shop.getByRole("button", { name: `Thêm ${WATER} vào giỏ` }).click();
  await shop.getByRole("button", { name: `Thêm 1 ${WATER}` }).click();
  await expect(shop).toContainText("2 sản phẩm · 130.000 ₫");
  if (shots) await resident.screenshot({ path: `${shots}/shop.png`, fullPage: true });
  await shop.getByRole("button", { name: `Đặt hàng của ${PARTNER}` }).click();

  await expect(resident.getByRole("heading", { name: `Đặt hàng: ${PARTNER}`, level: 1 })).toBeVisible();
  await resident.getByLabel("Ngày giao").selectOption({ label: `Ngày mai, ${dayFromNow(1)}` });
  await resident.getByRole("radio", { name: "08:00–10:00" }).check();
  await resident.getByRole("radio", { name: "Tiền mặt khi nhận hàng" }).check();
  await resident.getByLabel("Ghi chú cho người giao hàng").fill(note);
  if (shots) await resident.screenshot({ path: `${shots}/checkout.png`, fullPage: true });
  await resident.getByRole("button", { name: "Đặt hàng · 130.000 ₫" }).click();

  await expect(resident).toHaveURL(/\/app\/orders\/[0-9a-f-]{36}$/);
  const heading = resident.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Đơn DH\d+$/);
  const orderCode = ((await heading.textContent()) ?? "").replace("Đơn ", "");
  await expect(resident.getByText("Đã đặt", { exact: true })).toBeVisible();
  const codeBox = resident.getByRole("region", { name: "Mã giao hàng" });
  await expect(codeBox).toContainText("Đưa mã này cho người giao hàng");
  const deliveryCode = ((await codeBox.textContent()) ?? "").match(/\d{4}/)?.[0] ?? "";
  expect(deliveryCode).toMatch(/^\d{4}$/);
  await expect(resident.getByText("Đã gồm VAT 9.630 ₫")).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/order.png`, fullPage: true });

  const courier = await (await browser.newContext(PHONE)).newPage();
  await signIn(courier, "partner@demo.chungcu.vn");
  await expect(courier.getByRole("heading", { name: "Việc giao hàng", level: 1 })).toBeVisible();
  const job = courier.getByRole("listitem").filter({ hasText: note });
  await expect(job).toContainText("A-12.05");
  await expect(job).toContainText(`2 × ${WATER}`);
  await expect(job).toContainText("Thu tiền mặt 130.000 ₫");
  await expect(job).toContainText("Đã đặt");
  await job.getByRole("button", { name: "Xác nhận đơn" }).click();
  await expect(job).toContainText("Đã xác nhận");
  await job.getByRole("button", { name: "Bắt đầu chuẩn bị" }).click();
  await expect(job).toContainText("Đang chuẩn bị");
  await job.getByRole("button", { name: "Bắt đầu giao" }).click();
  await expect(job).toContainText("Đang giao");

  // The phone is shown only once the courier is told that showing it is recorded.
  await job.getByRole("button", { name: "Hiện số điện thoại" }).click();
  const reveal = courier.getByRole("dialog", { name: "Hiện số điện thoại của cư dân" });
  await expect(reveal).toContainText("ghi nhận là đã chia sẻ với đối tác");
  await reveal.getByRole("button", { name: "Hiện số điện thoại" }).click();
  await expect(reveal).toHaveCount(0);
  await expect(job.getByRole("link", { name: /^0\d/ })).toBeVisible();
  if (shots) await courier.screenshot({ path: `${shots}/partner-jobs.png`, fullPage: true });

  await job.getByRole("button", { name: "Giao hàng" }).click();
  const deliver = courier.getByRole("dialog", { name: `Giao đơn ${orderCode}` });
  await expect(deliver).toContainText("Nhớ thu 130.000 ₫ tiền mặt");
  const wrong = String((Number(deliveryCode) + 1) % 10_000).padStart(4, "0");
  await deliver.getByLabel("Mã giao hàng của cư dân").fill(wrong);
  await deliver.getByRole("button", { name: "Giao hàng" }).click();
  await expect(deliver).toContainText("Mã giao hàng không đúng");
  await deliver.getByLabel("Mã giao hàng của cư dân").fill(deliveryCode);
  await deliver.getByRole("button", { name: "Giao hàng" }).click();
  await expect(deliver).toHaveCount(0);
  await expect(courier.getByText(`Đã giao đơn ${orderCode}.`)).toBeVisible();
  await expect(courier.getByRole("listitem").filter({ hasText: note })).toHaveCount(0);

  await resident.reload();
  await expect(resident.getByText("Đã giao", { exact: true }).first()).toBeVisible();
  await expect(resident.getByRole("region", { name: "Mã giao hàng" })).toHaveCount(0);
  await expect(resident.getByText("Đã thanh toán lúc")).toBeVisible();
  // The stars are labels over hidden radios, as Mantine draws a rating: a person clicks the fifth star.
  const fifth = await resident.getByRole("radio", { name: "5 sao" }).getAttribute("id");
  await resident.locator(`label[for="${fifth}"]`).click();
  await expect(resident.getByRole("radio", { name: "5 sao" })).toBeChecked();
  await resident.getByLabel("Nhận xét (không bắt buộc)").fill("Giao đúng giờ, nhanh nhẹn.");
  await resident.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(resident.getByText("Bạn đã đánh giá 5/5 — “Giao đúng giờ, nhanh nhẹn.”")).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/order-rated.png`, fullPage: true });

  await resident.goto("/app/orders");
  await expect(resident.getByRole("listitem").filter({ hasText: orderCode })).toContainText("Đã giao");
});

test("a partner offers an item; the manager approves it and residents find it in the shop", async ({
  browser,
}) => {
  const name = `Nước khoáng Lavie 6 chai ${Date.now() % 100000}`;
  const courier = await (await browser.newContext(PHONE)).newPage();
  await signIn(courier, "partner@demo.chungcu.vn");
  await courier.getByRole("link", { name: "Sản phẩm", exact: true }).click();
  await expect(courier.getByRole("heading", { name: "Sản phẩm của tôi", level: 1 })).toBeVisible();
  await expect(courier.getByRole("listitem").filter({ hasText: WATER })).toContainText("Đã duyệt");
  await courier.getByRole("button", { name: "Thêm sản phẩm" }).click();
  const form = courier.getByRole("dialog", { name: "Thêm sản phẩm" });
  await form.getByLabel("Nhóm hàng").selectOption({ label: "Nước uống" });
  await form.getByLabel("Tên (tiếng Việt)").fill(name);
  await form.getByLabel("Tên (tiếng Anh)").fill("Lavie mineral water, pack of 6");
  await form.getByLabel("Mô tả (tiếng Việt)").fill("6 chai 1,5 lít, giao tận cửa.");
  await form.getByLabel("Giá bán").fill("45000");
  await form.getByLabel("Số lượng tồn").fill("40");
  // The partner's buildings, all of them at first.
  await expect(form.getByRole("checkbox", { name: /Chung cư Demo Riverside/ })).toBeChecked();
  await form.locator('input[type="file"]').setInputFiles({
    name: "lavie.png",
    mimeType: "image/png",
    buffer: squarePng(400, 300, [40, 150, 210]),
  });
  await loaded(form.getByRole("img", { name: "Ảnh 1" }));
  if (shots) {
    await form.getByRole("img", { name: "Ảnh 1" }).scrollIntoViewIfNeeded();
    await courier.screenshot({ path: `${shots}/partner-item.png` });
  }
  await form.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(form).toHaveCount(0);
  const offered = courier.getByRole("listitem").filter({ hasText: name });
  await expect(offered).toContainText("Chờ duyệt");
  await loaded(offered.getByRole("img", { name: `Ảnh ${name}` }));
  if (shots) await courier.screenshot({ path: `${shots}/partner-catalog.png`, fullPage: true });

  const desk = await (await browser.newContext(DESK)).newPage();
  await signIn(desk, "manager@demo.chungcu.vn");
  await desk.getByRole("link", { name: "Chợ cư dân", exact: true }).click();
  await expect(desk.getByRole("tab", { name: "Sản phẩm đối tác" })).toHaveAttribute("aria-selected", "true");
  const row = desk.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("45.000 ₫");
  await expect(row).toContainText("Chờ duyệt");
  await loaded(row.getByRole("img", { name: `Ảnh ${name}` }));
  await row.getByRole("button", { name: `Xem ${name}` }).click();
  const drawer = desk.getByRole("dialog", { name });
  await expect(drawer).toContainText("Lavie mineral water, pack of 6");
  await expect(drawer).toContainText(PARTNER);
  await loaded(drawer.getByRole("img", { name: "lavie.png" }));
  if (shots) await desk.screenshot({ path: `${shots}/marketplace-review.png` });
  await drawer.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(drawer).toHaveCount(0);
  await expect(desk.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await desk.getByLabel("Trạng thái").selectOption({ label: "Đã duyệt" });
  await expect(desk.getByRole("row").filter({ hasText: name })).toContainText("Đã duyệt");

  // A new stock count alone keeps the item approved.
  await courier.reload();
  const card = courier.getByRole("listitem").filter({ hasText: name });
  await expect(card).toContainText("Đã duyệt");
  await card.getByRole("button", { name: `Sửa ${name}` }).click();
  const edit = courier.getByRole("dialog", { name: `Sửa ${name}` });
  await loaded(edit.getByRole("img", { name: "Ảnh 1" }));
  await edit.getByLabel("Số lượng tồn").fill("35");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(edit).toHaveCount(0);
  await expect(card).toContainText("Còn 35");
  await expect(card).toContainText("Đã duyệt");

  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await resident.goto("/app/shop");
  await expect(resident.getByRole("region", { name: PARTNER })).toContainText(name);
  await expect(resident.getByRole("region", { name: PARTNER })).toContainText("45.000 ₫");
  await expect(resident.getByRole("region", { name: PARTNER })).toContainText(
    "6 chai 1,5 lít, giao tận cửa.",
  );
  const photo = resident.getByRole("region", { name: PARTNER }).getByRole("img", { name });
  await photo.scrollIntoViewIfNeeded();
  await loaded(photo);
  if (shots) await resident.screenshot({ path: `${shots}/shop-photo.png`, fullPage: true });
});

test("a partner's promotion, once approved, shows in the shop only to residents who consent to marketing", async ({
  browser,
}) => {
  const title = `Mua 2 bình tặng 1 vỏ bình ${Date.now() % 100000}`;
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  // The resident starts without consent to marketing, whatever ran before, and is left so.
  const marketing = (given: boolean) =>
    api(resident, "POST", "/api/v1/privacy/consents", { purpose: "marketing", given });
  await marketing(false);
  try {
    const courier = await (await browser.newContext(PHONE)).newPage();
    await signIn(courier, "partner@demo.chungcu.vn");
    await courier.getByRole("link", { name: "Khuyến mãi", exact: true }).click();
    await expect(courier.getByRole("heading", { name: "Khuyến mãi", level: 1 })).toBeVisible();
    await courier.getByRole("button", { name: "Đề xuất khuyến mãi" }).click();
    const form = courier.getByRole("dialog", { name: "Đề xuất khuyến mãi" });
    await form.getByLabel("Áp dụng cho").selectOption({ label: WATER });
    await form.getByLabel("Tiêu đề (tiếng Việt)").fill(title);
    await form.getByLabel("Tiêu đề (tiếng Anh)").fill("Buy 2 bottles, the 3rd bottle deposit is free");
    await form.getByLabel("Nội dung (tiếng Việt)").fill("Áp dụng cho đơn từ 2 bình 19 lít trong tuần này.");
    await expect(form.getByLabel("Từ ngày")).toHaveValue(dayFromNow(0));
    await form.getByLabel("Đến hết ngày").fill(dayFromNow(6));
    if (shots) await courier.screenshot({ path: `${shots}/partner-promotion-form.png` });
    await form.getByRole("button", { name: "Gửi duyệt" }).click();
    await expect(form).toHaveCount(0);
    const proposed = courier.getByRole("listitem").filter({ hasText: title });
    await expect(proposed).toContainText("Chờ duyệt");
    await expect(proposed).toContainText(`${dayFromNow(0)} – ${dayFromNow(6)}`);
    await expect(proposed).toContainText(WATER);
    if (shots) await courier.screenshot({ path: `${shots}/partner-promotions.png`, fullPage: true });

    const desk = await (await browser.newContext(DESK)).newPage();
    await signIn(desk, "manager@demo.chungcu.vn");
    await desk.getByRole("link", { name: "Chợ cư dân", exact: true }).click();
    // Settling with partners is the company admin's and the accountant's, not a building manager's.
    await expect(desk.getByRole("tab", { name: "Đối soát" })).toHaveCount(0);
    await desk.getByRole("tab", { name: "Khuyến mãi" }).click();
    const row = desk.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText(PARTNER);
    await expect(row).toContainText("Chờ duyệt");
    if (shots) await desk.screenshot({ path: `${shots}/marketplace-promotions.png` });
    await row.getByRole("button", { name: `Duyệt ${title}` }).click();
    await expect(desk.getByRole("row").filter({ hasText: title })).toHaveCount(0);
    await desk.getByLabel("Trạng thái").selectOption({ label: "Đã duyệt" });
    await expect(desk.getByRole("row").filter({ hasText: title })).toContainText("Đã duyệt");

    // Without consent to marketing the shop shows no promotion, only where to change that.
    await resident.goto("/app/shop");
    await expect(resident.getByRole("region", { name: PARTNER })).toContainText(WATER);
    await expect(resident.getByText(title)).toHaveCount(0);
    await expect(resident.getByText("Ưu đãi chỉ hiện khi bạn đồng ý nhận tin tiếp thị.")).toBeVisible();
    if (shots) await resident.screenshot({ path: `${shots}/shop-no-consent.png` });
    await resident.getByRole("link", { name: "Thay đổi" }).click();
    await expect(resident).toHaveURL(/\/app\/privacy\/consents$/);
    const consent = resident.getByRole("switch", { name: "Tiếp thị và khảo sát" });
    await consent.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await consent.click({ force: true });
    await expect(consent).toBeChecked();

    await resident.goto("/app/shop");
    const offers = resident.getByRole("region", { name: "Ưu đãi đang có" });
    const offer = offers.getByRole("listitem").filter({ hasText: title });
    await expect(offer).toContainText("Áp dụng cho đơn từ 2 bình 19 lít trong tuần này.");
    await expect(offer).toContainText(`đến hết ${dayFromNow(6).slice(0, 5)}`);
    await expect(offer).toContainText(PARTNER);
    await expect(resident.getByText("Ưu đãi chỉ hiện khi bạn đồng ý nhận tin tiếp thị.")).toHaveCount(0);
    if (shots) await resident.screenshot({ path: `${shots}/shop-promotions.png` });
  } finally {
    await marketing(false);
  }
});

test("a resident complains about a delivered order and sees the ticket it opened", async ({ browser }) => {
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  const courier = await (await browser.newContext(PHONE)).newPage();
  await signIn(courier, "partner@demo.chungcu.vn");
  const order = await deliveredOrder(resident, courier, "cash");

  await resident.goto(`/app/orders/${order.id}`);
  await expect(resident.getByRole("heading", { name: `Đơn ${order.code}`, level: 1 })).toBeVisible();
  await resident.getByRole("button", { name: "Khiếu nại" }).click();
  const dialog = resident.getByRole("dialog", { name: `Khiếu nại đơn ${order.code}` });
  await dialog.getByLabel("Nội dung khiếu nại").fill("Bình móp");
  await dialog.getByRole("button", { name: "Gửi khiếu nại" }).click();
  await expect(dialog).toContainText("Mô tả ít nhất 10 ký tự.");
  await dialog
    .getByLabel("Nội dung khiếu nại")
    .fill("Bình nước bị móp và rỉ nước ở nắp, nhờ đối tác đổi bình khác.");
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "binh-mop.png",
    mimeType: "image/png",
    buffer: squarePng(400, 300, [200, 120, 40]),
  });
  await expect(dialog.getByRole("button", { name: "Bỏ tệp binh-mop.png" })).toBeVisible();
  if (shots) await resident.screenshot({ path: `${shots}/order-complaint.png` });
  await dialog.getByRole("button", { name: "Gửi khiếu nại" }).click();
  await expect(dialog).toHaveCount(0);
  const filed = resident.getByRole("link", { name: /^Đã gửi khiếu nại #\d+$/ });
  await expect(filed).toBeVisible();
  await expect(resident.getByRole("button", { name: "Khiếu nại" })).toHaveCount(0);
  if (shots) await resident.screenshot({ path: `${shots}/order-complained.png`, fullPage: true });
  const number = ((await filed.textContent()) ?? "").replace("Đã gửi khiếu nại #", "");
  await filed.click();
  await expect(resident).toHaveURL(/\/app\/tickets\/[0-9a-f-]{36}$/);
  await expect(resident.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
});

test("the accountant settles the month with the partners; the partner reads its own statement", async ({
  browser,
}) => {
  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  const courier = await (await browser.newContext(PHONE)).newPage();
  await signIn(courier, "partner@demo.chungcu.vn");
  const order = await deliveredOrder(resident, courier, "transfer");

  const desk = await (await browser.newContext(DESK)).newPage();
  await signIn(desk, "accountant@demo.chungcu.vn");
  await desk.getByRole("link", { name: "Chợ cư dân", exact: true }).click();
  // The accountant has the orders and the settlement, not the partners' items and promotions to approve.
  await expect(desk.getByRole("tab", { name: "Sản phẩm đối tác" })).toHaveCount(0);
  await expect(desk.getByRole("tab", { name: "Khuyến mãi" })).toHaveCount(0);
  await desk.getByRole("tab", { name: "Đối soát" }).click();
  // Last month first: its statements, or nothing to settle.
  await expect(
    desk.getByRole("table", { name: "Đối soát theo đối tác" }).or(desk.getByText("Không có gì để đối soát")),
  ).toBeVisible();
  if (shots) await desk.screenshot({ path: `${shots}/settlement-last-month.png` });
  await desk.getByLabel("Tháng", { exact: true }).selectOption({ label: thisMonth() });
  const row = desk.getByRole("row").filter({ hasText: PARTNER });
  await expect(row).toContainText("Chưa chi");
  if (shots) await desk.screenshot({ path: `${shots}/settlement.png` });

  const download = desk.waitForEvent("download");
  await desk.getByRole("link", { name: "Tải file chi trả (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^chi-tra-doi-tac-\d{4}-\d{2}\.csv$/);

  await row.getByRole("button", { name: `Xem đối soát ${PARTNER}` }).click();
  const drawer = desk.getByRole("dialog", { name: `${PARTNER} · ${thisMonth()}` });
  await expect(drawer.getByRole("table", { name: "Đơn hàng trong tháng" })).toContainText(order.code);
  await expect(drawer).toContainText(
    "Thực nhận = Doanh thu − Hoàn tiền − Tiền mặt đối tác đã thu − Hoa hồng",
  );
  // This month has not ended: its payout cannot be recorded yet, as the API says.
  await drawer.getByLabel("Mã tham chiếu").fill("FT26123456789");
  await drawer.getByRole("button", { name: "Ghi nhận đã chi" }).click();
  await expect(drawer).toContainText("Chỉ ghi nhận chi trả cho tháng đã kết thúc.");
  if (shots) await desk.screenshot({ path: `${shots}/settlement-drawer.png` });

  await courier.getByRole("link", { name: "Đối soát", exact: true }).click();
  await expect(courier.getByRole("heading", { name: "Đối soát", level: 1 })).toBeVisible();
  await courier.getByLabel("Tháng", { exact: true }).selectOption({ label: thisMonth() });
  await expect(courier.getByRole("table", { name: "Đơn hàng trong tháng" })).toContainText(order.code);
  await expect(courier.getByText("Chưa chi trả")).toBeVisible();
  if (shots) await courier.screenshot({ path: `${shots}/partner-statement.png`, fullPage: true });
});
