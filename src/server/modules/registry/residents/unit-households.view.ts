import { date, pgView, text, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../../platform/db/columns.js";

/** Who lived in a unit and when, any role (migration 0030, `security_invoker`): tariffs per person count them. */
export const unitMembers = pgView("registry_unit_members", {
  companyId: uuid("company_id").notNull(),
  unitId: uuid("unit_id").notNull(),
  movedInOn: date("moved_in_on"),
  movedOutOn: date("moved_out_on"),
}).existing();

/**
 * A unit's current owners with their name and encrypted contacts (migration 0030, `security_invoker`): whom
 * a notice is addressed to and whom reminders go to.
 */
export const unitOwners = pgView("registry_unit_owners", {
  companyId: uuid("company_id").notNull(),
  unitId: uuid("unit_id").notNull(),
  residentId: uuid("resident_id").notNull(),
  fullName: text("full_name").notNull(),
  dataKey: bytea("data_key"),
  emailEnc: bytea("email_enc"),
  phoneEnc: bytea("phone_enc"),
}).existing();
