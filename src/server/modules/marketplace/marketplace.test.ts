import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { approvedItem, newPartner, tomorrow } from "../../../../test/helpers/marketplace.js";
import { squarePng } from "../../../../test/helpers/png.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { signBankFeed } from "../billing/payments/bank-feed/sepay.js";
import { runDueErasures } from "../privacy/requests/privacy.jobs.js";

/*
 * The marketplace through HTTP: partners' staff invited to the portal, items approved before residents see
 * them, an order's whole path (placed, paid by a transfer matched by the order code, moved along and delivered
 * with the household's code, rated, refunded), the partner's view of a job (only the minimum, only while open,
 * every release in the disclosure log and in the resident's data), stock that cannot be oversold, and erasure
 * that keeps paid orders for accounting.
 */
let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
let manager: Client;
const HMAC_SECRET = "marketplace-test-secret-0123456789";
const ACCOUNT = `0${String(Date.now()).slice(-9)}71`;
let nextTransfer = 910_000 + Math.floor(Math.random() * 1000) * 100;
const DAY = 24 * 3600_000;
const log = createLogger("silent");

/** A household member of a new unit of the building, with an account and a phone on record. */
async function household(name: string, phone = "0912345678") {
  const unit = await newUnit(env, { companyId, buildingId });
  const email = `${name.split(" ").at(-1)?.toLowerCase()}.${unit.unitId.slice(0, 6)}@example.vn`;
  const r = await newResident(env, admin, unit.unitId, { fullName: name, email, phone });
  return { ...r, unitId: unit.unitId, email };
}

/** A transfer as the bank feed (SePay) delivers it, signed. */
function transfer(amount: number, memo: string) {
  const id = nextTransfer++;
  const payload = JSON.stringify({
    id,
    gateway: "Vietcombank",
    transactionDate: "2026-12-06 09:15:00",
    accountNumber: ACCOUNT,
    subAccount: null,
    code: null,
    content: memo,
    transferType: "in",
    transferAmount: amount,
    accumulated: 0,
    referenceCode: `FT${id}`,
    description: "",
  });
  return env.app.inject({
    method: "POST",
    url: "/api/v1/bank-feed/sepay",
    headers: {
      "content-type": "application/json",
      ...signBankFeed(payload, HMAC_SECRET, Math.floor(Date.now() / 1000)),
    },
    payload,
  });
}

const order = (itemId: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  lines: [{ itemId, quantity }],
  slotDate: tomorrow(),
  slot: "08-10",
  delivery: "door",
  note: "Gọi trước khi lên",
  payment: "transfer",
  ...extra,
});

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000, bankFeed: { hmacSecret: HMAC_SECRET } });
  ({ companyId, buildingId } = await newUnit(env));
  const owner = await newMember(env, "company_admin", { companyId });
  admin = await signIn(env, owner);
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  const account = await admin.post("/api/v1/bank-accounts", {
    buildingId,
    bankBin: "970436",
    accountNumber: ACCOUNT,
    accountName: "CONG TY QUAN LY",
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
});

describe("the catalogue", () => {
  it("is written by the partner's staff, seen by residents once approved, and reviewed again after a change", async () => {
    const water = await newPartner(env, admin, [buildingId], { name: "Nước Suối Trong" });
    const staff = await admin.get(`/api/v1/partners/${water.partnerId}/staff`);
    expect(staff.body.items).toMatchObject([{ displayName: "Võ Văn Giao", status: "active" }]);
    expect(staff.body.items[0].contact).not.toContain(water.email.split("@")[0]);

    const elsewhere = await newUnit(env, { companyId });
    const refused = await water.client.post("/api/v1/catalog/items", {
      kind: "goods",
      category: "water",
      nameVi: "Nước bình",
      nameEn: "Water",
      price: 65_000,
      vatRate: 8,
      stock: 10,
      buildingIds: [elsewhere.buildingId],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields.buildingIds).toBeDefined();

    const made = await water.client.post("/api/v1/catalog/items", {
      kind: "goods",
      category: "water",
      nameVi: "Nước khoáng thùng 24 chai",
      nameEn: "Mineral water, case of 24",
      descriptionVi: "Giao tận cửa căn hộ",
      price: 120_000,
      vatRate: 8,
      stock: 10,
    });
    // Without buildings named, the item is offered in every building the partner serves.
    expect(made.body.buildingIds).toEqual([buildingId]);
    const profile = await water.client.get("/api/v1/partner/profile");
    expect(profile.body).toMatchObject({ displayName: "Nước Suối Trong", buildings: [{ id: buildingId }] });
    expect((await admin.get("/api/v1/partner/profile")).status).toBe(403);
    expect(made.body).toMatchObject({ status: "pending", partnerName: "Nước Suối Trong" });
    const buyer = await household("Trần Thị Mai");
    const shopOf = async () =>
      (await buyer.client.get("/api/v1/shop", { unitId: buyer.unitId })).body.partners.find(
        (p: { id: string }) => p.id === water.partnerId,
      );
    expect(await shopOf()).toBeUndefined();
    const work = await manager.get("/api/v1/console/work");
    expect(
      work.body.queues.find((q: { key: string }) => q.key === "marketplace.items")?.count,
    ).toBeGreaterThan(0);

    expect(
      (await water.client.post(`/api/v1/catalog/items/${made.body.id}/review`, { decision: "approve" }))
        .status,
    ).toBe(403);
    const approved = await manager.post(`/api/v1/catalog/items/${made.body.id}/review`, {
      decision: "approve",
    });
    expect(approved.body.status).toBe("approved");
    expect((await shopOf()).items).toMatchObject([
      { id: made.body.id, name: "Nước khoáng thùng 24 chai", price: 120_000, available: true },
    ]);
    expect((await buyer.client.patch("/api/v1/me", { lang: "en" })).status).toBe(200);
    expect((await shopOf()).items[0].name).toBe("Mineral water, case of 24");
    await buyer.client.patch("/api/v1/me", { lang: "vi" });

    // A stock count is the partner's to keep; a new price is the management's to approve again.
    const restocked = await water.client.patch(`/api/v1/catalog/items/${made.body.id}`, { stock: 40 });
    expect(restocked.body).toMatchObject({
      status: "approved",
      stock: 40,
      descriptionVi: "Giao tận cửa căn hộ",
    });
    const repriced = await water.client.patch(`/api/v1/catalog/items/${made.body.id}`, { price: 125_000 });
    expect(repriced.body.status).toBe("pending");
    expect(await shopOf()).toBeUndefined();
    const rejected = await manager.post(`/api/v1/catalog/items/${made.body.id}/review`, {
      decision: "reject",
      note: "Giá cao hơn giá niêm yết",
    });
    expect(rejected.body).toMatchObject({ status: "rejected", reviewNote: "Giá cao hơn giá niêm yết" });

    // Another partner's staff see only their own items.
    const other = await newPartner(env, admin, [buildingId]);
    const theirs = await other.client.get("/api/v1/catalog/items");
    expect(theirs.body.items).toEqual([]);
    expect((await other.client.patch(`/api/v1/catalog/items/${made.body.id}`, { stock: 1 })).status).toBe(
      404,
    );
  });
});

describe("promotions and photos", () => {
  it("show a running promotion only to residents who consent to marketing, and an item's photos to who may see it", async () => {
    const water = await newPartner(env, admin, [buildingId]);
    const photo = await uploadFile(
      water.client,
      "catalog_item",
      "binh.png",
      squarePng(400, 400, [20, 120, 200]),
    );
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const buyer = await household("Mạc Thị Duyên");
    expect(
      (await uploadFile(buyer.client, "catalog_item", "x.png", squarePng(50, 50, [0, 0, 0]))).status,
    ).toBe(403);
    const item = await water.client.post("/api/v1/catalog/items", {
      kind: "goods",
      category: "water",
      nameVi: "Nước suối bình 19 lít",
      nameEn: "Spring water, 19 litres",
      price: 60_000,
      vatRate: 8,
      stock: null,
      buildingIds: [buildingId],
      photos: [photo.body.id],
    });
    expect(item.body.photos.map((p: { id: string }) => p.id)).toEqual([photo.body.id]);
    const url = `/api/v1/catalog/items/${item.body.id}/photos/${photo.body.id}`;
    // Residents see the photo once the item is approved; the partner and the management before.
    expect((await buyer.client.get(url)).status).toBe(404);
    expect((await water.client.get(url)).status).toBe(200);
    await manager.post(`/api/v1/catalog/items/${item.body.id}/review`, { decision: "approve" });
    const seen = await buyer.client.get(url, { variant: "thumbnail" });
    expect(seen.status).toBe(200);
    expect(seen.headers["content-type"]).toContain("image/jpeg");
    const other = await newPartner(env, admin, [buildingId]);
    expect((await other.client.get(url)).status).toBe(404);

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const offer = await water.client.post("/api/v1/promotions", {
      itemId: item.body.id,
      titleVi: "Giảm 10.000 ₫ cho bình thứ hai",
      titleEn: "10,000 ₫ off the second bottle",
      startsOn: today,
      endsOn: tomorrow(),
    });
    expect(offer.body).toMatchObject({ status: "pending" });
    const badDates = await water.client.post("/api/v1/promotions", {
      titleVi: "Sai ngày",
      titleEn: "Wrong dates",
      startsOn: tomorrow(),
      endsOn: today,
    });
    expect(badDates.body.error.details.fields.endsOn).toBeDefined();
    await manager.post(`/api/v1/promotions/${offer.body.id}/review`, { decision: "approve" });
    const shop = async () => (await buyer.client.get("/api/v1/shop", { unitId: buyer.unitId })).body;
    const without = await shop();
    expect(without.marketingConsent).toBe(false);
    expect(without.promotions).toEqual([]);
    expect(without.partners.find((p: { id: string }) => p.id === water.partnerId).items[0].photoId).toBe(
      photo.body.id,
    );
    await buyer.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    const consenting = await shop();
    expect(consenting.promotions).toMatchObject([
      { id: offer.body.id, itemId: item.body.id, title: "Giảm 10.000 ₫ cho bình thứ hai" },
    ]);
    await buyer.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: false });
    expect((await shop()).promotions).toEqual([]);
  });
});

describe("an order", () => {
  it("goes placed → paid by transfer → delivered with the code → rated, and the partner sees only the minimum while it is open", async () => {
    const water = await newPartner(env, admin, [buildingId], { name: "Nước Sạch Phường 5" });
    const itemId = await approvedItem(water.client, manager, [buildingId], {
      price: 65_000,
      vatRate: 8,
      stock: 20,
    });
    const buyer = await household("Nguyễn Thị Hồng Nhung", "0987654321");

    const placed = await buyer.client.post("/api/v1/orders", { unitId: buyer.unitId, ...order(itemId, 2) });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    // 2 × 65,000 = 130,000, of which VAT 8 %: 130,000 × 8 / 108 = 9,629.6 → 9,630.
    expect(placed.body).toMatchObject({
      status: "placed",
      paymentStatus: "unpaid",
      total: 130_000,
      vat: 9_630,
      partnerName: "Nước Sạch Phường 5",
      lines: [{ quantity: 2, unitPrice: 65_000, amount: 130_000 }],
    });
    expect(placed.body.code).toMatch(/^DH\d{8}$/);
    expect(placed.body.deliveryCode).toMatch(/^\d{4}$/);
    expect(placed.body.transfer).toMatchObject({
      accountNumber: ACCOUNT,
      amount: 130_000,
      memo: placed.body.code,
    });

    // The partner's job: only the first name, the unit and building, a masked phone, the window and the items.
    const jobs = await water.client.get("/api/v1/partner/jobs");
    const job = jobs.body.items.find((j: { id: string }) => j.id === placed.body.id);
    expect(Object.keys(job).sort()).toEqual(
      [
        "id",
        "code",
        "status",
        "recipientFirstName",
        "unitCode",
        "buildingName",
        "buildingAddress",
        "maskedPhone",
        "slotDate",
        "slot",
        "delivery",
        "note",
        "lines",
        "collect",
        "can",
      ].sort(),
    );
    expect(job).toMatchObject({ recipientFirstName: "Nhung", maskedPhone: "0987 *** 321", collect: 0 });
    expect(JSON.stringify(jobs.body)).not.toContain("Nguyễn Thị Hồng");
    expect(JSON.stringify(jobs.body)).not.toContain("0987654321");
    expect(JSON.stringify(jobs.body)).not.toContain(buyer.email);
    expect(JSON.stringify(jobs.body)).not.toContain(placed.body.deliveryCode);

    // Paid by a transfer whose memo carries the order code, mangled as banks do.
    const memo = `MBVCB.1234.${placed.body.code.slice(0, 5).toLowerCase()} ${placed.body.code.slice(5)} thanh toan`;
    expect((await transfer(130_000, memo)).statusCode).toBe(200);
    const paid = await buyer.client.get(`/api/v1/orders/${placed.body.id}`);
    expect(paid.body).toMatchObject({ paymentStatus: "paid", transfer: null });
    expect(paid.body.times.paidAt).not.toBeNull();
    // A second transfer for it finds nothing to pay and waits for the accountant.
    expect((await transfer(130_000, placed.body.code)).statusCode).toBe(200);
    const waiting = await admin.get("/api/v1/bank-transfers", { status: "unmatched" });
    expect(waiting.body.items.some((t: { memo: string }) => t.memo === placed.body.code)).toBe(true);

    // The partner reveals the phone once it needs to call: a disclosure the resident sees.
    const phone = await water.client.post(`/api/v1/partner/jobs/${placed.body.id}/reveal-phone`);
    expect(phone.body).toEqual({ phone: "0987654321" });
    const mine = await buyer.client.get("/api/v1/my/data");
    const released = mine.body.records[0].disclosures.filter(
      (d: { recipient: string }) => d.recipient === "Nước Sạch Phường 5",
    );
    expect(released.map((d: { fields: string[] }) => d.fields).sort()).toEqual([
      ["resident.fullName"],
      ["resident.phone"],
    ]);
    expect(released[0]).toMatchObject({ recipientKind: "partner", legalBasis: "contract" });
    expect(mine.body.orders[0]).toMatchObject({
      code: placed.body.code,
      note: "Gọi trước khi lên",
      total: 130_000,
    });

    const advance = (status: string) =>
      water.client.post(`/api/v1/partner/jobs/${placed.body.id}/advance`, { status });
    expect((await advance("confirmed")).body.status).toBe("confirmed");
    expect((await advance("preparing")).body.status).toBe("preparing");
    expect((await advance("confirmed")).body.error.code).toBe("JOB_STEP_BACKWARDS");
    expect((await advance("on_the_way")).body.status).toBe("on_the_way");
    // On its way, the household can no longer cancel.
    expect(
      (await buyer.client.post(`/api/v1/orders/${placed.body.id}/cancel`, { reason: "Đổi ý" })).status,
    ).toBe(403);

    const wrong = String((Number(placed.body.deliveryCode) + 1) % 10_000).padStart(4, "0");
    const refusedCode = await water.client.post(`/api/v1/partner/jobs/${placed.body.id}/deliver`, {
      code: wrong,
    });
    expect(refusedCode.status).toBe(400);
    expect(refusedCode.body.error.details.fields.code).toBeDefined();
    const delivered = await water.client.post(`/api/v1/partner/jobs/${placed.body.id}/deliver`, {
      code: placed.body.deliveryCode,
    });
    expect(delivered.body).toEqual({ id: placed.body.id, status: "delivered" });

    // The job is closed: the partner sees nothing of it any more.
    expect((await water.client.get(`/api/v1/partner/jobs/${placed.body.id}`)).status).toBe(404);
    expect((await water.client.post(`/api/v1/partner/jobs/${placed.body.id}/reveal-phone`)).status).toBe(404);
    expect(
      (await water.client.get("/api/v1/partner/jobs")).body.items.some(
        (j: { id: string }) => j.id === placed.body.id,
      ),
    ).toBe(false);
    expect((await water.client.get(`/api/v1/orders/${placed.body.id}`)).status).toBe(403);

    const seen = await buyer.client.get(`/api/v1/orders/${placed.body.id}`);
    expect(seen.body).toMatchObject({
      status: "delivered",
      deliveryCode: null,
      can: { rate: true, cancel: false },
    });
    for (const at of ["confirmedAt", "preparingAt", "onTheWayAt", "deliveredAt"])
      expect(seen.body.times[at]).not.toBeNull();
    const rated = await buyer.client.post(`/api/v1/orders/${placed.body.id}/rating`, {
      rating: 5,
      comment: "Đúng giờ",
    });
    expect(rated.body).toMatchObject({ rating: 5, ratingComment: "Đúng giờ", can: { rate: false } });
    expect((await buyer.client.post(`/api/v1/orders/${placed.body.id}/rating`, { rating: 1 })).status).toBe(
      403,
    );
    const inbox = await buyer.client.get("/api/v1/notifications");
    const titles = inbox.body.items.filter(
      (n: { link: string }) => n.link === `/app/orders/${placed.body.id}`,
    );
    // Paid, confirmed, on the way, delivered: "preparing" is the partner's own step, not worth a message.
    expect(titles.length).toBe(4);

    // A complaint opens a ticket the management follows, linked to the order, once.
    const complaint = await buyer.client.post(`/api/v1/orders/${placed.body.id}/complaint`, {
      description: "Một bình bị nứt, nước chảy ra sàn.",
    });
    expect(complaint.status).toBe(201);
    const ticket = await manager.get(`/api/v1/tickets/${complaint.body.ticketId}`);
    expect(ticket.body).toMatchObject({ number: complaint.body.number });
    expect(ticket.body.description).toContain(placed.body.code);
    const linked = await buyer.client.get(`/api/v1/orders/${placed.body.id}`);
    expect(linked.body).toMatchObject({ ticketId: complaint.body.ticketId, can: { complain: false } });
    expect(
      (
        await buyer.client.post(`/api/v1/orders/${placed.body.id}/complaint`, {
          description: "Lần nữa cho chắc.",
        })
      ).status,
    ).toBe(403);
  });

  it("cash on delivery is collected at the door; a cancelled paid order is refunded by the company", async () => {
    const water = await newPartner(env, admin, [buildingId]);
    const itemId = await approvedItem(water.client, manager, [buildingId], {
      price: 480_000,
      vatRate: 10,
      stock: 5,
    });
    const buyer = await household("Lê Văn Tâm");
    const cash = await buyer.client.post("/api/v1/orders", {
      unitId: buyer.unitId,
      ...order(itemId, 1, { payment: "cash" }),
    });
    expect(cash.body).toMatchObject({ total: 480_000, vat: 43_636, transfer: null }); // 480,000 × 10 / 110 = 43,636.4
    const job = await water.client.get(`/api/v1/partner/jobs/${cash.body.id}`);
    expect(job.body.collect).toBe(480_000);
    await water.client.post(`/api/v1/partner/jobs/${cash.body.id}/deliver`, { code: cash.body.deliveryCode });
    expect((await buyer.client.get(`/api/v1/orders/${cash.body.id}`)).body.paymentStatus).toBe("paid");

    const byTransfer = await buyer.client.post("/api/v1/orders", {
      unitId: buyer.unitId,
      ...order(itemId, 2),
    });
    expect((await transfer(960_000, `CK ${byTransfer.body.code}`)).statusCode).toBe(200);
    const shop = async () =>
      (await buyer.client.get("/api/v1/shop", { unitId: buyer.unitId })).body.partners
        .find((p: { id: string }) => p.id === water.partnerId)
        .items.find((i: { id: string }) => i.id === itemId);
    expect((await shop()).available).toBe(true); // 5 − 1 − 2 = 2 left
    const cancelled = await buyer.client.post(`/api/v1/orders/${byTransfer.body.id}/cancel`, {
      reason: "Đặt nhầm",
    });
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      paymentStatus: "paid",
      can: { refund: false },
    });
    const accountant = await signIn(
      env,
      await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
    );
    const queue = (await accountant.get("/api/v1/console/work")).body.queues.find(
      (q: { key: string }) => q.key === "marketplace.refunds",
    );
    expect(queue.count).toBeGreaterThan(0);
    expect(
      (
        await buyer.client.post(`/api/v1/orders/${byTransfer.body.id}/refund`, {
          reason: "x",
          reference: "y",
        })
      ).status,
    ).toBe(403);
    const refunded = await accountant.post(`/api/v1/orders/${byTransfer.body.id}/refund`, {
      reason: "Cư dân hủy đơn trước khi giao",
      reference: "FT26340123456",
    });
    expect(refunded.body).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    // The cancelled order's two came back to the stock: 4 left, and an order for 4 goes through.
    const four = await buyer.client.post("/api/v1/orders", { unitId: buyer.unitId, ...order(itemId, 4) });
    expect(four.status).toBe(201);
    expect((await shop()).available).toBe(false);

    const again = await buyer.client.post(`/api/v1/orders/${cash.body.id}/repeat`, {
      slotDate: tomorrow(),
      slot: "16-18",
    });
    expect(again.body.error.code).toBe("OUT_OF_STOCK");
  });

  it("is refused with clear errors: past windows, items not offered, two partners, another household's unit", async () => {
    const a = await newPartner(env, admin, [buildingId]);
    const b = await newPartner(env, admin, [buildingId]);
    const itemA = await approvedItem(a.client, manager, [buildingId]);
    const itemB = await approvedItem(b.client, manager, [buildingId]);
    const buyer = await household("Phạm Quốc Bảo");
    const neighbour = await household("Đỗ Minh Khang");
    const place = (body: Record<string, unknown>) =>
      buyer.client.post("/api/v1/orders", { unitId: buyer.unitId, ...body });

    const past = await place(order(itemA, 1, { slotDate: "2020-01-01" }));
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields.slotDate).toBeDefined();
    const far = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    expect(
      (await place(order(itemA, 1, { slotDate: far }))).body.error.details.fields.slotDate,
    ).toBeDefined();
    const both = await place({
      ...order(itemA, 1),
      lines: [
        { itemId: itemA, quantity: 1 },
        { itemId: itemB, quantity: 1 },
      ],
    });
    expect(both.body.error.details.fields.lines).toBeDefined();
    const pending = (
      await a.client.post("/api/v1/catalog/items", {
        kind: "goods",
        category: "water",
        nameVi: "Chưa duyệt",
        nameEn: "Not approved",
        price: 1000,
        vatRate: 0,
        stock: null,
        buildingIds: [buildingId],
      })
    ).body.id;
    expect((await place(order(pending, 1))).body.error.details.fields.lines).toBeDefined();
    const notMine = await buyer.client.post("/api/v1/orders", {
      unitId: neighbour.unitId,
      ...order(itemA, 1),
    });
    expect(notMine.status).toBe(404);
    const zero = await place(order(itemA, 0));
    expect(zero.status).toBe(400);

    await admin.patch(`/api/v1/partners/${a.partnerId}`, { status: "suspended", statusReason: "Tạm dừng" });
    expect((await place(order(itemA, 1))).body.error.code).toBe("PARTNER_NOT_SERVING");
    expect((await a.client.get("/api/v1/partner/jobs")).status).toBe(404);
  });

  it("never sells more than the stock, whatever arrives at once", async () => {
    const water = await newPartner(env, admin, [buildingId]);
    const itemId = await approvedItem(water.client, manager, [buildingId], { stock: 3 });
    const buyers = await Promise.all(
      ["Anh", "Bình", "Chi", "Dũng", "Em", "Phúc"].map((n) => household(`Lý Văn ${n}`)),
    );
    const answers = await Promise.all(
      buyers.map((b) => b.client.post("/api/v1/orders", { unitId: b.unitId, ...order(itemId, 1) })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.error.code === "OUT_OF_STOCK")).toBe(
      true,
    );
  });
});

describe("settlement", () => {
  it("states a partner's month by hand, exports the payout for the bank, and records it paid once", async () => {
    const water = await newPartner(env, admin, [buildingId], { commission: { kind: "percent", value: 800 } });
    const small = await approvedItem(water.client, manager, [buildingId], { price: 130_000, stock: null });
    const gas = await approvedItem(water.client, manager, [buildingId], { price: 480_000, stock: null });
    const big = await approvedItem(water.client, manager, [buildingId], { price: 960_000, stock: null });
    const buyer = await household("Kiều Văn Sơn");
    const deliver = async (itemId: string, payment: "transfer" | "cash") => {
      const o = (
        await buyer.client.post("/api/v1/orders", { unitId: buyer.unitId, ...order(itemId, 1, { payment }) })
      ).body;
      if (payment === "transfer") await transfer(o.total, o.code);
      const done = await water.client.post(`/api/v1/partner/jobs/${o.id}/deliver`, { code: o.deliveryCode });
      expect(done.status).toBe(200);
      return o.id as string;
    };
    const ids = [
      await deliver(small, "transfer"),
      await deliver(gas, "cash"),
      await deliver(big, "transfer"),
    ];
    const accountant = await signIn(
      env,
      await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
    );
    const refund = await accountant.post(`/api/v1/orders/${ids[2]}/refund`, {
      reason: "Bình bị móp",
      reference: "FT999",
    });
    expect(refund.body.status).toBe("refunded");
    // The three were delivered last month (the statement is of a month that has ended).
    const last = new Date(Date.now() + 7 * 3600_000);
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    const period = last.toISOString().slice(0, 7);
    await env.db.ownerSql.query(
      "update orders set delivered_at = $2::date + interval '14 days' where id = any($1)",
      [ids, `${period}-01`],
    );

    // Hand computation: gross 130,000 + 480,000 + 960,000 = 1,570,000; refunded 960,000; cash kept by the
    // partner 480,000; commission 8 % of what stayed sold: 10,400 + 38,400 = 48,800; net owed 1,570,000 −
    // 960,000 − 480,000 − 48,800 = 81,200 (= the 130,000 the company collected, less 48,800).
    const expected = {
      orders: 3,
      gross: 1_570_000,
      refunds: 960_000,
      cashCollected: 480_000,
      commission: 48_800,
      net: 81_200,
    };
    const month = await accountant.get("/api/v1/settlements", { period });
    expect(
      month.body.items.find((s: { partnerId: string }) => s.partnerId === water.partnerId),
    ).toMatchObject({
      ...expected,
      status: "open",
    });
    const own = await water.client.get("/api/v1/partner/statement", { period });
    expect(own.body).toMatchObject(expected);
    expect(own.body.lines.map((l: { commission: number }) => l.commission).sort()).toEqual([
      0, 10_400, 38_400,
    ]);

    const file = await accountant.get("/api/v1/settlements/payout.csv", { period });
    expect(file.headers["content-type"]).toContain("text/csv");
    const rows = file.raw
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toContain('"So tai khoan"');
    expect(rows.some((r) => r.includes('"0071001234567"') && r.includes('"81200"'))).toBe(true);

    const early = await accountant.post(`/api/v1/partners/${water.partnerId}/payouts`, {
      period: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7),
      reference: "FT1",
    });
    expect(early.body.error.code).toBe("PERIOD_NOT_ENDED");
    const paid = await accountant.post(`/api/v1/partners/${water.partnerId}/payouts`, {
      period,
      reference: "FT26330001",
    });
    expect(paid.body).toMatchObject({ ...expected, status: "paid", reference: "FT26330001" });
    const twice = await accountant.post(`/api/v1/partners/${water.partnerId}/payouts`, {
      period,
      reference: "FT2",
    });
    expect(twice.body.error.code).toBe("PAYOUT_ALREADY_RECORDED");
    const after = await accountant.get("/api/v1/settlements/payout.csv", { period });
    expect(after.raw.toString("utf8")).not.toContain('"81200"');
    expect((await manager.get("/api/v1/settlements", { period })).status).toBe(403);
  });
});

describe("erasure", () => {
  it("keeps paid orders for accounting with the buyer's name, and takes the note and the account link", async () => {
    const water = await newPartner(env, admin, [buildingId]);
    const itemId = await approvedItem(water.client, manager, [buildingId]);
    const leaving = await household("Vũ Thị Lan");
    const paid = await leaving.client.post("/api/v1/orders", {
      unitId: leaving.unitId,
      ...order(itemId, 1, { payment: "cash", note: "Để ở lễ tân" }),
    });
    await water.client.post(`/api/v1/partner/jobs/${paid.body.id}/deliver`, { code: paid.body.deliveryCode });
    const unpaid = await leaving.client.post("/api/v1/orders", {
      unitId: leaving.unitId,
      ...order(itemId, 1),
    });
    expect((await leaving.client.post("/api/v1/privacy/requests", { kind: "erasure" })).status).toBe(201);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));
    const { rows } = await env.db.ownerSql.query<{
      id: string;
      buyer_name: string | null;
      note: string | null;
      placed_by: string | null;
    }>("select id, buyer_name, note, placed_by from orders where id = any($1) order by id", [
      [paid.body.id, unpaid.body.id],
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(paid.body.id)).toMatchObject({ buyer_name: "Vũ Thị Lan", note: null, placed_by: null });
    expect(byId.get(unpaid.body.id)).toMatchObject({ buyer_name: null, note: null, placed_by: null });
    const order_ = await admin.get(`/api/v1/orders/${paid.body.id}`);
    expect(order_.body).toMatchObject({ total: 65_000, status: "delivered" });
  });
});

describe("another company", () => {
  it("gets 404 on every order, item and job, and sees none of them", async () => {
    const water = await newPartner(env, admin, [buildingId]);
    const itemId = await approvedItem(water.client, manager, [buildingId]);
    const buyer = await household("Hồ Thị Thu");
    const placed = await buyer.client.post("/api/v1/orders", { unitId: buyer.unitId, ...order(itemId, 1) });
    const { companyId: other, buildingId: otherBuilding } = await newUnit(env);
    const stranger = await signIn(env, await newMember(env, "company_admin", { companyId: other }));
    const strangerPartner = await newPartner(env, stranger, [otherBuilding]);
    expect((await stranger.get(`/api/v1/orders/${placed.body.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/v1/orders/${placed.body.id}/cancel`, { reason: "Thử" })).status).toBe(
      404,
    );
    expect(
      (await stranger.post(`/api/v1/catalog/items/${itemId}/review`, { decision: "reject", note: "Thử" }))
        .status,
    ).toBe(404);
    expect((await stranger.get("/api/v1/orders")).body.items).toEqual([]);
    expect((await stranger.get("/api/v1/catalog/items")).body.items).toEqual([]);
    expect((await strangerPartner.client.get(`/api/v1/partner/jobs/${placed.body.id}`)).status).toBe(404);
    expect(
      (
        await strangerPartner.client.post(`/api/v1/partner/jobs/${placed.body.id}/deliver`, {
          code: placed.body.deliveryCode,
        })
      ).status,
    ).toBe(404);
    expect((await strangerPartner.client.get("/api/v1/partner/jobs")).body.items).toEqual([]);
    expect((await stranger.get(`/api/v1/partners/${water.partnerId}/staff`)).status).toBe(404);
  });
});
