import { sql } from "drizzle-orm";
import { check, date, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import type { TariffBand } from "../../../../contracts/billing.js";
import { createdAt, id } from "../../../platform/db/columns.js";
import { rate } from "../core/columns.js";

/** The company of national tariffs (EVN's): the platform scope, whose rows every company reads. */
export const NATIONAL_TARIFFS = "00000000-0000-0000-0000-000000000000";

/**
 * Utility tariffs (data, never constants in code), one row per version: a version applies from `validFrom`
 * until the next version of the same code. National tariffs (EVN's household electricity) belong to the
 * platform scope (`company_id` = the nil UUID) and are kept by the platform admin; a company keeps its local
 * water utility's tariffs under its own id. Every company reads the national rows and its own; a company's
 * version history of a code replaces the national one of the same code. A version that an issued notice used
 * is never changed (the service refuses; `app_tariff_dates_billed`).
 */
export const tariffs = pgTable(
  "tariffs",
  {
    companyId: uuid("company_id").notNull().default(NATIONAL_TARIFFS),
    id: id(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** Band limits per household, or per registered person (Ho Chi Minh City water). */
    basis: text("basis").notNull().default("household"),
    /** Bands by cumulative upper limit (the last unlimited) and price per unit before VAT, VND. */
    bands: jsonb("bands").$type<TariffBand[]>().notNull(),
    /** The VAT of the metered lines while this version is in force; null: the fee rule's rate. */
    vatRate: rate("vat_rate"),
    validFrom: date("valid_from").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique("tariffs_version").on(t.companyId, t.code, t.validFrom),
    check("tariffs_kind", sql`${t.kind} in ('electricity', 'water')`),
    check("tariffs_basis", sql`${t.basis} in ('household', 'person')`),
    check("tariffs_vat", sql`${t.vatRate} between 0 and 100`),
  ],
);
