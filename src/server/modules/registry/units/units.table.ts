import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { buildings } from "../../buildings/buildings.table.js";

/** Units of a building: code as the building writes it, usable area, type, status, 2% maintenance fund. */
export const units = pgTable(
  "units",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    code: text("code").notNull(),
    block: text("block").notNull(),
    floor: integer("floor").notNull(),
    areaM2: numeric("area_m2", { precision: 10, scale: 2 }).notNull(),
    type: text("type").notNull().default("apartment"),
    status: text("status").notNull().default("vacant"),
    handoverDate: date("handover_date"),
    maintenanceFundVnd: bigint("maintenance_fund_vnd", { mode: "number" }),
    maintenanceFundPaidOn: date("maintenance_fund_paid_on"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("units_code").on(t.companyId, t.buildingId, t.code),
    index("units_floor").on(t.companyId, t.buildingId, t.block, t.floor),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("units_area", sql`${t.areaM2} > 0`),
    check("units_type", sql`${t.type} in ('apartment', 'shophouse', 'office', 'parking')`),
    check("units_status", sql`${t.status} in ('vacant', 'occupied', 'renovation')`),
    check("units_fund", sql`${t.maintenanceFundVnd} is null or ${t.maintenanceFundVnd} >= 0`),
  ],
);
