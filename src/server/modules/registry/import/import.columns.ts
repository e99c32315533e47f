import {
  AreaM2,
  type HouseholdRole,
  UnitCode,
  type UnitStatus,
  type UnitType,
  type VehicleType,
} from "../../../../contracts/registry.js";
import { normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { searchText } from "../../../platform/i18n/search.js";

/** The three sheets of a registry workbook; a CSV file holds one of them. */
export type SheetKey = "units" | "residents" | "vehicles";
export const SHEET_KEYS: readonly SheetKey[] = ["units", "residents", "vehicles"];

/** A cell that cannot be read; `code` is a message code (platform/i18n/messages.ts). */
export class CellError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** A cell as exceljs hands it over: plain values, dates, rich text, formulas, hyperlinks. */
export type Cell = unknown;

/** The text of a cell, trimmed; "" when it is empty. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v).trim();
}

const cellValue = (v: Cell): Cell =>
  v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;

type Parser<T> = (v: Cell) => T;

const optional =
  <T>(parse: (text: string, raw: Cell) => T): Parser<T | null> =>
  (v) => {
    const text = cellText(v);
    return text === "" ? null : parse(text, cellValue(v));
  };

const REQUIRED = Symbol("required");
const required = <T>(parse: Parser<T | null>): Parser<T> =>
  Object.assign(
    (v: Cell) => {
      const value = parse(v);
      if (value === null) throw new CellError("FIELD_REQUIRED");
      return value;
    },
    { [REQUIRED]: true },
  );

const text = (max: number) =>
  optional((t) => {
    if (t.length > max) throw new CellError("IMPORT_TOO_LONG", { max });
    return t;
  });

/** A choice written as its Vietnamese or English label, or as the stored value itself. */
function choice<T extends string>(labels: Record<T, readonly string[]>) {
  const lookup = new Map<string, T>();
  for (const [value, names] of Object.entries(labels) as [T, string[]][]) {
    for (const name of [value, ...names]) lookup.set(searchText(name), value);
  }
  const shown = Object.values<readonly string[]>(labels)
    .map((n) => n[0])
    .join(", ");
  return optional((t) => {
    const value = lookup.get(searchText(t));
    if (!value) throw new CellError("IMPORT_CHOICE", { choices: shown });
    return value;
  });
}

const integer = (min: number, max: number) =>
  optional((t, raw) => {
    const n = typeof raw === "number" ? raw : Number(t.replace(/[\s.,]/g, ""));
    if (!Number.isInteger(n) || n < min || n > max) throw new CellError("IMPORT_NUMBER", { min, max });
    return n;
  });

/** Area as numeric text with two decimals: 72.35, "72,35" and "72.35" are read alike. */
const area = optional((t, raw) => {
  const n = typeof raw === "number" ? raw : Number(t.replace(/\s/g, "").replace(",", "."));
  if (!AreaM2.safeParse(n).success) throw new CellError("IMPORT_AREA");
  return n.toFixed(2);
});

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const isoOf = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

/** dd/MM/yyyy (as Vietnamese users write dates), yyyy-MM-dd, an Excel date cell or its serial number. */
const date = optional((t, raw) => {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "number") return new Date(EXCEL_EPOCH + raw * 86_400_000).toISOString().slice(0, 10);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  const out = y && m && d ? isoOf(Number(y), Number(m), Number(d)) : null;
  if (!out) throw new CellError("IMPORT_DATE");
  return out;
});

/** Whole đồng: 12.500.000, 12,500,000 or a number. */
const money = integer(0, 1e13);

/** A mobile number; a numeric cell lost its leading 0, so 912345678 is read as 0912345678. */
const phone = optional((t, raw) => {
  const written = typeof raw === "number" && /^\d{9}$/.test(t) ? `0${t}` : t;
  const value = normalisePhone(written);
  if (!value) throw new CellError("CONTACT_INVALID");
  return value;
});

const email = optional((t) => {
  const value = normaliseEmail(t);
  if (!value) throw new CellError("CONTACT_INVALID");
  return value;
});

const NATIONALITIES: Record<string, string> = { "viet nam": "VN", vietnam: "VN" };
const nationality = optional((t) => {
  const code = NATIONALITIES[searchText(t)] ?? t.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new CellError("IMPORT_NATIONALITY");
  return code;
});

const unitCode = optional((t) => {
  const parsed = UnitCode.safeParse(t);
  if (!parsed.success) throw new CellError("FIELD_INVALID");
  return parsed.data;
});

export const UNIT_TYPES = choice<(typeof UnitType.options)[number]>({
  apartment: ["Căn hộ", "Apartment"],
  shophouse: ["Shophouse"],
  office: ["Văn phòng", "Office"],
  parking: ["Chỗ đỗ xe", "Parking"],
});
export const UNIT_STATUSES = choice<(typeof UnitStatus.options)[number]>({
  vacant: ["Trống", "Vacant"],
  occupied: ["Đang ở", "Occupied"],
  renovation: ["Đang sửa chữa", "Renovation"],
});
export const ROLES = choice<(typeof HouseholdRole.options)[number]>({
  owner: ["Chủ hộ", "Owner"],
  tenant: ["Khách thuê", "Tenant"],
  member: ["Thành viên", "Member"],
});
export const VEHICLE_TYPES = choice<(typeof VehicleType.options)[number]>({
  car: ["Ô tô", "Car"],
  motorbike: ["Xe máy", "Motorbike"],
  electric_motorbike: ["Xe máy điện", "Electric motorbike"],
  bicycle: ["Xe đạp", "Bicycle"],
  electric_car: ["Ô tô điện", "Electric car"],
});

/** The Vietnamese label of a choice's value, as exports and the template write it. */
export const LABELS: Record<string, string> = {
  apartment: "Căn hộ",
  shophouse: "Shophouse",
  office: "Văn phòng",
  parking: "Chỗ đỗ xe",
  vacant: "Trống",
  occupied: "Đang ở",
  renovation: "Đang sửa chữa",
  owner: "Chủ hộ",
  tenant: "Khách thuê",
  member: "Thành viên",
  car: "Ô tô",
  motorbike: "Xe máy",
  electric_motorbike: "Xe máy điện",
  bicycle: "Xe đạp",
  electric_car: "Ô tô điện",
};

export type Column<K extends string = string> = {
  key: K;
  vi: string;
  en: string;
  /** What the "Hướng dẫn" sheet says about the column. */
  hint: string;
  /** A file without this column cannot be imported. */
  required: boolean;
  parse: Parser<unknown>;
};

const col = <K extends string>(
  key: K,
  vi: string,
  en: string,
  hint: string,
  parse: Parser<unknown>,
): Column<K> => ({ key, vi, en, hint, parse, required: REQUIRED in parse });

export const SHEETS = {
  units: {
    vi: "Căn hộ",
    en: "Units",
    columns: [
      col("block", "Toà/Block", "Block", "Bắt buộc; một toà/block của toà nhà", required(text(20))),
      col(
        "code",
        "Mã căn hộ",
        "Unit code",
        "Bắt buộc, duy nhất trong toà nhà, ví dụ A-12.05",
        required(unitCode),
      ),
      col(
        "floor",
        "Tầng",
        "Floor",
        "Bắt buộc; số nguyên, không quá số tầng của block",
        required(integer(-10, 200)),
      ),
      col("type", "Loại", "Type", "Căn hộ / Shophouse / Văn phòng / Chỗ đỗ xe (mặc định Căn hộ)", UNIT_TYPES),
      col(
        "areaM2",
        "Diện tích (m²)",
        "Area (m²)",
        "Bắt buộc; tối đa 2 chữ số thập phân, 72,35 hoặc 72.35",
        required(area),
      ),
      col("status", "Trạng thái", "Status", "Trống / Đang ở / Đang sửa chữa (mặc định Trống)", UNIT_STATUSES),
      col("handoverDate", "Ngày bàn giao", "Handover date", "dd/MM/yyyy", date),
      col("maintenanceFundVnd", "Quỹ bảo trì (VND)", "Maintenance fund (VND)", "Số nguyên, đồng", money),
    ],
  },
  residents: {
    vi: "Cư dân",
    en: "Residents",
    columns: [
      col("unitCode", "Mã căn hộ", "Unit code", "Bắt buộc; căn hộ trong tệp hoặc đã có", required(unitCode)),
      col("fullName", "Họ và tên", "Full name", "Bắt buộc", required(text(120))),
      col("role", "Vai trò", "Role", "Bắt buộc: Chủ hộ / Khách thuê / Thành viên", required(ROLES)),
      col("relation", "Quan hệ với chủ hộ", "Relation to owner", "Ví dụ: Vợ, Con", text(40)),
      col("phone", "Điện thoại", "Phone", "Di động 10 số; trẻ em có thể để trống", phone),
      col("email", "Email", "Email", "", email),
      col("dateOfBirth", "Ngày sinh", "Date of birth", "dd/MM/yyyy; cần khi không có điện thoại", date),
      col("nationality", "Quốc tịch", "Nationality", "Mã 2 chữ cái, ví dụ VN", nationality),
      col("movedInOn", "Ngày chuyển đến", "Moved in on", "dd/MM/yyyy", date),
      col("leaseEndsOn", "Hết hạn thuê", "Lease ends on", "dd/MM/yyyy; bắt buộc với khách thuê", date),
    ],
  },
  vehicles: {
    vi: "Phương tiện",
    en: "Vehicles",
    columns: [
      col("unitCode", "Mã căn hộ", "Unit code", "Bắt buộc", required(unitCode)),
      col(
        "type",
        "Loại xe",
        "Vehicle type",
        "Ô tô / Xe máy / Xe máy điện / Xe đạp / Ô tô điện",
        required(VEHICLE_TYPES),
      ),
      col("plate", "Biển số", "Plate", "Bắt buộc trừ xe đạp, ví dụ 51A-123.45, 59-X1 234.56", text(20)),
      col("ownerName", "Chủ xe", "Owner", "Họ và tên một cư dân của căn hộ", required(text(120))),
      col("colour", "Màu", "Colour", "", text(40)),
      col("brand", "Hãng", "Brand", "", text(60)),
      col("parkingCard", "Số thẻ xe", "Parking card", "", text(40)),
    ],
  },
} as const satisfies Record<SheetKey, { vi: string; en: string; columns: readonly Column[] }>;

export type UnitRecord = {
  block: string;
  code: string;
  floor: number;
  type: string | null;
  areaM2: string;
  status: string | null;
  handoverDate: string | null;
  maintenanceFundVnd: number | null;
};
export type ResidentRecord = {
  unitCode: string;
  fullName: string;
  role: string;
  relation: string | null;
  phone: string | null;
  email: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  movedInOn: string | null;
  leaseEndsOn: string | null;
};
export type VehicleRecord = {
  unitCode: string;
  type: string;
  plate: string | null;
  ownerName: string;
  colour: string | null;
  brand: string | null;
  parkingCard: string | null;
};
export type RecordOf = { units: UnitRecord; residents: ResidentRecord; vehicles: VehicleRecord };

/** Which sheet a worksheet name (Vietnamese or English, any accents or case) stands for. */
export function sheetOf(name: string): SheetKey | null {
  const wanted = searchText(name);
  return SHEET_KEYS.find((k) => [SHEETS[k].vi, SHEETS[k].en].some((n) => searchText(n) === wanted)) ?? null;
}

/** The column a header cell names (Vietnamese or English header). */
export function columnOf(sheet: SheetKey, header: string): Column | null {
  const wanted = searchText(header);
  return (
    (SHEETS[sheet].columns as readonly Column[]).find(
      (c) => searchText(c.vi) === wanted || searchText(c.en) === wanted,
    ) ?? null
  );
}
