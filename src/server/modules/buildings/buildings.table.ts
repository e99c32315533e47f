import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";
import { companies } from "../companies/companies.table.js";

export type Block = { name: string; floors: number };

export const buildings = pgTable(
  "buildings",
  {
    companyId: companyId().references(() => companies.id),
    id: id(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    blocks: jsonb("blocks").$type<Block[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), unique("buildings_name").on(t.companyId, t.name)],
);

/** Units as the foundation seeds them; the registry issue extends this table. */
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
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("units_code").on(t.companyId, t.buildingId, t.code),
    foreignKey({ columns: [t.companyId, t.buildingId], foreignColumns: [buildings.companyId, buildings.id] }),
    check("units_area", sql`${t.areaM2} > 0`),
    check("units_type", sql`${t.type} in ('apartment', 'shophouse', 'office', 'parking')`),
    check("units_status", sql`${t.status} in ('vacant', 'occupied', 'renovation')`),
  ],
);
