import { randomUUID } from "node:crypto";
import type { Ctx } from "../../../platform/context.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { searchText } from "../../../platform/i18n/search.js";
import type { ErrorReport } from "../../../platform/spreadsheet/report.js";
import { memberMatchKey } from "../residents/households.service.js";
import { formatPlate, normalisePlate, plateKindOf } from "../vehicles/plates.js";
import type { Row } from "./import.apply.js";
import type { ResidentRecord, SheetKey, UnitRecord, VehicleRecord } from "./import.columns.js";
import { at, type Parsed, type ParsedRow, type ParsedSheet } from "./import.parse.js";
import {
  type Bytes,
  type ExistingMember,
  type ExistingUnit,
  type ExistingVehicle,
  loadRegistry,
} from "./import.repo.js";

/** What the database holds for the building, indexed the ways the import looks rows up. */
export type Existing = {
  units: Map<string, ExistingUnit>;
  members: Map<string, ExistingMember>;
  membersByName: Map<string, ExistingMember>;
  dataKeys: Map<string, Bytes>;
  vehicles: Map<string, ExistingVehicle>;
};

export async function loadExisting(ctx: Ctx, buildingId: string): Promise<Existing> {
  const { units, members, vehicles } = await loadRegistry(ctx, buildingId);
  return {
    units: new Map(units.map((u) => [u.code, u])),
    members: new Map(members.filter((m) => m.match_key).map((m) => [m.match_key as string, m])),
    membersByName: new Map(members.map((m) => [`${m.unit_id}|${m.name_search}`, m])),
    dataKeys: new Map(members.map((m) => [m.resident_id, m.data_key])),
    vehicles: new Map(vehicles.map((v) => [vehicleKey(v), v])),
  };
}

/** A vehicle is recognised by its plate; one without a plate (a bicycle) by its unit, owner, type and card. */
const vehicleKey = (
  v: Pick<ExistingVehicle, "plate_bidx" | "unit_id" | "resident_id" | "type" | "parking_card">,
) => v.plate_bidx ?? `${v.unit_id}|${v.resident_id}|${v.type}|${v.parking_card ?? ""}`;

export type Action = "create" | "update" | "unchanged";
export type Counts = Record<Action, number>;
export type Change = { sheet: SheetKey; row: number; action: Exclude<Action, "unchanged">; key: string };

/** The rows to write per table for a stretch of the file: parents (units, residents) before their children. */
export type Chunk = {
  units: Row[];
  residents: Row[];
  members: Row[];
  vehicles: Row[];
  /** How many of the file's rows were planned into it (changed or not). */
  fileRows: number;
};

const emptyChunk = (): Chunk => ({ units: [], residents: [], members: [], vehicles: [], fileRows: 0 });

const SAMPLE = 20;

/** Compares the file's row with the database's; the same values in the same columns mean "unchanged". */
const sameValues = (a: Row, b: Row, keys: readonly string[]) =>
  keys.every((k) => (a[k] ?? null) === (b[k] ?? null));

type Building = { id: string; blocks: { name: string; floors: number }[] };

/**
 * Checks each row, as it is read, against the building, the database and the rows of the file before it, and
 * decides per entity whether it is created, updated or unchanged. Errors go to `report`. The rows to write
 * gather in a chunk that the caller takes (`take()`) and writes, or drops, as it goes: what the planner keeps
 * for the whole file is only what later rows look up (ids and keys by unit code and name, the keys seen for
 * duplicates), never the rows themselves. Rows must come parents first (units, residents, vehicles).
 */
export class Planner {
  readonly counts: Record<SheetKey, Counts> = {
    units: { create: 0, update: 0, unchanged: 0 },
    residents: { create: 0, update: 0, unchanged: 0 },
    vehicles: { create: 0, update: 0, unchanged: 0 },
  };
  /** The first changes, for a dry run's preview. */
  readonly sample: Change[] = [];
  private chunk = emptyChunk();
  /** The first row of each key per sheet, to report a second one. */
  private readonly seen: Record<SheetKey, Map<string, number>> = {
    units: new Map(),
    residents: new Map(),
    vehicles: new Map(),
  };
  /** Unit codes of the file (valid or not) to their ids. */
  private readonly unitIds = new Map<string, string | null>();
  /** Household members of the file by unit and name: the owners vehicles may name. */
  private readonly fileMembers = new Map<string, { residentId: string; key: Buffer }>();
  /**
   * Residents of the file refused for their own errors, by unit and name: a vehicle naming one of them is not
   * reported again (the error is on the resident's row).
   */
  private readonly refusedMembers = new Set<string>();
  private readonly keys = new Map<string, Buffer | null>();
  /** Stored residents already written by this import. */
  private readonly written = new Set<string>();

  constructor(
    private readonly ctx: Ctx,
    private readonly building: Building,
    private readonly existing: Existing,
    private readonly report: ErrorReport,
  ) {}

  /** Plans one row of the file. */
  add(item: ParsedRow): void {
    if (item.key === "units") this.planUnits(item.sheet, item.parsed);
    else if (item.key === "residents") this.planResidents(item.sheet, item.parsed);
    else this.planVehicles(item.sheet, item.parsed);
    this.chunk.fileRows++;
  }

  /** File rows planned since the last `take()`. */
  get pending(): number {
    return this.chunk.fileRows;
  }

  /** The rows planned since the last call, to write (or drop); the planner keeps none of them. */
  take(): Chunk {
    const chunk = this.chunk;
    this.chunk = emptyChunk();
    return chunk;
  }

  private decide(sheet: SheetKey, row: number, key: string, action: Action): Action {
    this.counts[sheet][action]++;
    if (action !== "unchanged" && this.sample.length < SAMPLE) {
      this.sample.push({ sheet, row, action, key });
    }
    return action;
  }

  /** Reports a second row with the same key; answers whether `key` was new. */
  private firstOf(seen: Map<string, number>, key: string, where: ReturnType<typeof at>): boolean {
    const first = seen.get(key);
    if (first !== undefined) {
      this.report.add(where, "IMPORT_DUPLICATE", { row: first });
      return false;
    }
    seen.set(key, where.row);
    return true;
  }

  private unitIdOf(sheet: ParsedSheet<SheetKey>, row: number, code: string | null): string | null {
    if (code === null) return null;
    const id = this.unitIds.has(code) ? this.unitIds.get(code) : this.existing.units.get(code)?.id;
    if (id === undefined) this.report.add(at(sheet, row, "unitCode"), "IMPORT_UNIT_UNKNOWN");
    return id ?? null;
  }

  private planUnits(sheet: ParsedSheet<"units">, { row, value: u, valid }: Parsed<UnitRecord>) {
    if (u.code === null) return;
    if (!this.firstOf(this.seen.units, u.code, at(sheet, row, "code"))) return;
    const before = this.existing.units.get(u.code);
    const id = before?.id ?? randomUUID();
    this.unitIds.set(u.code, id);
    const placed = u.block !== null && u.floor !== null && this.placeIsValid(sheet, row, u);
    if (valid && placed) this.planUnit(row, id, u, before);
  }

  private placeIsValid(sheet: ParsedSheet<"units">, row: number, u: UnitRecord): boolean {
    const block = this.building.blocks.find((b) => b.name === u.block);
    if (!block) this.report.add(at(sheet, row, "block"), "UNIT_BLOCK_UNKNOWN");
    else if (u.floor > block.floors) this.report.add(at(sheet, row, "floor"), "UNIT_FLOOR_OUTSIDE");
    return Boolean(block && u.floor <= block.floors);
  }

  private planUnit(row: number, id: string, u: UnitRecord, before: ExistingUnit | undefined) {
    const next: Row = {
      id,
      building_id: this.building.id,
      code: u.code,
      block: u.block,
      floor: u.floor,
      area_m2: u.areaM2,
      type: u.type ?? "apartment",
      status: u.status ?? "vacant",
      handover_date: u.handoverDate,
      maintenance_fund_vnd: u.maintenanceFundVnd === null ? null : String(u.maintenanceFundVnd),
    };
    const compared = ["block", "floor", "area_m2", "type", "status", "handover_date", "maintenance_fund_vnd"];
    const action = !before ? "create" : sameValues(next, before, compared) ? "unchanged" : "update";
    if (this.decide("units", row, u.code, action) !== "unchanged") this.chunk.units.push(next);
  }

  private keyOf(residentId: string): Buffer | null {
    if (!this.keys.has(residentId)) {
      const wrapped = this.existing.dataKeys.get(residentId);
      this.keys.set(residentId, wrapped ? this.ctx.platform.keyring.unwrap(Buffer.from(wrapped)) : null);
    }
    return this.keys.get(residentId) ?? null;
  }

  private planResidents(sheet: ParsedSheet<"residents">, { row, value: r, valid }: Parsed<ResidentRecord>) {
    const unitId = this.unitIdOf(sheet, row, r.unitCode);
    // Computed once per row: folding a Vietnamese name is a measurable part of an import's time.
    const name = r.fullName ? searchText(r.fullName) : "";
    const refuse = () => {
      if (unitId && name) this.refusedMembers.add(`${unitId}|${name}`);
    };
    if (!unitId || !valid) {
      refuse();
      return;
    }
    if (r.role === "tenant" && !r.leaseEndsOn) {
      this.report.add(at(sheet, row, "leaseEndsOn"), "FIELD_REQUIRED");
      refuse();
      return;
    }
    const matchKey = memberMatchKey(this.ctx, unitId, r);
    if (this.firstOf(this.seen.residents, matchKey, at(sheet, row, "fullName")))
      this.planResident(row, unitId, matchKey, name, r);
  }

  private planResident(row: number, unitId: string, matchKey: string, name: string, r: ResidentRecord) {
    const before = this.existing.members.get(matchKey);
    const { keyring } = this.ctx.platform;
    const fresh = before ? null : keyring.newDataKey();
    const residentId = before?.resident_id ?? randomUUID();
    const key = fresh?.key ?? this.keyOf(residentId);
    if (!key) return;
    this.fileMembers.set(`${unitId}|${name}`, { residentId, key });
    const member: Row = {
      id: before?.member_id ?? randomUUID(),
      unit_id: unitId,
      resident_id: residentId,
      role: r.role,
      relation: r.relation,
      moved_in_on: r.movedInOn,
      lease_ends_on: r.leaseEndsOn,
      match_key: matchKey,
    };
    const action = !before
      ? "create"
      : this.residentUnchanged(key, before, r, member)
        ? "unchanged"
        : "update";
    if (this.decide("residents", row, `${r.unitCode} ${r.fullName}`, action) === "unchanged") return;
    // Sealed only now: a re-import leaves most people unchanged, and encryption is the plan's main cost.
    const seal = (v: string | null) => (v ? encrypt(key, v) : null);
    const person: Row = {
      id: residentId,
      data_key: fresh?.wrapped ?? null,
      full_name: r.fullName,
      name_search: name,
      phone_enc: seal(r.phone),
      phone_bidx: r.phone ? keyring.blindIndex("phone", r.phone) : null,
      email_enc: seal(r.email),
      email_bidx: r.email ? keyring.blindIndex("email", r.email) : null,
      date_of_birth_enc: seal(r.dateOfBirth),
      nationality: r.nationality,
    };
    // A person living in two units of the file is one resident row, written once. Only a stored person can
    // come twice (a new one gets a new id per row), so only they are remembered.
    if (!before || !this.written.has(residentId)) this.chunk.residents.push(person);
    if (before) this.written.add(residentId);
    this.chunk.members.push(member);
  }

  private residentUnchanged(key: Buffer, before: ExistingMember, r: ResidentRecord, member: Row): boolean {
    const open = (box: Bytes) => (box ? decrypt(key, Buffer.from(box)) : null);
    const stored: Row = {
      fullName: before.full_name,
      phone: open(before.phone_enc),
      email: open(before.email_enc),
      dateOfBirth: open(before.date_of_birth_enc),
      nationality: before.nationality,
    };
    return (
      sameValues(r, stored, Object.keys(stored)) &&
      sameValues(member, before, ["role", "relation", "moved_in_on", "lease_ends_on"])
    );
  }

  /** The household member a vehicle names, by unit and folded name (`searchText`). */
  private ownerOf(wanted: string): { residentId: string; key: Buffer } | null {
    const inFile = this.fileMembers.get(wanted);
    if (inFile) return inFile;
    const stored = this.existing.membersByName.get(wanted);
    const key = stored ? this.keyOf(stored.resident_id) : null;
    return stored && key ? { residentId: stored.resident_id, key } : null;
  }

  /** The plate written the usual way; reports a missing or malformed one. */
  private plateOf(sheet: ParsedSheet<"vehicles">, row: number, v: VehicleRecord): string | null | false {
    const kind = plateKindOf(v.type);
    if (!kind) return v.plate;
    const formatted = v.plate ? formatPlate(v.plate, kind) : null;
    if (!formatted) this.report.add(at(sheet, row, "plate"), v.plate ? "PLATE_INVALID" : "PLATE_REQUIRED");
    return formatted ?? false;
  }

  private planVehicles(sheet: ParsedSheet<"vehicles">, { row, value: v, valid }: Parsed<VehicleRecord>) {
    const unitId = this.unitIdOf(sheet, row, v.unitCode);
    if (!unitId || !valid) return;
    const plate = this.plateOf(sheet, row, v);
    const ownerKey = `${unitId}|${searchText(v.ownerName)}`;
    const owner = this.ownerOf(ownerKey);
    const ownerRefused = this.refusedMembers.has(ownerKey);
    if (!owner && !ownerRefused) this.report.add(at(sheet, row, "ownerName"), "VEHICLE_OWNER_NOT_MEMBER");
    if (plate === false || !owner) return;
    const bidx = plate ? this.ctx.platform.keyring.blindIndex("plate", normalisePlate(plate)) : null;
    const key = vehicleKey({
      plate_bidx: bidx,
      unit_id: unitId,
      resident_id: owner.residentId,
      type: v.type,
      parking_card: v.parkingCard,
    });
    if (this.firstOf(this.seen.vehicles, key, at(sheet, row, plate ? "plate" : "parkingCard"))) {
      this.planVehicle(row, unitId, owner, plate, bidx, key, v);
    }
  }

  private planVehicle(
    row: number,
    unitId: string,
    owner: { residentId: string; key: Buffer },
    plate: string | null,
    bidx: string | null,
    matchKey: string,
    v: VehicleRecord,
  ) {
    const before = this.existing.vehicles.get(matchKey);
    const next: Row = {
      id: before?.id ?? randomUUID(),
      unit_id: unitId,
      building_id: this.building.id,
      resident_id: owner.residentId,
      type: v.type,
      plate_bidx: bidx,
      colour: v.colour,
      brand: v.brand,
      parking_card: v.parkingCard,
      status: "active",
      active_from: new Date().toISOString().slice(0, 10),
    };
    const action = !before ? "create" : this.vehicleUnchanged(before, next, plate) ? "unchanged" : "update";
    if (this.decide("vehicles", row, plate ?? v.type, action) === "unchanged") return;
    next.plate_enc = plate ? encrypt(owner.key, plate) : null;
    this.chunk.vehicles.push(next);
  }

  private vehicleUnchanged(before: ExistingVehicle, next: Row, plate: string | null): boolean {
    const key = this.keyOf(before.resident_id);
    const storedPlate = key && before.plate_enc ? decrypt(key, Buffer.from(before.plate_enc)) : null;
    return (
      storedPlate === plate &&
      sameValues(next, before, ["unit_id", "resident_id", "type", "colour", "brand", "parking_card"])
    );
  }
}
