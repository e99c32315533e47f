import type { Lang } from "../../../contracts/common.js";

/** The fixed, versioned list of purposes personal data is processed for (DESIGN §3). */
export const PURPOSES_VERSION = "2026-11";

export const PURPOSES = {
  billing: { vi: "Thu phí dịch vụ và lập hoá đơn", en: "Service fees and billing" },
  account_security: { vi: "Bảo mật tài khoản", en: "Account security" },
  building_operations: { vi: "Vận hành toà nhà", en: "Building operations" },
  deliveries: { vi: "Giao hàng và dịch vụ tận nơi", en: "Deliveries" },
  marketing: { vi: "Tiếp thị và khảo sát", en: "Marketing and surveys" },
  analytics: { vi: "Phân tích thống kê", en: "Analytics" },
} as const;
export type Purpose = keyof typeof PURPOSES;

type FieldInfo = { purposes: Purpose[]; retention: { vi: string; en: string } };

const WHILE_RESIDENT = {
  vi: "Trong thời gian cư trú; xoá trong 5 ngày khi có yêu cầu, trừ phần pháp luật buộc lưu",
  en: "While you live in the building; erased within 5 days on request unless the law requires keeping it",
};
const ACCOUNTING = {
  vi: "Theo thời hạn lưu chứng từ kế toán (10 năm) cho hoá đơn đã phát hành",
  en: "For the accounting retention period (10 years) where it is on issued invoices",
};

/**
 * Every stored field of personal data, with the purposes that need it and how long it is kept. The privacy
 * center shows this registry; a field not listed here has no business being stored.
 */
export const PERSONAL_FIELDS: Record<string, FieldInfo> = {
  "resident.fullName": { purposes: ["billing", "building_operations", "deliveries"], retention: ACCOUNTING },
  "resident.phone": {
    purposes: ["account_security", "building_operations", "deliveries"],
    retention: WHILE_RESIDENT,
  },
  "resident.email": {
    purposes: ["account_security", "billing", "building_operations"],
    retention: WHILE_RESIDENT,
  },
  "resident.dateOfBirth": { purposes: ["building_operations"], retention: WHILE_RESIDENT },
  "resident.idNumber": { purposes: ["building_operations"], retention: WHILE_RESIDENT },
  "resident.nationality": { purposes: ["building_operations"], retention: WHILE_RESIDENT },
  "resident.contactAddress": { purposes: ["billing"], retention: WHILE_RESIDENT },
  "resident.preferredLang": { purposes: ["building_operations"], retention: WHILE_RESIDENT },
  "household.membership": { purposes: ["billing", "building_operations"], retention: ACCOUNTING },
  "vehicle.plate": { purposes: ["billing", "building_operations"], retention: WHILE_RESIDENT },
  "vehicle.parkingCard": { purposes: ["building_operations"], retention: WHILE_RESIDENT },
};

export function describeField(field: string, lang: Lang) {
  const info = PERSONAL_FIELDS[field];
  if (!info) throw new Error(`personal field ${field} is not in the registry`);
  return {
    purposes: info.purposes.map((p) => ({ id: p, name: PURPOSES[p][lang] })),
    retention: info.retention[lang],
  };
}
