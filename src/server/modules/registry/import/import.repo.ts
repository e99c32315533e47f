import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";

/** Ciphertexts and wrapped keys: Buffer from node-postgres, Uint8Array from PGlite. */
export type Bytes = Uint8Array | null;

export type ExistingUnit = {
  id: string;
  code: string;
  block: string;
  floor: number;
  type: string;
  area_m2: string;
  status: string;
  handover_date: string | null;
  maintenance_fund_vnd: string | null;
};
export type ExistingMember = {
  member_id: string;
  unit_id: string;
  unit_code: string;
  resident_id: string;
  role: string;
  relation: string | null;
  moved_in_on: string | null;
  lease_ends_on: string | null;
  match_key: string | null;
  full_name: string;
  name_search: string;
  data_key: Bytes;
  phone_enc: Bytes;
  email_enc: Bytes;
  date_of_birth_enc: Bytes;
  nationality: string | null;
};
export type ExistingVehicle = {
  id: string;
  unit_id: string;
  unit_code: string;
  resident_id: string;
  owner_name: string;
  type: string;
  plate_enc: Bytes;
  plate_bidx: string | null;
  colour: string | null;
  brand: string | null;
  parking_card: string | null;
};

type ResidentRow = Pick<
  ExistingMember,
  "full_name" | "name_search" | "data_key" | "phone_enc" | "email_enc" | "date_of_birth_enc" | "nationality"
> & { id: string };

/** The building's registry as it stands: units, current household members, vehicles not deactivated. */
export type Registry = { units: ExistingUnit[]; members: ExistingMember[]; vehicles: ExistingVehicle[] };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads the building's registry with one single-table query per table, joined here: right after a bulk
 * import the tables' statistics are stale, and the planner then joined them with nested loops (a re-import
 * of 10,000 units took over a minute). Dates, numerics and bigints come as text, alike from both drivers.
 */
export async function loadRegistry(ctx: Ctx, buildingId: string): Promise<Registry> {
  const { companyId } = ctx;
  const units = await queryRows<ExistingUnit>(
    ctx.tx,
    sql`select id, code, block, floor, type, area_m2::text, status, handover_date::text,
      maintenance_fund_vnd::text
      from units where company_id = ${companyId} and building_id = ${buildingId} order by code`,
  );
  const codes = new Map(units.map((u) => [u.id, u.code]));
  const memberRows = await queryRows<Omit<ExistingMember, keyof ResidentRow | "unit_code">>(
    ctx.tx,
    sql`select id as member_id, unit_id, resident_id, role, relation, moved_in_on::text, lease_ends_on::text,
      match_key from household_members
      where company_id = ${companyId} and moved_out_on is null and unit_id = any(${sql.param([...codes.keys()])}::uuid[])`,
  );
  const vehicleRows = await queryRows<Omit<ExistingVehicle, "unit_code" | "owner_name">>(
    ctx.tx,
    sql`select id, unit_id, resident_id, type, plate_enc, plate_bidx, colour, brand, parking_card
      from vehicles where company_id = ${companyId} and building_id = ${buildingId} and status <> 'inactive'
      order by created_at`,
  );
  const residentIds = [...new Set([...memberRows, ...vehicleRows].map((r) => r.resident_id))];
  const residents = await queryRows<ResidentRow>(
    ctx.tx,
    sql`select id, full_name, name_search, data_key, phone_enc, email_enc, date_of_birth_enc, nationality
      from residents where company_id = ${companyId} and id = any(${sql.param(residentIds)}::uuid[])`,
  );
  const people = new Map(residents.map((r) => [r.id, r]));
  const members = memberRows.flatMap((m) => {
    const person = people.get(m.resident_id);
    return person ? [{ ...person, ...m, unit_code: codes.get(m.unit_id) ?? "" }] : [];
  });
  members.sort(
    (a, b) => byText(a.unit_code, b.unit_code) || byText(a.role, b.role) || byText(a.full_name, b.full_name),
  );
  const vehicles = vehicleRows.map((v) => ({
    ...v,
    unit_code: codes.get(v.unit_id) ?? "",
    owner_name: people.get(v.resident_id)?.full_name ?? "",
  }));
  vehicles.sort((a, b) => byText(a.unit_code, b.unit_code) || byText(a.type, b.type));
  return { units, members, vehicles };
}
