import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { sendDebtReminders } from "../../src/server/modules/billing/debts/debts.service.js";
import { signBankFeed } from "../../src/server/modules/billing/payments/bank-feed/sepay.js";
import { runRetention } from "../../src/server/modules/privacy/retention/retention.service.js";
import { createLogger } from "../../src/server/platform/log/logger.js";
import type { TestEnv } from "./app.js";
import { newMember, PASSWORD, signIn } from "./builders.js";
import type { Client } from "./client.js";
import { uploadFile } from "./files.js";
import { issueReviewed } from "./issue.js";
import { approvedItem, newPartner, tomorrow } from "./marketplace.js";
import { squarePng } from "./png.js";
import { newResident } from "./residents.js";

/** Waits (in hooks too, where expect.poll cannot run) until `check` holds, up to `ms`. */
export async function until(check: () => Promise<boolean>, what: string, ms = 30_000) {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50)))
    if (await check()) return;
  throw new Error(`${what}: not done within ${ms} ms`);
}

/**
 * A company with rows in every tenant table, made the way the product makes them (through the API as its own
 * staff and resident, and the scheduled jobs), for the tenant-isolation suite. The app must run with
 * `jobs: true` and the demo bank-feed key. Answers the company's signed-in staff and resident, and its ids.
 */
export async function populatedCompany(env: TestEnv, label: string) {
  const tag = `${label}-${randomBytes(3).toString("hex")}`;
  const ok = async (res: Promise<{ status: number; body: any }>, what: string) => {
    const r = await res;
    expect(r.status, `${label}: ${what} → ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const adminPerson = await newMember(env, "company_admin");
  const { companyId } = adminPerson;
  const admin = await signIn(env, adminPerson);
  await ok(admin.post("/api/v1/auth/reauth", { password: PASSWORD }), "reauth");

  // Registry: a building, two units, an owner (signed in), a vehicle, a card, a flag, a change request.
  const building = await ok(
    admin.post("/api/v1/buildings", {
      name: `Tòa ${tag}`,
      address: "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
      blocks: [{ name: "A", floors: 5 }],
    }),
    "building",
  );
  const buildingId = building.id as string;
  const unit = (code: string) =>
    ok(
      admin.post("/api/v1/units", {
        buildingId,
        code,
        block: "A",
        floor: 1,
        areaM2: 70,
        status: "occupied",
        handoverDate: "2024-01-01",
      }),
      `unit ${code}`,
    );
  const unitId = (await unit("A-01.01")).id as string;
  const otherUnitId = (await unit("A-01.02")).id as string;
  const accountant = await signIn(
    env,
    await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
  );
  const residentEmail = `owner-${tag.toLowerCase()}@example.vn`;
  const owner = await newResident(env, admin, unitId, {
    fullName: `Chủ hộ ${tag}`,
    email: residentEmail,
    dateOfBirth: "1985-04-12",
  });
  const resident = owner.client;
  await ok(
    admin.post(`/api/v1/units/${otherUnitId}/household`, { role: "owner", fullName: `Chủ hộ 2 ${tag}` }),
    "second owner",
  );
  const vehicle = await ok(
    admin.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: owner.residentId,
      type: "motorbike",
      plate: `59-X${Math.floor(Math.random() * 9) + 1} ${String(Math.floor(Math.random() * 1e5))
        .padStart(5, "0")
        .replace(/(\d{3})(\d{2})/, "$1.$2")}`,
      activeFrom: "2024-01-01",
    }),
    "vehicle",
  );
  const card = await ok(
    admin.post(`/api/v1/units/${unitId}/household/${owner.memberId}/cards`, {
      kind: "access",
      number: `TH-${tag}`,
    }),
    "card",
  );
  const flag = await ok(
    admin.post(`/api/v1/units/${unitId}/household/flags`, { note: "Danh sách thành viên cần cập nhật" }),
    "flag",
  );
  const change = await ok(
    resident.post(`/api/v1/units/${unitId}/change-requests`, { kind: "area", areaM2: 71.5 }),
    "change request",
  );
  await ok(admin.post(`/api/v1/residents/${owner.residentId}/reveal`, { field: "email" }), "reveal");
  // The company's own water tariff (a local utility's bands).
  await ok(
    admin.post("/api/v1/tariffs", {
      code: `nuoc-${tag.toLowerCase()}`,
      kind: "water",
      name: `Nước ${tag}`,
      basis: "person",
      bands: [
        { upTo: 4, price: 6_700 },
        { upTo: null, price: 12_900 },
      ],
      validFrom: "2025-01-01",
    }),
    "water tariff",
  );
  const staffInvitation = await ok(
    admin.post("/api/v1/staff/invitations", {
      contact: `staff-${tag.toLowerCase()}@example.vn`,
      displayName: "Nhân viên mới",
      role: "technician",
      buildingIds: [buildingId],
    }),
    "staff invitation",
  );

  // Billing: settings, a receiving account, a rule, a reading, a run, issued notices, cash, a transfer.
  await ok(
    admin.put(`/api/v1/buildings/${buildingId}/billing-settings`, {
      feeFrameMin: 5000,
      feeFrameMax: 20000,
      dueDays: 10,
      reminderDays: 7,
    }),
    "billing settings",
  );
  const accountNumber = `88${randomBytes(5).readUIntBE(0, 5).toString().padStart(12, "0").slice(0, 10)}`;
  await ok(
    admin.post("/api/v1/bank-accounts", {
      buildingId,
      bankBin: "970436",
      accountNumber,
      accountName: "CONG TY QUAN LY",
    }),
    "bank account",
  );
  const rule = await ok(
    admin.post("/api/v1/fee-rules", {
      buildingId,
      kind: "area",
      name: "Phí quản lý",
      unitType: "apartment",
      price: 12000,
      vatRate: 10,
      validFrom: "2025-01-01",
    }),
    "fee rule",
  );
  const period = "2026-09";
  const reading = await ok(
    accountant.post("/api/v1/meter-readings", {
      unitId,
      kind: "electricity",
      period,
      previous: 100,
      reading: 180,
      readOn: "2026-09-30",
    }),
    "reading",
  );
  const run = await ok(accountant.post("/api/v1/billing-runs", { buildingId, period }), "billing run");
  await until(
    async () => (await accountant.get(`/api/v1/billing-runs/${run.id}`)).body.status === "done",
    "run",
  );
  await ok(issueReviewed(accountant, buildingId, period), "issue");
  const notices = (await accountant.get("/api/v1/invoices", { buildingId, period })).body.items as {
    id: string;
    unitId: string;
    total: number;
  }[];
  const paidNotice = notices.find((n) => n.unitId === otherUnitId) as { id: string; total: number };
  const openNotice = notices.find((n) => n.unitId === unitId) as { id: string; total: number };
  await ok(
    accountant.post("/api/v1/payments/cash", { invoiceId: paidNotice.id, amount: paidNotice.total }),
    "cash",
  );
  const secret = env.config.bankFeed.hmacSecret;
  if (!secret) throw new Error("populatedCompany needs an app with bankFeed.hmacSecret");
  const transfer = JSON.stringify({
    id: randomBytes(4).readUInt32BE(0),
    gateway: "Vietcombank",
    transactionDate: "2026-10-02 09:15:00",
    accountNumber,
    subAccount: null,
    code: null,
    content: "chuyen tien khong ghi ma",
    transferType: "in",
    transferAmount: 5000,
    accumulated: 0,
    referenceCode: `FT${tag}`,
    description: "",
  });
  const feed = await env.app.inject({
    method: "POST",
    url: "/api/v1/bank-feed/sepay",
    headers: {
      "content-type": "application/json",
      ...signBankFeed(transfer, secret, Math.floor(Date.now() / 1000)),
    },
    payload: transfer,
  });
  expect(feed.statusCode, feed.body).toBe(200);
  // The resident starts a card payment and an auto-debit authorisation (each leaves a row).
  await ok(resident.post(`/api/v1/invoices/${openNotice.id}/pay-online`), "pay online");
  await ok(resident.post(`/api/v1/units/${unitId}/autopay`), "autopay");
  // The owner of the open notice is reminded once it is overdue (the daily job, two months on).
  await sendDebtReminders(
    env.db,
    env.app.platform,
    createLogger("silent"),
    new Date(Date.now() + 60 * 86_400_000),
  );

  // Communication: an announcement with a plan attached, a conversation with a photo.
  const upload = (client: Client, purpose: string) =>
    ok(uploadFile(client, purpose, "so-do.png", squarePng(40, 30, [20, 90, 160])), `${purpose} upload`);
  const plan = await upload(admin, "announcement");
  await ok(
    admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Lịch cắt nước",
      body: "Tòa A cắt nước 8:00–11:00 thứ Bảy.",
      attachments: [plan.id],
    }),
    "announcement",
  );
  // Its deliveries are recorded; the resident's choices and a browser's push subscription too.
  await ok(
    resident.put("/api/v1/me/notification-preferences", {
      categories: [{ category: "building", channels: { email: true } }],
      quietHours: { from: "22:00", to: "06:30" },
    }),
    "notification preferences",
  );
  await ok(
    resident.post("/api/v1/me/push-subscriptions", {
      endpoint: "https://push.example.test/send/abc",
      keys: {
        p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth: "tBHItJI5svbpez7KI4CCXg",
      },
    }),
    "push subscription",
  );
  const conversation = await ok(
    resident.post("/api/v1/me/conversations", {
      unitId,
      topic: "Nước yếu",
      message: "Vòi nước rất yếu.",
      photos: [(await upload(resident, "conversation")).id],
    }),
    "conversation",
  );
  await ok(
    admin.post(`/api/v1/conversations/${conversation.id}/messages`, { body: "Kỹ thuật sẽ lên kiểm tra." }),
    "conversation answer",
  );
  // Resident services: a ticket with a photo, acknowledged and answered; another made from the conversation;
  // the company's own service level for plumbing.
  const ticket = await ok(
    resident.post("/api/v1/me/tickets", {
      unitId,
      category: "plumbing",
      title: "Rò nước trần",
      description: "Trần nhà tắm nhỏ giọt.",
      photos: [(await upload(resident, "ticket")).id],
    }),
    "ticket",
  );
  await ok(admin.patch(`/api/v1/tickets/${ticket.id}`, { status: "acknowledged" }), "ticket acknowledged");
  await ok(
    admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "Chiều nay kỹ thuật lên." }),
    "ticket answer",
  );
  await ok(
    admin.post("/api/v1/tickets/from-conversation", {
      conversationId: conversation.id,
      category: "plumbing",
    }),
    "ticket from conversation",
  );
  const slas = await ok(admin.get("/api/v1/tickets/slas"), "ticket service levels");
  await ok(
    admin.put("/api/v1/tickets/slas", {
      categories: slas.categories.map((c: { category: string }) =>
        c.category === "plumbing" ? { ...c, respondMinutes: 20 } : c,
      ),
    }),
    "ticket service levels set",
  );

  // Reception: a parcel with its label's photo, handed over with its code; a guest pass used at the desk; a
  // walk-in.
  const parcel = await ok(
    admin.post("/api/v1/parcels", {
      unitId,
      carrier: "Giao Hàng Nhanh",
      photo: (await upload(admin, "parcel")).id,
    }),
    "parcel",
  );
  const waitingParcels = await ok(resident.get("/api/v1/me/parcels"), "my parcels");
  const pickupCode = waitingParcels.items.find((p: { id: string }) => p.id === parcel.id)?.code;
  await ok(admin.post(`/api/v1/parcels/${parcel.id}/pickup`, { code: pickupCode }), "parcel handed over");
  await ok(admin.post("/api/v1/parcels", { unitId, carrier: "Viettel Post" }), "parcel waiting");
  const guestPass = await ok(
    resident.post("/api/v1/me/guest-passes", {
      unitId,
      guestName: "Khách Thăm",
      validFrom: new Date(Date.now() - 3600_000).toISOString(),
      validUntil: new Date(Date.now() + 3600_000).toISOString(),
    }),
    "guest pass",
  );
  await ok(admin.post(`/api/v1/guest-passes/${guestPass.id}/check-in`), "guest checked in");
  await ok(admin.post("/api/v1/visits", { unitId, guestName: "Thợ Điện" }), "walk-in");

  // Amenities: a BBQ area with a fee and deposit, booked by the resident (its charges wait for a fee notice),
  // and closed for maintenance on a later day.
  const amenity = await ok(
    admin.post("/api/v1/amenities", {
      buildingId,
      name: "Khu BBQ",
      kind: "bbq",
      opensAt: "09:00",
      closesAt: "21:00",
      slotMinutes: 180,
      fee: 200_000,
      deposit: 500_000,
    }),
    "amenity",
  );
  const vnDay = (days: number) =>
    new Date(Date.now() + (7 + 24 * days) * 3600_000).toISOString().slice(0, 10);
  await ok(
    resident.post("/api/v1/bookings", {
      amenityId: amenity.id,
      unitId,
      startsAt: new Date(`${vnDay(2)}T18:00:00+07:00`).toISOString(),
    }),
    "booking",
  );
  await ok(
    admin.post(`/api/v1/amenities/${amenity.id}/closures`, {
      from: new Date(`${vnDay(5)}T00:00:00+07:00`).toISOString(),
      until: new Date(`${vnDay(6)}T00:00:00+07:00`).toISOString(),
      reason: "Bảo trì bếp nướng",
    }),
    "amenity closure",
  );

  // The documents library: rules asking to be acknowledged, acknowledged by the resident.
  const rulesFile = await ok(
    uploadFile(admin, "document", "noi-quy.png", squarePng(40, 30, [90, 90, 90])),
    "document upload",
  );
  const rules = await ok(
    admin.post("/api/v1/documents", {
      buildingId,
      category: "rules",
      title: "Nội quy",
      audience: "residents",
      requiresAck: true,
      fileId: rulesFile.id,
    }),
    "document",
  );
  await ok(resident.post(`/api/v1/documents/${rules.id}/acknowledge`), "document acknowledged");

  // Services: a catalogue entry asked for, and a renovation with its drawing, approved with a deposit.
  const cleaning = await ok(
    admin.post("/api/v1/services", { buildingId, kind: "cleaning", name: "Vệ sinh", fee: 300_000 }),
    "service",
  );
  await ok(
    resident.post("/api/v1/service-requests", { serviceId: cleaning.id, unitId, preferredOn: vnDay(3) }),
    "service request",
  );
  const drawing = await upload(resident, "renovation");
  const renovation = await ok(
    resident.post("/api/v1/renovations", {
      unitId,
      contractor: "Thợ Hòa",
      contractorPhone: "0912 000 111",
      workers: 2,
      startsOn: vnDay(4),
      endsOn: vnDay(9),
      description: "Sơn lại phòng ngủ.",
      documents: [drawing.id],
    }),
    "renovation",
  );
  await ok(
    admin.post(`/api/v1/renovations/${renovation.id}/decide`, { approve: true, deposit: 2_000_000 }),
    "renovation approved",
  );

  // A partner serving the building, its person in the partner portal, an approved item and an order of it.
  const water = await newPartner(env, admin, [buildingId], { name: `Nước ${tag}` });
  const itemId = await approvedItem(water.client, admin, [buildingId]);
  await ok(
    resident.post("/api/v1/orders", {
      unitId,
      lines: [{ itemId, quantity: 1 }],
      slotDate: tomorrow(),
      slot: "08-10",
      delivery: "door",
      payment: "cash",
    }),
    "order",
  );
  await ok(
    water.client.post("/api/v1/promotions", {
      itemId,
      titleVi: "Giảm giá bình thứ hai",
      titleEn: "Second bottle off",
      startsOn: tomorrow(),
      endsOn: tomorrow(),
    }),
    "promotion",
  );
  // A month (last month: a payout is recorded once the month is over) settled with the partner.
  const lastMonth = new Date(Date.now() + 7 * 3600_000);
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  await ok(
    admin.post(`/api/v1/partners/${water.partnerId}/payouts`, {
      period: lastMonth.toISOString().slice(0, 7),
      reference: "FT-SETTLED",
    }),
    "payout",
  );

  const survey = await ok(
    admin.post(`/api/v1/buildings/${buildingId}/surveys`, {
      title: "Khảo sát vệ sinh",
      questions: [
        { id: "clean", kind: "single", text: "Hành lang có sạch không?", options: ["Sạch", "Bẩn"] },
      ],
    }),
    "survey",
  );
  await ok(
    resident.post(`/api/v1/me/surveys/${survey.survey.id}/answers`, { answers: { clean: "Sạch" } }),
    "survey answer",
  );

  // Privacy: a policy acknowledged, a consent, an export, a request, an identity check, a hold, an agency
  // release, a breach with its affected people, a retention run.
  const policy = await ok(
    admin.post("/api/v1/privacy/policies", {
      kind: "terms",
      bodyVi: "Điều khoản sử dụng dịch vụ quản lý tòa nhà. ".repeat(6),
      bodyEn: "Terms of use of the building management service. ".repeat(6),
      summaryVi: "Điều khoản",
      summaryEn: "Terms",
      requiresAcknowledgement: true,
    }),
    "policy",
  );
  await ok(resident.post("/api/v1/privacy/policies/acknowledge", { policyId: policy.id }), "acknowledge");
  await ok(resident.post("/api/v1/privacy/consents", { purpose: "marketing", given: true }), "consent");
  const exported = await ok(resident.post("/api/v1/privacy/exports", { format: "json" }), "export");
  const request = await ok(
    resident.post("/api/v1/privacy/requests", { kind: "access", details: "Tôi muốn xem dữ liệu." }),
    "privacy request",
  );
  const identity = await ok(
    admin.post("/api/v1/privacy/identity-checks", { residentId: owner.residentId }),
    "identity check",
  );
  const hold = await ok(
    admin.post("/api/v1/privacy/legal-holds", { residentId: owner.residentId, reason: "Tranh chấp phí" }),
    "legal hold",
  );
  await ok(
    admin.post("/api/v1/privacy/agency-requests", {
      agency: "Công an phường",
      reference: `CV-${tag}`,
      legalBasis: "Luật Cư trú 2020",
      residentIds: [owner.residentId],
      fields: ["resident.fullName"],
    }),
    "agency request",
  );
  const breach = await ok(
    admin.post("/api/v1/privacy/breaches", {
      title: "Thất lạc sổ ghi xe",
      description: "Sổ ghi xe bị thất lạc.",
      detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      severity: "low",
      fields: ["resident.fullName"],
      scope: { residentIds: [owner.residentId] },
    }),
    "breach",
  );
  await runRetention(env.db, env.app.platform, createLogger("silent"));
  const notifications = (await resident.get("/api/v1/notifications")).body.items as { id: string }[];
  const sessions = (await resident.get("/api/v1/me/sessions")).body.items as { id: string }[];
  // The resident's browser (signed in with a code, not remembered: /me/devices lists only remembered ones).
  const residentAccountId = (await resident.get("/api/v1/auth/me")).body.account.id as string;
  const { rows: devices } = await env.db.ownerSql.query<{ id: string }>(
    "select id::text from devices where account_id = $1",
    [residentAccountId],
  );

  return {
    companyId,
    label,
    /** Part of the company's names (building, owner), to look for in answers to the other company. */
    tag,
    admin,
    accountant,
    resident,
    /** The partner's person in the partner portal. */
    partner: water.client,
    residentEmail,
    /** Ids by the table they are rows of (the isolation sweep reads the rest from the database). */
    ids: {
      buildingId,
      unitId,
      residentId: owner.residentId,
      memberId: owner.memberId,
      vehicleId: vehicle.id as string,
      cardId: card.id as string,
      flagId: flag.id as string,
      changeRequestId: change.id as string,
      ticketId: ticket.id as string,
      invitationId: staffInvitation.id as string,
      feeRuleId: rule.id as string,
      readingId: reading.id as string,
      runId: run.id as string,
      invoiceId: openNotice.id,
      policyId: policy.id as string,
      exportToken: String(exported.url).split("/").pop() as string,
      requestId: (request.request?.id ?? request.id) as string,
      identityCheckId: identity.id as string,
      holdId: hold.id as string,
      breachId: breach.id as string,
      notificationIds: notifications.map((n) => n.id),
      sessionIds: sessions.map((s) => s.id),
      deviceIds: devices.map((d) => d.id),
    },
  };
}

export type PopulatedCompany = Awaited<ReturnType<typeof populatedCompany>>;
export type { Client };
