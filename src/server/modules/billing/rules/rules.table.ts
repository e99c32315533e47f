import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { buildings } from "../../buildings/buildings.table.js";
import { rate, vnd } from "../core/columns.js";

/** A building's billing settings: the province's price frame for the management fee, payment terms. */
export const buildingBilling = pgTable(
  "building_billing",
  {
    companyId: companyId(),
    buildingId: uuid("building_id").notNull(),
    /** The province's frame for the management fee, VND per m² per month (a fee outside it draws a warning). */
    feeFrameMin: vnd("fee_frame_min"),
    feeFrameMax: vnd("fee_frame_max"),
    /** Days from issue to the due date. */
    dueDays: integer("due_days").notNull().default(15),
    /** A late fee: this percent of what was overdue at the start of a month, on that month's notice. */
    lateFeePercent: rate("late_fee_percent"),
    /** Days between reminders of an overdue notice (none when null). */
    reminderDays: integer("reminder_days").default(7),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.buildingId] }),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("building_billing_due", sql`${t.dueDays} between 0 and 90`),
  ],
);

/** Accounts a building's residents pay into (printed as VietQR on every notice). */
export const bankAccounts = pgTable(
  "bank_accounts",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    bankBin: text("bank_bin").notNull(),
    accountNumber: text("account_number").notNull(),
    accountName: text("account_name").notNull(),
    isDefault: boolean("is_default").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("bank_accounts_number").on(t.companyId, t.buildingId, t.bankBin, t.accountNumber),
    index("bank_accounts_lookup").on(t.accountNumber),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
  ],
);

/**
 * A fee of a building, valid over a date range: per m² per month (by unit type), per vehicle (by type, the
 * second and later of a type in a unit at `priceNext`), fixed per unit, or metered (electricity, water) on a
 * tariff. A rule whose range starts or ends inside a month is charged for its days in that month.
 */
export const feeRules = pgTable(
  "fee_rules",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    unitType: text("unit_type"),
    vehicleType: text("vehicle_type"),
    /** VND: per m² per month, per vehicle per month, or per unit per month. Null for metered rules. */
    price: vnd("price"),
    priceNext: vnd("price_next"),
    tariffCode: text("tariff_code"),
    /** A surcharge on a metered amount, e.g. the wastewater fee on water (percent). */
    surchargePercent: rate("surcharge_percent"),
    surchargeName: text("surcharge_name"),
    vatRate: rate("vat_rate").notNull().default("0"),
    /** Collected on behalf of another party (thu hộ), not the company's revenue. */
    onBehalf: boolean("on_behalf").notNull().default(false),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("fee_rules_building").on(t.companyId, t.buildingId),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("fee_rules_kind", sql`${t.kind} in ('area', 'vehicle', 'fixed', 'electricity', 'water')`),
    check(
      "fee_rules_shape",
      sql`(${t.kind} in ('electricity', 'water')) = (${t.tariffCode} is not null and ${t.price} is null)`,
    ),
    check("fee_rules_price", sql`${t.price} is null or ${t.price} >= 0`),
    check("fee_rules_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("fee_rules_vat", sql`${t.vatRate} between 0 and 100`),
  ],
);
