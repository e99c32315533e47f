import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { MyData } from "../../../../contracts/registry.js";
import { personalFields } from "../../../platform/privacy/personal-data.js";
import { modules } from "../../index.js";
import { renderDataExportHtml } from "./export.html.js";
import { dateOnly, dateTime, money } from "./format.js";

const RID = "00000000-0000-4000-8000-000000000002";

const sample: z.infer<typeof MyData> = {
  purposesVersion: "2026-11",
  records: [
    {
      residentId: RID,
      fields: [
        {
          field: "resident.fullName",
          value: "Nguyễn Thị <script>alert('x')</script> Hằng",
          purposes: [{ id: "billing", name: "Thu phí dịch vụ và lập hóa đơn" }],
          retention: "Theo thời hạn lưu chứng từ kế toán (10 năm)",
        },
        {
          field: "resident.phone",
          value: "0912 345 678",
          purposes: [{ id: "deliveries", name: "Giao hàng và dịch vụ tận nơi" }],
          retention: "Trong thời gian cư trú",
        },
        {
          field: "resident.dateOfBirth",
          value: "1990-05-12",
          purposes: [{ id: "building_operations", name: "Vận hành tòa nhà" }],
          retention: "Trong thời gian cư trú",
        },
        { field: "resident.shoeSize", value: null, purposes: [], retention: "Không lưu" },
      ],
      households: [{ unitCode: "A-12.05", role: "owner", movedInOn: "2024-03-01", movedOutOn: null }],
      vehicles: [{ type: "motorbike", plate: "29B1-234.56", parkingCard: "PK-0042", status: "active" }],
      accessCards: [{ kind: "elevator", number: "EL-7788", deactivatedOn: "2026-01-15" }],
      invoices: [
        {
          code: "HD2611A1205",
          number: "2026/000123",
          unitCode: "A-12.05",
          period: "2026-11",
          billTo: "Nguyễn Thị Hằng & Co",
          total: 1221128,
          paid: 21128,
          status: "partially_paid",
        },
      ],
      payments: [
        {
          unitCode: "A-12.05",
          method: "bank_transfer",
          amount: 21128,
          receiptNumber: "PT-000987",
          receivedAt: "2026-12-02T03:04:00Z",
        },
      ],
      seenBy: [{ field: "resident.phone", role: "customer_care", at: "2026-11-20T08:00:00Z" }],
      disclosures: [
        {
          recipient: "Công an phường Tây Hồ",
          recipientKind: "state_agency",
          fields: ["resident.fullName", "vehicle.plate"],
          purpose: "Đăng ký tạm trú",
          legalBasis: "legal_obligation",
          at: "2026-10-01T02:00:00Z",
        },
      ],
      restrictedAt: "2026-11-21T01:00:00Z",
    },
  ],
  account: {
    displayName: "Hằng Nguyễn",
    email: "hang@example.vn",
    phone: "+84912345678",
    lang: "vi",
    createdAt: "2025-01-02T03:00:00Z",
    sessions: [{ device: "iPhone Safari", ip: "203.0.113.7", lastUsedAt: "2026-11-25T01:00:00Z" }],
  },
  consents: [
    {
      purpose: "marketing",
      policyVersion: "2026.2",
      givenAt: "2026-02-01T02:00:00Z",
      withdrawnAt: "2026-06-01T02:00:00Z",
      channel: "web",
      wording: 'Tôi đồng ý nhận tin khuyến mãi "hằng tháng"',
    },
  ],
  requests: [
    {
      kind: "erasure",
      status: "in_progress",
      createdAt: "2026-11-22T02:00:00Z",
      dueAt: "2026-11-27T02:00:00Z",
    },
  ],
  conversations: [
    {
      topic: "Vòi nước yếu",
      unitCode: "A-12.05",
      status: "answered",
      openedAt: "2026-11-23T01:00:00Z",
      messages: [
        { fromStaff: false, body: "Vòi bếp chảy rất yếu.", at: "2026-11-23T01:00:00Z", photos: 1 },
        { fromStaff: true, body: "Kỹ thuật lên lúc 10 giờ.", at: "2026-11-23T01:30:00Z", photos: 0 },
      ],
    },
  ],
  tickets: [
    {
      number: 1024,
      title: "Rò nước trần phòng tắm",
      category: "plumbing",
      unitCode: "A-12.05",
      status: "closed",
      openedAt: "2026-11-24T02:00:00Z",
      description: "Nước nhỏ giọt từ trần phòng tắm xuống sàn.",
      photos: 2,
      rating: 4,
      ratingComment: "Sửa nhanh, sạch sẽ.",
      messages: [
        { fromStaff: true, body: "Kỹ thuật đã thay ống nối.", at: "2026-11-24T05:00:00Z", photos: 1 },
      ],
    },
  ],
  guestPasses: [
    {
      guestName: "Trương Văn Khách",
      guests: 3,
      plate: "30A12345",
      unitCode: "A-12.05",
      validFrom: "2026-11-28T11:00:00Z",
      validUntil: "2026-11-28T15:00:00Z",
      usedAt: "2026-11-28T11:20:00Z",
    },
  ],
  bookings: [
    {
      amenity: "Khu BBQ sân thượng",
      unitCode: "A-12.05",
      startsAt: "2026-11-29T11:00:00Z",
      status: "checked_in",
      guests: 8,
      note: "Sinh nhật con",
      fee: 200000,
      deposit: 500000,
    },
  ],
  serviceRequests: [
    {
      service: "Vệ sinh căn hộ",
      unitCode: "A-12.05",
      preferredOn: "2026-12-12",
      status: "scheduled",
      note: "Lau kính ban công",
      fee: 350000,
    },
  ],
  renovations: [
    {
      unitCode: "A-12.05",
      contractor: "Nội thất Minh Phát",
      contractorPhone: "0903 456 789",
      startsOn: "2026-12-14",
      endsOn: "2026-12-28",
      status: "approved",
      deposit: 5000000,
    },
  ],
  orders: [
    {
      code: "DH20261206",
      partner: "Nước Suối Mát",
      unitCode: "A-12.05",
      placedAt: "2026-12-06T01:30:00Z",
      status: "delivered",
      total: 130000,
      note: "Để bình ở cửa nếu vắng nhà",
      rating: 5,
      ratingComment: "Giao đúng giờ",
    },
  ],
  documentAcknowledgements: [
    { document: "Nội quy chung cư", version: 2, acknowledgedAt: "2026-11-30T02:15:00Z" },
  ],
  parcels: [
    { unitCode: "A-12.05", carrier: "Giao Hàng Nhanh", receivedAt: "2026-11-27T03:00:00Z", pickedUpAt: null },
  ],
  notifications: {
    choices: { "building.email": true },
    quietHours: { from: "22:00", to: "06:30" },
    devices: [{ label: "Chrome trên Android", since: "2026-11-20T03:00:00Z" }],
    deliveries: 14,
  },
};

const meta = {
  lang: "vi" as const,
  generatedAt: new Date("2026-11-25T10:30:00Z"),
  companyName: "Sông Hồng <PM>",
  fields: personalFields({ modules }),
};

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Keys whose values are ids the page turns into words; those words are checked one by one below. */
const WORDED = new Set([
  "residentId",
  "id",
  "field",
  "fields",
  "role",
  "type",
  "status",
  "kind",
  "method",
  "category",
]);
const WORDED_TOO = new Set(["recipientKind", "legalBasis", "purpose", "channel", "lang"]);

/** Numbers that count things, not amounts of money. */
const COUNTS = new Set(["photos", "deliveries", "number", "rating", "guests", "version"]);

/** Every value of the sample that is shown as it is (escaped), or as a date or an amount. */
function shownValues(node: unknown, key = ""): string[] {
  if (WORDED.has(key) || (WORDED_TOO.has(key) && typeof node === "string" && /^[a-z_]+$/.test(node)))
    return [];
  if (typeof node === "number") return [COUNTS.has(key) ? String(node) : money(node)];
  if (typeof node === "string") {
    if (/^\d{4}-\d{2}-\d{2}T/.test(node)) return [dateTime(node)];
    if (/^\d{4}-\d{2}-\d{2}$/.test(node)) return [dateOnly(node)];
    return [node];
  }
  if (Array.isArray(node)) return node.flatMap((n) => shownValues(n, key));
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => shownValues(v, k));
  return [];
}

describe("human-readable data export", () => {
  const html = renderDataExportHtml(sample, meta);

  it("is one self-contained page: inline styles, no scripts, nothing loaded from elsewhere", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<style>");
    expect(html).toContain("@media print");
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("escapes every value, markup included", () => {
    expect(html).toContain("Nguyễn Thị &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Hằng");
    expect(html).toContain("Sông Hồng &lt;PM&gt;");
    expect(html).toContain("Nguyễn Thị Hằng &amp; Co");
    expect(html).toContain("&quot;hằng tháng&quot;");
  });

  it("contains every value held, dates as dd/MM/yyyy HH:mm in Vietnam and amounts in đồng", () => {
    const values = shownValues(sample);
    expect(values.length).toBeGreaterThan(30);
    for (const v of values) expect(html, v).toContain(esc(v));
    for (const expected of [
      "12/05/1990",
      "02/12/2026 10:04",
      "1.221.128\u00a0₫",
      "01/03/2024",
      "15/01/2026",
    ]) {
      expect(html).toContain(expected);
    }
  });

  it("names fields and statuses in words, and shows unknown ids as they are", () => {
    for (const expected of [
      "Dữ liệu cá nhân của bạn",
      "Họ và tên",
      "Số điện thoại",
      "Ngày sinh",
      "resident.shoeSize",
      "Biển số xe",
      "Chủ hộ",
      "Xe máy",
      "Đang dùng",
      "Thẻ thang máy",
      "Đã trả một phần",
      "Chuyển khoản",
      "Cơ quan nhà nước",
      "Nghĩa vụ pháp lý",
      "Tiếp thị và khảo sát",
      "Trang web / ứng dụng",
      "Xóa dữ liệu",
      "Đang xử lý",
      "Xử lý dữ liệu đang bị hạn chế theo yêu cầu của bạn từ 21/11/2026 08:00.",
      "customer_care",
      "Hằng Nguyễn",
      "Chủ đề: Vòi nước yếu (A-12.05, 23/11/2026 08:00)",
      "Kỹ thuật lên lúc 10 giờ.",
      "Ban quản lý",
      "#1024 Rò nước trần phòng tắm (A-12.05, 24/11/2026 09:00)",
      "Cấp thoát nước",
      "Đã đóng",
      "4/5",
      "Khách bạn đã đăng ký",
      "28/11/2026 18:00 – 28/11/2026 22:00",
      "Tiện ích bạn đã đặt",
      "Đã sử dụng",
      "Tài liệu bạn đã xác nhận đã đọc",
      "Dịch vụ bạn đã đăng ký",
      "Thi công bạn đã đăng ký",
      "14/12/2026 – 28/12/2026",
      "Nội quy chung cư",
      "30/11/2026 09:15",
      "Bưu phẩm của hộ",
      "22:00–06:30",
      "Chrome trên Android",
    ]) {
      expect(html).toContain(expected);
    }
  });

  it("speaks English when asked, and says so when there is nothing to show", () => {
    const en = renderDataExportHtml(
      {
        purposesVersion: "2026-11",
        records: [],
        account: null,
        consents: [],
        requests: [],
        conversations: [],
        tickets: [],
        guestPasses: [],
        bookings: [],
        documentAcknowledgements: [],
        serviceRequests: [],
        renovations: [],
        orders: [],
        parcels: [],
        notifications: null,
      },
      { ...meta, lang: "en" },
    );
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Your personal data");
    expect(en).toContain("You have no account on the app.");
    expect(en).toContain("None.");
    expect(renderDataExportHtml(sample, { ...meta, lang: "en" })).toContain("Phone number");
  });
});
