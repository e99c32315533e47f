import {
  AreaM2,
  type HouseholdRole,
  UnitCode,
  type UnitStatus,
  type UnitType,
  type VehicleType,
} from "../../../../contracts/registry.js";
import { normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { decimalOfNumber, parseDecimal } from "../../../platform/i18n/numbers.js";
import { searchText } from "../../../platform/i18n/search.js";
import { type Cell, cellText } from "../../../platform/spreadsheet/cells.js";
import { todayInVietnam } from "../../../platform/time.js";

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
  // A sheet repeats a handful of labels tens of thousands of times: each written form is folded once (up to a
  // bound, so a file of distinct junk cannot grow the memo).
  const seen = new Map<string, T | undefined>();
  return optional((t) => {
    let value = seen.get(t);
    if (value === undefined && !seen.has(t)) {
      value = lookup.get(searchText(t));
      if (seen.size < 256) seen.set(t, value);
    }
    if (!value) throw new CellError("IMPORT_CHOICE", { choices: shown });
    return value;
  });
}

/** A number cell as canonical decimal text (platform/i18n/numbers.ts), or null when it is not one. */
const decimalOf = (t: string, raw: Cell, scale: number, currency = false) =>
  typeof raw === "number" ? decimalOfNumber(raw, scale) : parseDecimal(t, scale, { currency });

/** A whole number (floors, counts, đồng): `1.5` is refused, never read as 15. */
const integer = (min: number, max: number, currency = false) =>
  optional((t, raw) => {
    const text = decimalOf(t, raw, 0, currency);
    const n = text === null ? Number.NaN : Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new CellError("IMPORT_NUMBER", { min, max });
    return n;
  });

/** Area to the hundredth of a m²: 72,35 and 72.35 alike; 1.234,50 and 1,234.50 alike; 72,355 refused. */
const area = optional((t, raw) => {
  const text = decimalOf(t, raw, 2);
  if (text === null || !AreaM2.safeParse(Number(text)).success) throw new CellError("IMPORT_AREA");
  return text;
});

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
/** Days in a month of the Gregorian calendar (month 1–12). */
const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/**
 * A date as written in a cell: dd/MM/yyyy (as Vietnamese users write dates; `.` or `-` also), yyyy-MM-dd, an
 * Excel date cell or its serial number; ISO yyyy-MM-dd out. Text in a date's shape that names no day of the
 * calendar (31/02/1990, 29/02/2023, 12/13/2024) is IMPORT_DATE_IMPOSSIBLE, saying why; anything else that is
 * not a date is IMPORT_DATE (the format).
 */
export const dateOf = (t: string, raw: Cell): string => {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "number") return new Date(EXCEL_EPOCH + raw * 86_400_000).toISOString().slice(0, 10);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const parts = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) throw new CellError("IMPORT_DATE");
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const written = `${pad(d)}/${pad(m)}/${pad(y, 4)}`;
  if (m < 1 || m > 12) throw new CellError("IMPORT_DATE_NO_MONTH", { date: written, month: m });
  const days = daysIn(y, m);
  if (d < 1 || d > days) {
    throw new CellError("IMPORT_DATE_IMPOSSIBLE", { date: written, month: m, year: y, days });
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};
const date = optional(dateOf);

/** A date that has happened (a date of birth): one after today in Vietnam is refused. */
const pastDate = optional((t, raw) => {
  const out = dateOf(t, raw);
  if (out > todayInVietnam()) throw new CellError("IMPORT_DATE_FUTURE");
  return out;
});

/** Whole đồng: 12.500.000, 12,500,000, 12.500.000,00 ₫ or a number; 12500000,5 is refused. */
const money = integer(0, 1e13, true);

/** A mobile number; a numeric cell lost its leading 0, so 912345678 is read as 0912345678. */
const phone = optional((t, raw) => {
  const written = typeof raw === "number" && /^\d{9}$/.test(t) ? `0${t}` : t;
  const value = normalisePhone(written);
  if (!value) throw new CellError("IMPORT_PHONE");
  return value;
});

const email = optional((t) => {
  const value = normaliseEmail(t);
  if (!value) throw new CellError("IMPORT_EMAIL");
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
      col("block", "Tòa/Block", "Block", "Bắt buộc; một tòa/block của tòa nhà", required(text(20))),
      col(
        "code",
        "Mã căn hộ",
        "Unit code",
        "Bắt buộc, duy nhất trong tòa nhà, ví dụ A-12.05",
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
      col(
        "dateOfBirth",
        "Ngày sinh",
        "Date of birth",
        "dd/MM/yyyy, không sau hôm nay; cần khi không có điện thoại",
        pastDate,
      ),
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

/**
 * Other ways spreadsheets word the template's headers, matched like the headers themselves (without accents,
 * case or punctuation). Shown on the template's guide sheet; a header neither here nor in the template is
 * reported (IMPORT_COLUMN_UNKNOWN), never dropped.
 */
export const SYNONYMS: { [K in SheetKey]: Record<string, readonly string[]> } = {
  units: {
    block: ["Tòa", "Tòa", "Block", "Khối"],
    code: ["Căn hộ", "Mã căn", "Số căn hộ", "Căn"],
    floor: ["Tầng số"],
    type: ["Loại căn hộ", "Loại hình"],
    areaM2: ["Diện tích", "Diện tích (m2)", "Diện tích m²", "DT (m²)", "Area"],
    status: ["Tình trạng"],
    handoverDate: ["Ngày nhận nhà", "Ngày bàn giao nhà"],
    maintenanceFundVnd: ["Quỹ bảo trì", "Kinh phí bảo trì", "Quỹ bảo trì (đồng)", "Phí bảo trì 2%"],
  },
  residents: {
    unitCode: ["Căn hộ", "Mã căn", "Số căn hộ", "Căn"],
    fullName: ["Họ tên", "Tên", "Tên cư dân", "Name"],
    role: ["Vai trò trong hộ", "Loại cư dân"],
    relation: ["Quan hệ", "Quan hệ chủ hộ"],
    phone: ["Số điện thoại", "SĐT", "Số ĐT", "Di động", "Số di động", "Điện thoại di động", "Mobile"],
    email: ["E-mail", "Thư điện tử"],
    dateOfBirth: ["Ngày tháng năm sinh", "Sinh ngày", "Birth date"],
    nationality: ["Quốc gia"],
    movedInOn: ["Ngày chuyển vào", "Ngày đến ở"],
    leaseEndsOn: ["Ngày hết hạn thuê", "Hết hạn hợp đồng thuê"],
  },
  vehicles: {
    unitCode: ["Căn hộ", "Mã căn", "Số căn hộ", "Căn"],
    type: ["Loại phương tiện", "Loại"],
    plate: ["Biển kiểm soát", "BKS", "Biển số xe"],
    ownerName: ["Chủ phương tiện", "Tên chủ xe", "Chủ sở hữu"],
    colour: ["Màu xe", "Màu sắc", "Color"],
    brand: ["Hãng xe", "Nhãn hiệu"],
    parkingCard: ["Thẻ xe", "Số thẻ", "Mã thẻ xe"],
  },
};

/** Row-number columns that spreadsheets add and that hold nothing to import. */
const IGNORED_HEADERS = new Set(["stt", "tt", "no", "#", "so thu tu"]);

/** A header or sheet name as compared: no accents, case or punctuation ("Diện tích (m²)" → "dien tich m2"). */
const headerKey = (text: string) =>
  searchText(text.replace(/²/g, "2"))
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();

const lookups = new Map<SheetKey, Map<string, Column>>(
  SHEET_KEYS.map((sheet) => {
    const byName = new Map<string, Column>();
    for (const c of SHEETS[sheet].columns as readonly Column[]) {
      for (const name of [c.vi, c.en, ...(SYNONYMS[sheet][c.key] ?? [])]) byName.set(headerKey(name), c);
    }
    return [sheet, byName];
  }),
);

/** Which sheet a worksheet name (Vietnamese or English, any accents or case) stands for. */
export function sheetOf(name: string): SheetKey | null {
  const wanted = headerKey(name);
  return SHEET_KEYS.find((k) => [SHEETS[k].vi, SHEETS[k].en].some((n) => headerKey(n) === wanted)) ?? null;
}

/**
 * Which sheet a header row is the header of: the kind whose required columns are all there, and of those the
 * one that knows the most of the row's headers (a residents sheet and a vehicles sheet both have "Mã căn hộ";
 * only the residents one has "Họ và tên" and "Vai trò"). Null when no kind has all its required columns.
 */
export function sheetOfHeaders(headers: readonly string[]): SheetKey | null {
  let best: { key: SheetKey; known: number } | null = null;
  for (const key of SHEET_KEYS) {
    const found = new Set<string>();
    for (const header of headers) {
      const c = columnOf(key, header);
      if (c && c !== "ignored") found.add(c.key);
    }
    const complete = (SHEETS[key].columns as readonly Column[]).every((c) => !c.required || found.has(c.key));
    if (complete && (!best || found.size > best.known)) best = { key, known: found.size };
  }
  return best?.key ?? null;
}

/**
 * The column a header cell names (Vietnamese or English header, or one of its SYNONYMS); "ignored" for an
 * empty header or a row-number column; null for a header the template does not know.
 */
export function columnOf(sheet: SheetKey, header: string): Column | "ignored" | null {
  const wanted = headerKey(header);
  if (wanted === "" || IGNORED_HEADERS.has(wanted)) return "ignored";
  return lookups.get(sheet)?.get(wanted) ?? null;
}

/**
 * The template's example rows, as the guide sheet shows them. Earlier templates carried them in the data
 * sheets: a row equal to one of them is refused (IMPORT_EXAMPLE_ROW), so that it is never imported by accident.
 */
export const EXAMPLE: { [K in SheetKey]: Record<string, string | number | null> } = {
  units: {
    block: "A",
    code: "A-12.05",
    floor: 12,
    type: "Căn hộ",
    areaM2: 72.35,
    status: "Đang ở",
    handoverDate: "15/03/2024",
    maintenanceFundVnd: 48_000_000,
  },
  residents: {
    unitCode: "A-12.05",
    fullName: "Nguyễn Văn An",
    role: "Chủ hộ",
    relation: null,
    phone: "0912345678",
    email: "an.nguyen@example.vn",
    dateOfBirth: "14/03/1985",
    nationality: "VN",
    movedInOn: "01/04/2024",
    leaseEndsOn: null,
  },
  vehicles: {
    unitCode: "A-12.05",
    type: "Xe máy",
    plate: "59-X1 234.56",
    ownerName: "Nguyễn Văn An",
    colour: "Đen",
    brand: "Honda",
    parkingCard: "XM-0123",
  },
};

/** The cell of each sheet an example row is reported on. */
export const EXAMPLE_AT: Record<SheetKey, string> = {
  units: "code",
  residents: "fullName",
  vehicles: "plate",
};

/** The example rows as the column parsers read them, compared with every parsed row. */
export const EXAMPLE_PARSED: Partial<Record<SheetKey, string>> = Object.fromEntries(
  (["residents", "vehicles"] as const).map((k) => [
    k,
    JSON.stringify((SHEETS[k].columns as readonly Column[]).map((c) => c.parse(EXAMPLE[k][c.key] ?? null))),
  ]),
);
