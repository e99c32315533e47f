import { date, integer, numeric, pgView, text, uuid } from "drizzle-orm/pg-core";

/**
 * The units as billing charges them (migration 0030, `security_invoker`, so a company sees only its own):
 * other modules read units through this read model, never through the registry's `units` table.
 */
export const billableUnits = pgView("registry_billable_units", {
  companyId: uuid("company_id").notNull(),
  id: uuid("id").notNull(),
  buildingId: uuid("building_id").notNull(),
  code: text("code").notNull(),
  block: text("block").notNull(),
  floor: integer("floor").notNull(),
  type: text("type").notNull(),
  areaM2: numeric("area_m2", { precision: 10, scale: 2 }).notNull(),
  handoverDate: date("handover_date"),
}).existing();
