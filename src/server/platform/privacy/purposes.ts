import type { Lang } from "../../../contracts/common.js";
import type { LegalBasis } from "../../../contracts/privacy.js";

/** The fixed, versioned list of purposes personal data is processed for (DESIGN §3). */
export const PURPOSES_VERSION = "2026-11";

type Text = { vi: string; en: string };
type PurposeInfo = Text & { description: Text; basis: LegalBasis };

export const PURPOSES = {
  billing: {
    vi: "Thu phí dịch vụ và lập hoá đơn",
    en: "Service fees and billing",
    basis: "contract",
    description: {
      vi: "Tính phí, gửi thông báo phí, nhận và đối soát thanh toán, nhắc nợ, lưu chứng từ kế toán.",
      en: "Computing fees, sending fee notices, receiving and reconciling payments, debt reminders, keeping accounting records.",
    },
  },
  account_security: {
    vi: "Bảo mật tài khoản",
    en: "Account security",
    basis: "contract",
    description: {
      vi: "Đăng nhập, mã xác thực một lần, phiên và thiết bị, phát hiện truy cập bất thường.",
      en: "Signing in, one-time codes, sessions and devices, spotting unusual access.",
    },
  },
  building_operations: {
    vi: "Vận hành toà nhà",
    en: "Building operations",
    basis: "legal_obligation",
    description: {
      vi: "Sổ cư dân, thẻ ra vào, gửi xe, đăng ký tạm trú, thông báo của Ban quản lý.",
      en: "The resident registry, access cards, parking, residence registration, notices from management.",
    },
  },
  deliveries: {
    vi: "Giao hàng và dịch vụ tận nơi",
    en: "Deliveries",
    basis: "contract",
    description: {
      vi: "Chia sẻ tối thiểu (tên, mã căn hộ, số điện thoại che bớt) cho đơn vị giao hàng/dịch vụ trong thời gian thực hiện.",
      en: "Sharing the minimum (first name, unit code, masked phone) with the shipper or provider while the job lasts.",
    },
  },
  marketing: {
    vi: "Tiếp thị và khảo sát",
    en: "Marketing and surveys",
    basis: "consent",
    description: {
      vi: "Tin khuyến mãi, ưu đãi từ đối tác và khảo sát ý kiến — chỉ khi bạn đồng ý.",
      en: "Offers, partner promotions and opinion surveys — only if you agree.",
    },
  },
  analytics: {
    vi: "Phân tích thống kê",
    en: "Analytics",
    basis: "consent",
    description: {
      vi: "Thống kê cách sử dụng ứng dụng để cải thiện sản phẩm — chỉ khi bạn đồng ý.",
      en: "Statistics on how the app is used, to improve it — only if you agree.",
    },
  },
} as const satisfies Record<string, PurposeInfo>;
export type Purpose = keyof typeof PURPOSES;

type FieldInfo = {
  label: Text;
  purposes: Purpose[];
  retention: Text;
  /** Sensitive under Decree 356 (identity documents, financial data): encrypted and shown masked. */
  sensitive?: boolean;
  /**
   * Other names the field goes by in records (audit changes), beside the part of its key after the dot
   * (`card.number` is `number`).
   */
  alsoCalled?: string[];
};

/**
 * The records (audit log entities) each subject of the registry is written as: a change to one of those
 * records under one of the subject's field names is personal data, and the audit log masks it.
 */
export const RECORDS_OF: Record<string, string[]> = {
  resident: ["resident", "household_member"],
  household: ["household_member"],
  vehicle: ["vehicle"],
  card: ["access_card"],
  account: ["account", "invitation", "membership"],
  billing: ["payment", "autopay_mandate", "invoice"],
  accessLog: ["access_log"],
};

const WHILE_RESIDENT = {
  vi: "Trong thời gian cư trú; xoá trong 5 ngày khi có yêu cầu, trừ phần pháp luật buộc lưu",
  en: "While you live in the building; erased within 5 days on request unless the law requires keeping it",
};
const ACCOUNTING = {
  vi: "Theo thời hạn lưu chứng từ kế toán (10 năm) cho hoá đơn đã phát hành",
  en: "For the accounting retention period (10 years) where it is on issued invoices",
};
const WHILE_ACCOUNT = {
  vi: "Khi tài khoản còn hoạt động; xoá khi đóng tài khoản",
  en: "While the account is open; erased when it is closed",
};
const ACCESS_LOGS = {
  vi: "12 tháng (công ty có thể đặt thời hạn khác), sau đó tự động xoá",
  en: "12 months (the company may set another period), then purged automatically",
};

/**
 * Every stored field of personal data, with the purposes that need it and how long it is kept. The privacy
 * center shows this registry; a field not listed here has no business being stored.
 */
export const PERSONAL_FIELDS: Record<string, FieldInfo> = {
  "resident.fullName": {
    label: { vi: "Họ và tên", en: "Full name" },
    purposes: ["billing", "building_operations", "deliveries"],
    retention: ACCOUNTING,
  },
  "resident.phone": {
    label: { vi: "Số điện thoại", en: "Phone" },
    purposes: ["account_security", "building_operations", "deliveries", "marketing"],
    retention: WHILE_RESIDENT,
  },
  "resident.email": {
    label: { vi: "Email", en: "Email" },
    purposes: ["account_security", "billing", "building_operations", "marketing"],
    retention: WHILE_RESIDENT,
  },
  "resident.dateOfBirth": {
    label: { vi: "Ngày sinh", en: "Date of birth" },
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
  },
  "resident.idNumber": {
    label: { vi: "Số CCCD/hộ chiếu", en: "ID/passport number" },
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
    sensitive: true,
  },
  "resident.nationality": {
    label: { vi: "Quốc tịch", en: "Nationality" },
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
  },
  "resident.contactAddress": {
    label: { vi: "Địa chỉ liên hệ", en: "Contact address" },
    purposes: ["billing"],
    retention: WHILE_RESIDENT,
  },
  "resident.preferredLang": {
    label: { vi: "Ngôn ngữ", en: "Language" },
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
  },
  "household.membership": {
    label: { vi: "Căn hộ và vai trò trong hộ", en: "Units and household role" },
    purposes: ["billing", "building_operations"],
    retention: ACCOUNTING,
  },
  "vehicle.plate": {
    label: { vi: "Biển số xe", en: "Number plate" },
    purposes: ["billing", "building_operations"],
    retention: WHILE_RESIDENT,
  },
  "vehicle.parkingCard": {
    label: { vi: "Thẻ gửi xe", en: "Parking card" },
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
  },
  "card.number": {
    label: { vi: "Thẻ ra vào, thẻ thang máy", en: "Access and elevator cards" },
    alsoCalled: ["cardNumber"],
    purposes: ["building_operations"],
    retention: WHILE_RESIDENT,
  },
  "billing.invoices": {
    label: { vi: "Thông báo phí", en: "Fee notices" },
    purposes: ["billing"],
    retention: ACCOUNTING,
    sensitive: true,
  },
  "billing.payments": {
    label: { vi: "Lịch sử thanh toán", en: "Payment history" },
    purposes: ["billing"],
    retention: ACCOUNTING,
    sensitive: true,
  },
  "billing.cardToken": {
    label: { vi: "Thẻ lưu để tự động thanh toán (mã thay thế)", en: "Saved card for auto-debit (token)" },
    alsoCalled: ["card"],
    purposes: ["billing"],
    retention: WHILE_ACCOUNT,
    sensitive: true,
  },
  "account.displayName": {
    label: { vi: "Tên hiển thị", en: "Display name" },
    purposes: ["account_security"],
    retention: WHILE_ACCOUNT,
  },
  "account.email": {
    label: { vi: "Email đăng nhập", en: "Sign-in email" },
    alsoCalled: ["contact"],
    purposes: ["account_security"],
    retention: WHILE_ACCOUNT,
  },
  "account.phone": {
    label: { vi: "Số điện thoại đăng nhập", en: "Sign-in phone" },
    purposes: ["account_security"],
    retention: WHILE_ACCOUNT,
  },
  "account.sessions": {
    label: { vi: "Phiên đăng nhập và thiết bị", en: "Sessions and devices" },
    purposes: ["account_security"],
    retention: WHILE_ACCOUNT,
  },
  "accessLog.entry": {
    label: {
      vi: "Nhật ký truy cập (IP, trình duyệt, đường dẫn, thời gian)",
      en: "Access log (IP, browser, path, time)",
    },
    purposes: ["account_security", "analytics"],
    retention: ACCESS_LOGS,
  },
};

export function describeField(field: string, lang: Lang) {
  const info = PERSONAL_FIELDS[field];
  if (!info) throw new Error(`personal field ${field} is not in the registry`);
  return {
    purposes: info.purposes.map((p) => ({ id: p, name: PURPOSES[p][lang] })),
    retention: info.retention[lang],
  };
}

/**
 * The personal field a change to a record holds, if any: `("access_card", "number")` is `card.number`.
 * Read from the registry, so a field added there is masked in the audit log without further code.
 */
export function personalFieldOf(entity: string, key: string): string | null {
  for (const [field, info] of Object.entries(PERSONAL_FIELDS)) {
    const [subject, name] = field.split(".") as [string, string];
    if (!RECORDS_OF[subject]?.includes(entity)) continue;
    if (name === key || info.alsoCalled?.includes(key)) return field;
  }
  return null;
}

export const fieldLabel = (field: string, lang: Lang) => PERSONAL_FIELDS[field]?.label[lang] ?? field;
