/**
 * The human-readable copy of "my data" (DESIGN §3: export as JSON and as something a person can read): one
 * self-contained HTML page, styles inline and no scripts, that opens offline and prints cleanly. Every value
 * is escaped: names, notes and wording come from people and must never run as markup.
 */

import type { z } from "zod";
import type { Lang } from "../../../../contracts/common.js";
import type { MyData } from "../../../../contracts/registry.js";
import { escapeHtml } from "../../../platform/http/html.js";
import { type FieldCatalog, fieldLabel } from "../../../platform/privacy/personal-data.js";
import { PURPOSES, type Purpose } from "../../../platform/privacy/purposes.js";
import { dateOnly, dateTime, money } from "./format.js";

type Data = z.infer<typeof MyData>;
type HeldRecord = Data["records"][number];
/** `fields` names the personal fields (the modules declare them). */
export type DataExportMeta = { lang: Lang; generatedAt: Date; companyName: string; fields: FieldCatalog };

/**
 * Words for the enumerated values of the export; a value not listed is shown as it is. Field and purpose
 * names come from the registry (platform/privacy/purposes.ts).
 */
const VALUES: Record<string, Record<string, [vi: string, en: string]>> = {
  role: { owner: ["Chủ hộ", "Owner"], tenant: ["Khách thuê", "Tenant"], member: ["Thành viên", "Member"] },
  vehicle: {
    car: ["Ô tô", "Car"],
    motorbike: ["Xe máy", "Motorbike"],
    electric_motorbike: ["Xe máy điện", "Electric motorbike"],
    bicycle: ["Xe đạp", "Bicycle"],
    electric_car: ["Ô tô điện", "Electric car"],
    pending: ["Chờ duyệt", "Pending"],
    active: ["Đang dùng", "Active"],
    inactive: ["Đã ngừng", "Inactive"],
  },
  card: { access: ["Thẻ ra vào", "Access card"], elevator: ["Thẻ thang máy", "Elevator card"] },
  invoice: {
    draft: ["Nháp", "Draft"],
    issued: ["Chưa thanh toán", "Unpaid"],
    partially_paid: ["Đã trả một phần", "Partly paid"],
    paid: ["Đã thanh toán", "Paid"],
    void: ["Đã hủy", "Void"],
  },
  method: {
    bank_transfer: ["Chuyển khoản", "Bank transfer"],
    cash: ["Tiền mặt", "Cash"],
    card: ["Thẻ / ví điện tử", "Card / e-wallet"],
    auto_debit: ["Trích nợ tự động", "Direct debit"],
    credit_note: ["Giảm trừ theo điều chỉnh", "Credit note"],
  },
  recipient: {
    partner: ["Đối tác", "Partner"],
    service_provider: ["Nhà cung cấp dịch vụ", "Service provider"],
    state_agency: ["Cơ quan nhà nước", "State agency"],
    other_company: ["Công ty khác", "Another company"],
    staff_outside_building: ["Nhân viên ngoài tòa nhà", "Staff outside the building"],
  },
  basis: {
    consent: ["Sự đồng ý", "Consent"],
    contract: ["Thực hiện hợp đồng", "Contract"],
    legal_obligation: ["Nghĩa vụ pháp lý", "Legal obligation"],
    legitimate_interest: ["Lợi ích hợp pháp", "Legitimate interest"],
  },
  ticket: {
    plumbing: ["Cấp thoát nước", "Plumbing"],
    electricity: ["Điện", "Electricity"],
    elevator: ["Thang máy", "Elevator"],
    cleaning: ["Vệ sinh", "Cleaning"],
    security: ["An ninh", "Security"],
    noise: ["Tiếng ồn", "Noise"],
    billing: ["Hỏi về phí", "Billing question"],
    other: ["Khác", "Other"],
    new: ["Mới", "New"],
    acknowledged: ["Đã tiếp nhận", "Acknowledged"],
    in_progress: ["Đang xử lý", "In progress"],
    waiting: ["Chờ cư dân phản hồi", "Waiting for you"],
    resolved: ["Đã xử lý xong", "Resolved"],
    closed: ["Đã đóng", "Closed"],
    reopened: ["Mở lại", "Reopened"],
  },
  request: {
    access: ["Xem / nhận bản sao dữ liệu", "Access"],
    rectification: ["Chỉnh sửa", "Rectification"],
    erasure: ["Xóa dữ liệu", "Erasure"],
    restriction: ["Hạn chế xử lý", "Restriction"],
    objection: ["Phản đối xử lý", "Objection"],
    consent_withdrawal: ["Rút lại sự đồng ý", "Consent withdrawal"],
    open: ["Mới", "Open"],
    in_progress: ["Đang xử lý", "In progress"],
    completed: ["Đã hoàn tất", "Completed"],
    rejected: ["Từ chối", "Rejected"],
    cancelled: ["Đã hủy", "Cancelled"],
  },
  channel: {
    web: ["Trang web / ứng dụng", "Web / app"],
    sign_up: ["Khi đăng ký", "At sign-up"],
    cookie_banner: ["Thông báo cookie", "Cookie banner"],
    customer_care: ["Chăm sóc khách hàng", "Customer care"],
  },
};

const TEXT = {
  vi: {
    title: "Dữ liệu cá nhân của bạn",
    intro: (company: string, at: string) =>
      `Bản sao toàn bộ dữ liệu cá nhân ${company} đang lưu về bạn, tạo lúc ${at}. Hãy giữ tệp này ở nơi an toàn.`,
    purposesVersion: "Phiên bản danh mục mục đích",
    account: "Tài khoản",
    noAccount: "Bạn chưa có tài khoản trên ứng dụng.",
    displayName: "Tên hiển thị",
    email: "Email",
    phone: "Số điện thoại",
    lang: "Ngôn ngữ",
    createdAt: "Ngày tạo",
    sessions: "Phiên đăng nhập",
    device: "Thiết bị",
    ip: "Địa chỉ IP",
    lastUsed: "Dùng lần cuối",
    record: (n: number) => `Hồ sơ cư dân ${n}`,
    restricted: (at: string) => `Xử lý dữ liệu đang bị hạn chế theo yêu cầu của bạn từ ${at}.`,
    fields: "Dữ liệu đang lưu",
    field: "Dữ liệu",
    value: "Giá trị",
    purposes: "Mục đích",
    retention: "Thời hạn lưu",
    households: "Hộ gia đình",
    unit: "Căn hộ",
    role: "Vai trò",
    movedIn: "Ngày chuyển đến",
    movedOut: "Ngày chuyển đi",
    vehicles: "Phương tiện",
    type: "Loại",
    plate: "Biển số",
    parkingCard: "Thẻ gửi xe",
    status: "Trạng thái",
    cards: "Thẻ ra vào, thang máy",
    cardKind: "Loại thẻ",
    cardNumber: "Số thẻ",
    deactivated: "Ngày khóa",
    invoices: "Thông báo phí",
    code: "Mã",
    number: "Số",
    period: "Kỳ",
    billTo: "Người nhận",
    total: "Tổng cộng",
    paid: "Đã thanh toán",
    payments: "Thanh toán",
    method: "Hình thức",
    amount: "Số tiền",
    receipt: "Số phiếu thu",
    receivedAt: "Thời gian",
    seenBy: "Ai đã xem dữ liệu của bạn",
    seenField: "Dữ liệu được xem",
    seenRole: "Vai trò người xem",
    at: "Thời gian",
    disclosures: "Dữ liệu đã cung cấp cho bên ngoài",
    recipient: "Bên nhận",
    recipientKind: "Loại bên nhận",
    purpose: "Mục đích",
    basis: "Cơ sở pháp lý",
    consents: "Sự đồng ý",
    policyVersion: "Phiên bản chính sách",
    givenAt: "Ngày đồng ý",
    withdrawnAt: "Ngày rút lại",
    channel: "Cách ghi nhận",
    wording: "Nội dung đã đồng ý",
    requests: "Yêu cầu về dữ liệu cá nhân",
    kind: "Loại yêu cầu",
    dueAt: "Hạn xử lý",
    conversations: "Trao đổi với Ban quản lý",
    topic: "Chủ đề",
    from: "Người viết",
    you: "Bạn",
    management: "Ban quản lý",
    message: "Nội dung",
    photos: "Ảnh",
    tickets: "Phản ánh",
    guestPasses: "Khách bạn đã đăng ký",
    guest: "Khách",
    guests: "Số người",
    validity: "Hiệu lực",
    usedAt: "Đã vào lúc",
    bookings: "Tiện ích bạn đã đặt",
    documentAcknowledgements: "Tài liệu bạn đã xác nhận đã đọc",
    serviceRequests: "Dịch vụ bạn đã đăng ký",
    service: "Dịch vụ",
    preferredOn: "Ngày mong muốn",
    renovations: "Thi công bạn đã đăng ký",
    orders: "Đơn hàng bạn đã đặt",
    orderCode: "Mã đơn",
    seller: "Đối tác",
    placedAt: "Đặt lúc",
    orderStatus: {
      placed: "Đã đặt",
      confirmed: "Đã xác nhận",
      preparing: "Đang chuẩn bị",
      on_the_way: "Đang giao",
      delivered: "Đã giao",
      cancelled: "Đã hủy",
      refunded: "Đã hoàn tiền",
    } as Record<string, string>,
    contractor: "Nhà thầu",
    contractorPhone: "Điện thoại nhà thầu",
    dates: "Thời gian",
    serviceStatus: {
      requested: "Chờ duyệt",
      approved: "Đã duyệt",
      scheduled: "Đã xếp lịch",
      done: "Đã hoàn thành",
      rejected: "Không duyệt",
      cancelled: "Đã hủy",
      completed: "Đã nghiệm thu",
    } as Record<string, string>,
    document: "Tài liệu",
    version: "Phiên bản",
    acknowledgedAt: "Xác nhận lúc",
    amenity: "Tiện ích",
    slotStart: "Bắt đầu",
    fee: "Phí",
    deposit: "Tiền cọc",
    bookingNote: "Ghi chú",
    bookingStatus: {
      booked: "Đã đặt",
      waiting: "Đang chờ",
      checked_in: "Đã sử dụng",
      cancelled: "Đã hủy",
    } as Record<string, string>,
    parcels: "Bưu phẩm của hộ",
    carrier: "Đơn vị giao",
    pickedUpAt: "Đã lấy lúc",
    category: "Loại",
    description: "Mô tả",
    rating: "Đánh giá",
    ratingComment: "Nhận xét",
    notifications: "Cách nhận thông báo",
    choices: "Lựa chọn khác mặc định",
    quietHours: "Giờ yên tĩnh",
    devices: "Thiết bị nhận thông báo đẩy",
    deliveries: "Số tin đã gửi cho bạn (đang lưu)",
    none: "Không có.",
  },
  en: {
    title: "Your personal data",
    intro: (company: string, at: string) =>
      `A copy of all the personal data ${company} holds about you, made on ${at}. Keep this file somewhere safe.`,
    purposesVersion: "Purposes list version",
    account: "Account",
    noAccount: "You have no account on the app.",
    displayName: "Display name",
    email: "Email",
    phone: "Phone number",
    lang: "Language",
    createdAt: "Created",
    sessions: "Sign-in sessions",
    device: "Device",
    ip: "IP address",
    lastUsed: "Last used",
    record: (n: number) => `Resident record ${n}`,
    restricted: (at: string) => `Processing of your data has been restricted at your request since ${at}.`,
    fields: "Data held",
    field: "Data",
    value: "Value",
    purposes: "Purposes",
    retention: "Kept for",
    households: "Households",
    unit: "Unit",
    role: "Role",
    movedIn: "Moved in",
    movedOut: "Moved out",
    vehicles: "Vehicles",
    type: "Type",
    plate: "Plate",
    parkingCard: "Parking card",
    status: "Status",
    cards: "Access and elevator cards",
    cardKind: "Card",
    cardNumber: "Number",
    deactivated: "Deactivated",
    invoices: "Fee notices",
    code: "Code",
    number: "No.",
    period: "Period",
    billTo: "Bill to",
    total: "Total",
    paid: "Paid",
    payments: "Payments",
    method: "Method",
    amount: "Amount",
    receipt: "Receipt no.",
    receivedAt: "Received",
    seenBy: "Who has seen your data",
    seenField: "Data seen",
    seenRole: "Viewer's role",
    at: "When",
    disclosures: "Data given to others",
    recipient: "Recipient",
    recipientKind: "Kind of recipient",
    purpose: "Purpose",
    basis: "Legal basis",
    consents: "Consents",
    policyVersion: "Policy version",
    givenAt: "Given",
    withdrawnAt: "Withdrawn",
    channel: "How it was given",
    wording: "What you agreed to",
    requests: "Your requests about your data",
    kind: "Request",
    dueAt: "Due",
    conversations: "Conversations with the management",
    topic: "Topic",
    from: "From",
    you: "You",
    management: "The management",
    message: "Message",
    photos: "Photos",
    tickets: "Tickets",
    guestPasses: "Guests you registered",
    guest: "Guest",
    guests: "People",
    validity: "Valid",
    usedAt: "Came in",
    bookings: "Amenities you booked",
    documentAcknowledgements: "Documents you acknowledged",
    serviceRequests: "Services you asked for",
    service: "Service",
    preferredOn: "Preferred day",
    renovations: "Renovations you registered",
    orders: "Orders you placed",
    orderCode: "Order",
    seller: "Partner",
    placedAt: "Placed",
    orderStatus: {
      placed: "Placed",
      confirmed: "Confirmed",
      preparing: "Preparing",
      on_the_way: "On the way",
      delivered: "Delivered",
      cancelled: "Cancelled",
      refunded: "Refunded",
    } as Record<string, string>,
    contractor: "Contractor",
    contractorPhone: "Contractor's phone",
    dates: "Dates",
    serviceStatus: {
      requested: "Waiting for approval",
      approved: "Approved",
      scheduled: "Scheduled",
      done: "Done",
      rejected: "Not approved",
      cancelled: "Cancelled",
      completed: "Inspected",
    } as Record<string, string>,
    document: "Document",
    version: "Version",
    acknowledgedAt: "Acknowledged",
    amenity: "Amenity",
    slotStart: "Starts",
    fee: "Fee",
    deposit: "Deposit",
    bookingNote: "Note",
    bookingStatus: {
      booked: "Booked",
      waiting: "Waitlisted",
      checked_in: "Used",
      cancelled: "Cancelled",
    } as Record<string, string>,
    parcels: "Your household's parcels",
    carrier: "Carrier",
    pickedUpAt: "Collected",
    category: "Category",
    description: "Description",
    rating: "Rating",
    ratingComment: "Comment",
    notifications: "How you are notified",
    choices: "Choices other than the defaults",
    quietHours: "Quiet hours",
    devices: "Devices receiving push",
    deliveries: "Messages sent to you (kept)",
    none: "None.",
  },
} as const;

const CSS = `*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;color:#1a1a1a;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:60rem;margin:1.5rem auto;padding:1.5rem 2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{margin:0 0 .25rem;color:#1f4e79;font-size:1.6rem}
h2{margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #1f4e79;color:#1f4e79;font-size:1.25rem}
h3{margin:1.25rem 0 .4rem;font-size:1.05rem}
p{margin:.25rem 0}.muted{color:#5f6368;font-size:.9rem}.note{padding:.5rem .75rem;background:#fff4e5;border-left:4px solid #b26a00}
table{width:100%;border-collapse:collapse;margin:.25rem 0 .75rem;font-size:.9rem}
th,td{padding:.35rem .5rem;border:1px solid #d6dbe1;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef2f7;font-weight:600}td.num{text-align:right;white-space:nowrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.25rem 0 .75rem}dt{color:#5f6368}dd{margin:0}
@media (max-width:40rem){main{margin:0;padding:1rem;border-radius:0}}
@media print{body{background:#fff;font-size:11pt}main{margin:0;padding:0;box-shadow:none;max-width:none}h2{break-after:avoid}tr,dl{break-inside:avoid}}`;

type Cell = string | { num: string };

/**
 * Renders everything held about the person as one HTML page.
 * @param data what GET /my/data returns
 * @param meta the page's language, when it was made and the company holding the data
 * @returns the complete HTML document
 */
export function renderDataExportHtml(data: Data, meta: DataExportMeta): string {
  const { lang } = meta;
  const t = TEXT[lang];
  const value = (group: string, v: string) => {
    const words = Object.hasOwn(VALUES[group] ?? {}, v) ? VALUES[group]?.[v] : undefined;
    return words ? words[lang === "vi" ? 0 : 1] : v;
  };
  const when = (v: string | null) => (v ? dateTime(v) : "—");
  const day = (v: string | null) => (v ? dateOnly(v) : "—");
  const text = (v: string | null) => v ?? "—";

  const table = (head: string[], rows: Cell[][]): string => {
    if (rows.length === 0) return `<p class="muted">${escapeHtml(t.none)}</p>`;
    const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
    const tr = rows
      .map(
        (r) =>
          `<tr>${r.map((c) => (typeof c === "string" ? `<td>${escapeHtml(c)}</td>` : `<td class="num">${escapeHtml(c.num)}</td>`)).join("")}</tr>`,
      )
      .join("\n");
    return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
  };
  const section = (title: string, body: string, level: 2 | 3 = 3) =>
    `<h${level}>${escapeHtml(title)}</h${level}>\n${body}`;

  const account = data.account
    ? `<dl>${(
        [
          [t.displayName, data.account.displayName],
          [t.email, text(data.account.email)],
          [t.phone, text(data.account.phone)],
          [t.lang, data.account.lang],
          [t.createdAt, when(data.account.createdAt)],
        ] as [string, string][]
      )
        .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
        .join("")}</dl>\n${section(
        t.sessions,
        table(
          [t.device, t.ip, t.lastUsed],
          data.account.sessions.map((s) => [text(s.device), text(s.ip), when(s.lastUsedAt)]),
        ),
      )}`
    : `<p class="muted">${escapeHtml(t.noAccount)}</p>`;

  const record = (r: HeldRecord, i: number): string =>
    [
      `<h2>${escapeHtml(t.record(i + 1))}</h2>`,
      r.restrictedAt ? `<p class="note">${escapeHtml(t.restricted(when(r.restrictedAt)))}</p>` : "",
      section(
        t.fields,
        table(
          [t.field, t.value, t.purposes, t.retention],
          r.fields.map((f) => [
            fieldLabel(meta.fields, f.field, lang),
            f.value === null ? "—" : /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? dateOnly(f.value) : f.value,
            f.purposes.map((p) => p.name).join(", "),
            f.retention,
          ]),
        ),
      ),
      section(
        t.households,
        table(
          [t.unit, t.role, t.movedIn, t.movedOut],
          r.households.map((h) => [h.unitCode, value("role", h.role), day(h.movedInOn), day(h.movedOutOn)]),
        ),
      ),
      section(
        t.vehicles,
        table(
          [t.type, t.plate, t.parkingCard, t.status],
          r.vehicles.map((v) => [
            value("vehicle", v.type),
            text(v.plate),
            text(v.parkingCard),
            value("vehicle", v.status),
          ]),
        ),
      ),
      section(
        t.cards,
        table(
          [t.cardKind, t.cardNumber, t.deactivated],
          r.accessCards.map((c) => [value("card", c.kind), c.number, day(c.deactivatedOn)]),
        ),
      ),
      section(
        t.invoices,
        table(
          [t.code, t.number, t.unit, t.period, t.billTo, t.total, t.paid, t.status],
          r.invoices.map((v) => [
            v.code,
            text(v.number),
            v.unitCode,
            v.period,
            text(v.billTo),
            { num: money(v.total) },
            { num: money(v.paid) },
            value("invoice", v.status),
          ]),
        ),
      ),
      section(
        t.payments,
        table(
          [t.receivedAt, t.unit, t.method, t.amount, t.receipt],
          r.payments.map((p) => [
            when(p.receivedAt),
            p.unitCode,
            value("method", p.method),
            { num: money(p.amount) },
            text(p.receiptNumber),
          ]),
        ),
      ),
      section(
        t.seenBy,
        table(
          [t.at, t.seenField, t.seenRole],
          r.seenBy.map((s) => [when(s.at), fieldLabel(meta.fields, s.field, lang), text(s.role)]),
        ),
      ),
      section(
        t.disclosures,
        table(
          [t.at, t.recipient, t.recipientKind, t.field, t.purpose, t.basis],
          r.disclosures.map((d) => [
            when(d.at),
            d.recipient,
            value("recipient", d.recipientKind),
            d.fields.map((f) => fieldLabel(meta.fields, f, lang)).join(", "),
            d.purpose,
            value("basis", d.legalBasis),
          ]),
        ),
      ),
    ]
      .filter(Boolean)
      .join("\n");

  const consents = table(
    [t.purpose, t.policyVersion, t.givenAt, t.withdrawnAt, t.channel, t.wording],
    data.consents.map((c) => [
      Object.hasOwn(PURPOSES, c.purpose) ? PURPOSES[c.purpose as Purpose][lang] : c.purpose,
      c.policyVersion,
      when(c.givenAt),
      when(c.withdrawnAt),
      value("channel", c.channel),
      c.wording,
    ]),
  );
  const requests = table(
    [t.kind, t.status, t.createdAt, t.dueAt],
    data.requests.map((q) => [
      value("request", q.kind),
      value("request", q.status),
      when(q.createdAt),
      when(q.dueAt),
    ]),
  );

  const tickets = data.tickets
    .map((k) =>
      section(
        `#${k.number} ${k.title} (${k.unitCode}, ${when(k.openedAt)})`,
        `<dl>${(
          [
            [t.category, value("ticket", k.category)],
            [t.status, value("ticket", k.status)],
            [t.description, k.description],
            [t.photos, String(k.photos)],
            [t.rating, k.rating === null ? "—" : `${k.rating}/5`],
            [t.ratingComment, text(k.ratingComment)],
          ] as const
        )
          .map(([label, v]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(v)}</dd>`)
          .join("")}</dl>\n${table(
          [t.from, t.createdAt, t.message, t.photos],
          k.messages.map((m) => [
            m.fromStaff ? t.management : t.you,
            when(m.at),
            m.body,
            { num: String(m.photos) },
          ]),
        )}`,
        3,
      ),
    )
    .join("\n");

  const conversations = data.conversations
    .map((c) =>
      section(
        `${t.topic}: ${c.topic} (${c.unitCode}, ${when(c.openedAt)})`,
        table(
          [t.from, t.createdAt, t.message, t.photos],
          c.messages.map((m) => [
            m.fromStaff ? t.management : t.you,
            when(m.at),
            m.body,
            { num: String(m.photos) },
          ]),
        ),
        3,
      ),
    )
    .join("\n");
  const n = data.notifications;
  const notifications = n
    ? `<dl><dt>${escapeHtml(t.choices)}</dt><dd>${escapeHtml(
        Object.entries(n.choices)
          .map(([k, on]) => `${k}: ${on ? "✓" : "✗"}`)
          .join(", ") || "—",
      )}</dd><dt>${escapeHtml(t.quietHours)}</dt><dd>${escapeHtml(
        n.quietHours ? `${n.quietHours.from}–${n.quietHours.to}` : "—",
      )}</dd><dt>${escapeHtml(t.deliveries)}</dt><dd>${n.deliveries}</dd></dl>${section(
        t.devices,
        table(
          [t.devices, t.createdAt],
          n.devices.map((d) => [text(d.label), when(d.since)]),
        ),
        3,
      )}`
    : `<p class="muted">${escapeHtml(t.none)}</p>`;

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`${t.title} — ${meta.companyName}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro(meta.companyName, dateTime(meta.generatedAt)))}</p>
<p class="muted">${escapeHtml(`${t.purposesVersion}: ${data.purposesVersion}`)}</p>
${section(t.account, account, 2)}
${data.records.map(record).join("\n")}
${section(t.consents, consents, 2)}
${section(t.requests, requests, 2)}
${section(t.conversations, conversations || `<p class="muted">${escapeHtml(t.none)}</p>`, 2)}
${section(t.tickets, tickets || `<p class="muted">${escapeHtml(t.none)}</p>`, 2)}
${section(
  t.guestPasses,
  table(
    [t.guest, t.guests, t.plate, t.unit, t.validity, t.usedAt],
    data.guestPasses.map((g) => [
      g.guestName,
      { num: String(g.guests) },
      text(g.plate),
      g.unitCode,
      `${when(g.validFrom)} – ${when(g.validUntil)}`,
      when(g.usedAt),
    ]),
  ),
  2,
)}
${section(
  t.bookings,
  table(
    [t.amenity, t.unit, t.slotStart, t.status, t.guests, t.fee, t.deposit, t.bookingNote],
    data.bookings.map((b) => [
      b.amenity,
      b.unitCode,
      when(b.startsAt),
      t.bookingStatus[b.status] ?? b.status,
      { num: String(b.guests) },
      { num: money(b.fee) },
      { num: money(b.deposit) },
      text(b.note),
    ]),
  ),
  2,
)}
${section(
  t.serviceRequests,
  table(
    [t.service, t.unit, t.preferredOn, t.status, t.fee, t.bookingNote],
    data.serviceRequests.map((r) => [
      r.service,
      r.unitCode,
      day(r.preferredOn),
      t.serviceStatus[r.status] ?? r.status,
      { num: money(r.fee) },
      text(r.note),
    ]),
  ),
  2,
)}
${section(
  t.renovations,
  table(
    [t.unit, t.contractor, t.contractorPhone, t.dates, t.status, t.deposit],
    data.renovations.map((r) => [
      r.unitCode,
      r.contractor,
      text(r.contractorPhone),
      `${day(r.startsOn)} – ${day(r.endsOn)}`,
      t.serviceStatus[r.status] ?? r.status,
      { num: money(r.deposit) },
    ]),
  ),
  2,
)}
${section(
  t.orders,
  table(
    [t.orderCode, t.seller, t.unit, t.placedAt, t.status, t.total, t.bookingNote, t.rating, t.ratingComment],
    data.orders.map((o) => [
      o.code,
      o.partner,
      o.unitCode,
      when(o.placedAt),
      t.orderStatus[o.status] ?? o.status,
      { num: money(o.total) },
      text(o.note),
      o.rating === null ? "—" : `${o.rating}/5`,
      text(o.ratingComment),
    ]),
  ),
  2,
)}
${section(
  t.documentAcknowledgements,
  table(
    [t.document, t.version, t.acknowledgedAt],
    data.documentAcknowledgements.map((a) => [
      a.document,
      { num: String(a.version) },
      when(a.acknowledgedAt),
    ]),
  ),
  2,
)}
${section(
  t.parcels,
  table(
    [t.unit, t.carrier, t.receivedAt, t.pickedUpAt],
    data.parcels.map((p) => [p.unitCode, p.carrier, when(p.receivedAt), when(p.pickedUpAt)]),
  ),
  2,
)}
${section(t.notifications, notifications, 2)}
</main>
</body>
</html>
`;
}
