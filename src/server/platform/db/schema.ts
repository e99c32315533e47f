// Every table, for drizzle-kit and the migration snapshot.
export * from "../../modules/accounts/accounts.table.js";
export * from "../../modules/announcements/announcements.table.js";
export * from "../../modules/billing/billing.table.js";
export * from "../../modules/buildings/buildings.table.js";
export * from "../../modules/companies/companies.table.js";
export * from "../../modules/notifications/notifications.table.js";
export * from "../../modules/privacy/privacy.table.js";
export * from "../../modules/registry/residents/residents.table.js";
export * from "../../modules/registry/units/units.table.js";
export * from "../../modules/registry/vehicles/vehicles.table.js";
export * from "../../modules/staff/memberships.table.js";
export * from "../accesslog/access-log.table.js";
export * from "../audit/audit.table.js";
