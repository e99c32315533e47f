import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { maskEmail, maskPhone } from "../../../platform/crypto/contact.js";
import { decrypt } from "../../../platform/crypto/crypto.js";
import { loadBuilding } from "../../buildings/index.js";
import { type Column, EXAMPLE, LABELS, SHEETS, type SheetKey, SYNONYMS } from "./import.columns.js";
import { registryImportPolicy } from "./import.policy.js";
import { type Bytes, loadRegistry } from "./import.repo.js";

type Value = string | number | null;
/** Rows per sheet, each a value per column key, as the import reads them back. */
export type SheetRows = Record<SheetKey, Record<string, Value>[]>;

/** yyyy-MM-dd → dd/MM/yyyy, the way the import (and Vietnamese users) write dates. */
const vnDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : null);
const label = (value: string) => LABELS[value] ?? value;

/**
 * Writes a registry workbook to `stream` with exceljs's streaming writer (rows are flushed as they are
 * added): the three sheets with Vietnamese headers, after an optional guide sheet.
 */
export async function writeWorkbook(
  stream: Writable,
  rows: SheetRows,
  guide?: (string | number | null)[][],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: false,
  });
  if (guide) {
    const sheet = workbook.addWorksheet("Hướng dẫn");
    for (const line of guide) sheet.addRow(line).commit();
    sheet.commit();
  }
  for (const key of ["units", "residents", "vehicles"] as const) {
    const sheet = workbook.addWorksheet(SHEETS[key].vi);
    const columns = SHEETS[key].columns as readonly Column[];
    sheet.columns = columns.map((c) => ({ header: c.vi, key: c.key, width: Math.max(12, c.vi.length + 4) }));
    for (const row of rows[key]) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * The guide sheet: every column of every sheet with its English header, what it takes, an example and the
 * other header names accepted. The example lives here only: the data sheets of the template hold their
 * headers and nothing else, so no example can be imported by accident.
 */
const GUIDE: (string | number | null)[][] = [
  ["Trang", "Cột", "Column", "Cách nhập", "Ví dụ", "Cũng nhận tiêu đề"],
  ...(["units", "residents", "vehicles"] as const).flatMap((key) =>
    (SHEETS[key].columns as readonly Column[]).map((c) => [
      SHEETS[key].vi,
      c.vi,
      c.en,
      c.hint,
      EXAMPLE[key][c.key] ?? null,
      (SYNONYMS[key][c.key] ?? []).join("; ") || null,
    ]),
  ),
  [],
  [
    "Mỗi dòng được kiểm tra trước; nếu có lỗi, không dữ liệu nào được ghi. Nhập lại cùng tệp không thay đổi gì.",
  ],
  [
    "Số tiền, diện tích: viết kiểu Việt (41.070.000 hoặc 72,35) hay kiểu Anh (41,070,000 hoặc 72.35); số tiền phải là số đồng nguyên.",
  ],
  ["Các trang ẩn không được đọc. Cột STT được bỏ qua; cột có tiêu đề khác mẫu bị báo lỗi."],
];

const EMPTY: SheetRows = { units: [], residents: [], vehicles: [] };

/** The import template: a guide sheet (with the examples), then the three sheets with their headers. */
export const writeTemplate = (stream: Writable) => writeWorkbook(stream, EMPTY, GUIDE);

type Opened = (box: Bytes) => string | null;

/**
 * The building's registry as rows of the import's three sheets. Contacts and dates of birth are masked
 * (left out) unless `withContacts`: then every person whose data goes out gets a reveal row, as when one
 * field is revealed on screen. One audit entry records the export either way.
 */
export async function exportRegistry(
  ctx: Ctx,
  buildingId: string,
  withContacts: boolean,
): Promise<SheetRows> {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "export", subject(registryImportPolicy, { buildingId: building.id }));
  const { units, members, vehicles } = await loadRegistry(ctx, building.id);
  const openers = new Map<string, Opened>();
  for (const m of members) {
    const key = m.data_key ? ctx.platform.keyring.unwrap(Buffer.from(m.data_key)) : null;
    openers.set(m.resident_id, (box) => (key && box ? decrypt(key, Buffer.from(box)) : null));
  }
  const openerOf = (residentId: string): Opened => openers.get(residentId) ?? (() => null);
  const rows: SheetRows = {
    units: units.map((u) => ({
      block: u.block,
      code: u.code,
      floor: u.floor,
      type: label(u.type),
      areaM2: Number(u.area_m2),
      status: label(u.status),
      handoverDate: vnDate(u.handover_date),
      maintenanceFundVnd: u.maintenance_fund_vnd === null ? null : Number(u.maintenance_fund_vnd),
    })),
    residents: members.map((m) => {
      const open = openerOf(m.resident_id);
      const phone = open(m.phone_enc);
      const email = open(m.email_enc);
      return {
        unitCode: m.unit_code,
        fullName: m.full_name,
        role: label(m.role),
        relation: m.relation,
        phone: withContacts ? phone : phone && maskPhone(phone),
        email: withContacts ? email : email && maskEmail(email),
        dateOfBirth: withContacts ? vnDate(open(m.date_of_birth_enc)) : null,
        nationality: m.nationality,
        movedInOn: vnDate(m.moved_in_on),
        leaseEndsOn: vnDate(m.lease_ends_on),
      };
    }),
    vehicles: vehicles.map((v) => ({
      unitCode: v.unit_code,
      type: label(v.type),
      plate: openerOf(v.resident_id)(v.plate_enc),
      ownerName: v.owner_name,
      colour: v.colour,
      brand: v.brand,
      parkingCard: v.parking_card,
    })),
  };
  const residentIds = [...new Set(members.map((m) => m.resident_id))];
  if (withContacts) await recordReveals(ctx, residentIds);
  await audit(ctx, {
    action: "registry.export",
    entity: "building",
    entityId: building.id,
    changes: bulkChanges(residentIds, {
      units: units.length,
      vehicles: vehicles.length,
      withContacts: +withContacts,
    }),
  });
  return rows;
}

/** One reveal row per person exported with contacts: their access trail shows the export. */
async function recordReveals(ctx: Ctx, residentIds: string[]) {
  if (residentIds.length === 0) return;
  await ctx.tx.execute(sql`
    insert into personal_data_reveals (company_id, resident_id, field, actor_account_id, actor_role, request_id)
    select ${ctx.companyId}::uuid, r, 'export', ${ctx.actor.accountId}::uuid, ${ctx.actor.role}, ${ctx.requestId}
    from unnest(${sql.param(residentIds)}::uuid[]) as r`);
}
