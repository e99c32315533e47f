import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Binary column: ciphertexts and wrapped keys. PGlite hands back Uint8Array, node-postgres Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const tstz = (name: string) => timestamp(name, { withTimezone: true });
export const id = () => uuid("id").notNull().default(sql`gen_random_uuid()`);
/** Tenant column present on every table holding a company's data (the Citus distribution column). */
export const companyId = () => uuid("company_id").notNull();
