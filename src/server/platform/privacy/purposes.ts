import type { LegalBasis } from "../../../contracts/privacy.js";

/** The fixed, versioned list of purposes personal data is processed for (DESIGN §3). */
export const PURPOSES_VERSION = "2026-11";

export type Text = { vi: string; en: string };
type PurposeInfo = Text & { description: Text; basis: LegalBasis };

export const PURPOSES = {
  billing: {
    vi: "Thu phí dịch vụ và lập hóa đơn",
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
    vi: "Vận hành tòa nhà",
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

/** How long the stored fields are kept: each module's fields name one of these. */
export const RETENTION = {
  whileResident: {
    vi: "Trong thời gian cư trú; xóa trong 5 ngày khi có yêu cầu, trừ phần pháp luật buộc lưu",
    en: "While you live in the building; erased within 5 days on request unless the law requires keeping it",
  },
  accounting: {
    vi: "Theo thời hạn lưu chứng từ kế toán (10 năm) cho hóa đơn đã phát hành",
    en: "For the accounting retention period (10 years) where it is on issued invoices",
  },
  whileAccount: {
    vi: "Khi tài khoản còn hoạt động; xóa khi đóng tài khoản",
    en: "While the account is open; erased when it is closed",
  },
  visitorLog: {
    vi: "90 ngày (công ty có thể đặt thời hạn khác), sau đó tự động xóa",
    en: "90 days (the company may set another period), then purged automatically",
  },
  accessLogs: {
    vi: "12 tháng (công ty có thể đặt thời hạn khác), sau đó tự động xóa",
    en: "12 months (the company may set another period), then purged automatically",
  },
} as const satisfies Record<string, Text>;
