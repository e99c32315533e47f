import { jsonb, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
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
