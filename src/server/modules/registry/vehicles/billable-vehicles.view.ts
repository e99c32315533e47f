import { date, pgView, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The vehicles as billing charges them (migration 0030, `security_invoker`): no plates, no owners. */
export const billableVehicles = pgView("registry_billable_vehicles", {
  companyId: uuid("company_id").notNull(),
  id: uuid("id").notNull(),
  buildingId: uuid("building_id").notNull(),
  unitId: uuid("unit_id").notNull(),
  type: text("type").notNull(),
  status: text("status").notNull(),
  activeFrom: date("active_from"),
  activeTo: date("active_to"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
}).existing();
