import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/client.js";

type SqlType = "uuid" | "text" | "int" | "bigint" | "numeric" | "date" | "bytea";

/** A table the import writes: its columns (besides company_id) and those an existing row takes over. */
export type TableSpec = {
  table: string;
  columns: readonly (readonly [name: string, type: SqlType])[];
  /** Columns set again when the row exists (the id, keys and first-seen dates are kept). */
  update: readonly string[];
  /** Whether the table has an updated_at column to set on update. */
  touch?: boolean;
};

export type Row = Record<string, unknown>;

export const CHUNK = 1000;

// Binary values travel as hex text: an array of Buffers is not encoded alike by node-postgres and PGlite.
const arrayOf = (rows: readonly Row[], name: string, type: SqlType) =>
  sql.param(
    rows.map((r) => {
      const v = r[name] ?? null;
      return type === "bytea" && v ? (v as Buffer).toString("hex") : v;
    }),
  );

const selected = (name: string, type: SqlType) =>
  type === "bytea" ? sql.raw(`decode(u.${name}, 'hex')`) : sql.raw(`u.${name}`);

/**
 * One statement for a chunk of rows: `insert … select … from unnest(one array per column) on conflict
 * (company_id, id) do update`, so new and changed rows go in together and the statement's size does not
 * grow with the row count. Names come from the TableSpecs in this module, never from input.
 */
function upsertChunk(tx: Tx, companyId: string, spec: TableSpec, rows: readonly Row[]) {
  const names = spec.columns.map(([n]) => n);
  const arrays = sql.join(
    spec.columns.map(([n, t]) => sql`${arrayOf(rows, n, t)}::${sql.raw(t === "bytea" ? "text" : t)}[]`),
    sql`, `,
  );
  const sets: SQL[] = spec.update.map((c) => sql.raw(`${c} = excluded.${c}`));
  if (spec.touch) sets.push(sql.raw("updated_at = now()"));
  return tx.execute(sql`
    insert into ${sql.raw(spec.table)} (company_id, ${sql.raw(names.join(", "))})
    select ${companyId}::uuid, ${sql.join(
      spec.columns.map(([n, t]) => selected(n, t)),
      sql`, `,
    )}
    from unnest(${arrays}) as u(${sql.raw(names.join(", "))})
    on conflict (company_id, id) do update set ${sql.join(sets, sql`, `)}`);
}

/** Writes the rows in chunks of CHUNK, reporting the rows written so far. */
export async function upsertRows(
  tx: Tx,
  companyId: string,
  spec: TableSpec,
  rows: readonly Row[],
  onChunk?: (written: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await upsertChunk(tx, companyId, spec, chunk);
    onChunk?.(chunk.length);
  }
}

export const UNITS: TableSpec = {
  table: "units",
  columns: [
    ["id", "uuid"],
    ["building_id", "uuid"],
    ["code", "text"],
    ["block", "text"],
    ["floor", "int"],
    ["area_m2", "numeric"],
    ["type", "text"],
    ["status", "text"],
    ["handover_date", "date"],
    ["maintenance_fund_vnd", "bigint"],
  ],
  update: ["block", "floor", "area_m2", "type", "status", "handover_date", "maintenance_fund_vnd"],
  touch: true,
};

export const RESIDENTS: TableSpec = {
  table: "residents",
  columns: [
    ["id", "uuid"],
    ["data_key", "bytea"],
    ["full_name", "text"],
    ["name_search", "text"],
    ["phone_enc", "bytea"],
    ["phone_bidx", "text"],
    ["email_enc", "bytea"],
    ["email_bidx", "text"],
    ["date_of_birth_enc", "bytea"],
    ["nationality", "text"],
  ],
  update: [
    "full_name",
    "name_search",
    "phone_enc",
    "phone_bidx",
    "email_enc",
    "email_bidx",
    "date_of_birth_enc",
    "nationality",
  ],
  touch: true,
};

export const MEMBERS: TableSpec = {
  table: "household_members",
  columns: [
    ["id", "uuid"],
    ["unit_id", "uuid"],
    ["resident_id", "uuid"],
    ["role", "text"],
    ["relation", "text"],
    ["moved_in_on", "date"],
    ["lease_ends_on", "date"],
    ["match_key", "text"],
  ],
  update: ["role", "relation", "moved_in_on", "lease_ends_on"],
};

export const VEHICLES: TableSpec = {
  table: "vehicles",
  columns: [
    ["id", "uuid"],
    ["unit_id", "uuid"],
    ["building_id", "uuid"],
    ["resident_id", "uuid"],
    ["type", "text"],
    ["plate_enc", "bytea"],
    ["plate_bidx", "text"],
    ["colour", "text"],
    ["brand", "text"],
    ["parking_card", "text"],
    ["status", "text"],
    ["active_from", "date"],
  ],
  update: ["unit_id", "resident_id", "type", "plate_enc", "plate_bidx", "colour", "brand", "parking_card"],
};
