import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Vehicle, VehicleBody, VehiclePatch, VehicleSearch } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { insertOne } from "../../../platform/db/insert.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { authorizeHousehold, memberDataKey } from "../residents/households.service.js";
import { actsAsResident } from "../residents/residents.policy.js";
import { residentDataKey } from "../residents/residents.service.js";
import { units } from "../units/units.table.js";
import { formatPlate, normalisePlate, plateKindOf } from "./plates.js";
import { vehiclePolicy } from "./vehicles.policy.js";
import { vehicles } from "./vehicles.table.js";

conflictOn("vehicles_plate_active", "plate");

type VehicleRow = typeof vehicles.$inferSelect;

/** The plate in its usual written form, checked against the vehicle type; null for bicycles without one. */
function checkedPlate(type: string, plate: string | null | undefined): string | null {
  const kind = plateKindOf(type);
  if (!kind) return plate ? plate.trim() : null;
  if (!plate) throw errors.validation({ plate: "PLATE_REQUIRED" });
  const formatted = formatPlate(plate, kind);
  if (!formatted) throw errors.validation({ plate: "PLATE_INVALID" });
  return formatted;
}

const plateColumns = (ctx: Ctx, key: Buffer, plate: string | null) => ({
  plateEnc: plate ? encrypt(key, plate) : null,
  plateBidx: plate ? ctx.platform.keyring.blindIndex("plate", normalisePlate(plate)) : null,
});

async function toDto(ctx: Ctx, v: VehicleRow, unitCode: string, rank: number | null): Promise<Vehicle> {
  const key = v.plateEnc ? await residentDataKey(ctx, v.residentId) : null;
  return {
    id: v.id,
    unitId: v.unitId,
    unitCode,
    residentId: v.residentId,
    type: v.type as Vehicle["type"],
    plate: key && v.plateEnc ? decrypt(key, v.plateEnc) : null,
    colour: v.colour,
    brand: v.brand,
    parkingCard: v.parkingCard,
    status: v.status as Vehicle["status"],
    activeFrom: v.activeFrom,
    activeTo: v.activeTo,
    rank,
  };
}

/** The unit's vehicles; active ones carry their rank among the unit's vehicles of the same type. */
export async function listUnitVehicles(ctx: Ctx, unitId: string): Promise<{ items: Vehicle[] }> {
  const unit = await authorizeHousehold(ctx, unitId, "read");
  const rows = await ctx.tx
    .select({
      v: vehicles,
      rank: sql<number | null>`case when ${vehicles.status} = 'active' then (row_number() over (
        partition by ${vehicles.type}, ${vehicles.status} = 'active'
        order by ${vehicles.activeFrom} nulls first, ${vehicles.createdAt}))::int end`,
    })
    .from(vehicles)
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.unitId, unitId)))
    .orderBy(asc(vehicles.type), asc(vehicles.createdAt));
  return { items: await Promise.all(rows.map((r) => toDto(ctx, r.v, unit.code, r.rank))) };
}

/** Registers a household member's vehicle: active at once when staff register it, pending when a resident does. */
export async function registerVehicle(
  ctx: Ctx,
  unitId: string,
  body: z.infer<typeof VehicleBody>,
): Promise<Vehicle> {
  const unit = await authorizeHousehold(ctx, unitId, "register_vehicle");
  const plate = checkedPlate(body.type, body.plate);
  const key = await memberDataKey(ctx, unitId, body.residentId);
  const row = await insertOne(
    ctx.tx
      .insert(vehicles)
      .values({
        companyId: ctx.companyId,
        unitId,
        buildingId: unit.buildingId,
        residentId: body.residentId,
        type: body.type,
        ...plateColumns(ctx, key, plate),
        colour: body.colour ?? null,
        brand: body.brand ?? null,
        parkingCard: body.parkingCard ?? null,
        // A resident's registration waits for management to approve it and issue the parking card.
        status: actsAsResident(ctx.actor) ? "pending" : "active",
        activeFrom: body.activeFrom ?? new Date().toISOString().slice(0, 10),
      })
      .returning(),
  );
  await audit(ctx, {
    action: "vehicle.register",
    entity: "vehicle",
    entityId: row.id,
    changes: { unit: [null, unit.code], type: [null, body.type], plate: [null, plate ? "***" : null] },
  });
  return (await listUnitVehicles(ctx, unitId)).items.find((v) => v.id === row.id) as Vehicle;
}

async function loadVehicle(
  ctx: Ctx,
  id: string,
  action: ActionOf<typeof vehiclePolicy>,
): Promise<VehicleRow> {
  const [row] = await ctx.tx
    .select()
    .from(vehicles)
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.id, id)));
  if (!row) throw errors.notFound("vehicle");
  authorizeVisible(ctx.actor, action, subject(vehiclePolicy, { buildingIds: [row.buildingId] }));
  return row;
}

export async function updateVehicle(
  ctx: Ctx,
  id: string,
  patch: z.infer<typeof VehiclePatch>,
): Promise<Vehicle> {
  const before = await loadVehicle(ctx, id, "update");
  const { plate, ...rest } = patch;
  const plateSet =
    plate !== undefined
      ? plateColumns(
          ctx,
          (await memberDataKey(ctx, before.unitId, before.residentId)) as Buffer,
          checkedPlate(before.type, plate),
        )
      : {};
  await ctx.tx
    .update(vehicles)
    .set({ ...rest, ...plateSet })
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.id, id)));
  await audit(ctx, {
    action: "vehicle.update",
    entity: "vehicle",
    entityId: id,
    changes: Object.fromEntries(
      Object.keys(patch).map((k) => [
        k,
        k === "plate" ? ["***", "***"] : [null, (patch as Record<string, unknown>)[k]],
      ]),
    ),
  });
  return (await listUnitVehicles(ctx, before.unitId)).items.find((v) => v.id === id) as Vehicle;
}

/** Management approves a resident's registration, usually issuing the parking card with it. */
export async function approveVehicle(
  ctx: Ctx,
  id: string,
  parkingCard: string | null | undefined,
): Promise<Vehicle> {
  const before = await loadVehicle(ctx, id, "update");
  await authorizeHousehold(ctx, before.unitId, "approve_vehicle");
  if (before.status !== "pending") throw errors.rule("VEHICLE_NOT_PENDING");
  await ctx.tx
    .update(vehicles)
    .set({ status: "active", parkingCard: parkingCard ?? before.parkingCard })
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.id, id)));
  await audit(ctx, {
    action: "vehicle.approve",
    entity: "vehicle",
    entityId: id,
    changes: {
      status: ["pending", "active"],
      parkingCard: [before.parkingCard, parkingCard ?? before.parkingCard],
    },
  });
  return (await listUnitVehicles(ctx, before.unitId)).items.find((v) => v.id === id) as Vehicle;
}

/** Ends a vehicle's registration (sold, moved out): its plate is free for another registration. */
export async function deactivateVehicle(ctx: Ctx, id: string, on: string): Promise<void> {
  const before = await loadVehicle(ctx, id, "update");
  if (before.status === "inactive") throw errors.notFound("vehicle");
  await ctx.tx
    .update(vehicles)
    .set({ status: "inactive", activeTo: on })
    .where(and(eq(vehicles.companyId, ctx.companyId), eq(vehicles.id, id)));
  await audit(ctx, {
    action: "vehicle.deactivate",
    entity: "vehicle",
    entityId: id,
    changes: { activeTo: [null, on] },
  });
}

/**
 * Vehicles in the buildings the actor covers with this exact plate (found through its blind index) and/or
 * in this status — management's queue of residents' registrations waiting for approval.
 */
export async function findVehicles(
  ctx: Ctx,
  q: z.infer<typeof VehicleSearch>,
): Promise<{ items: Vehicle[] }> {
  authorizeVisible(ctx.actor, "read", subject(vehiclePolicy, { buildingIds: [] }));
  const conditions: SQL[] = [eq(vehicles.companyId, ctx.companyId)];
  const scope = vehiclePolicy.scope(ctx.actor);
  if (scope) conditions.push(scope);
  if (q.buildingId) conditions.push(eq(vehicles.buildingId, q.buildingId));
  if (q.status) conditions.push(eq(vehicles.status, q.status));
  if (q.plate) {
    conditions.push(
      eq(vehicles.plateBidx, ctx.platform.keyring.blindIndex("plate", normalisePlate(q.plate))),
    );
  }
  const rows = await ctx.tx
    .select({ v: vehicles, code: units.code })
    .from(vehicles)
    .innerJoin(units, and(eq(units.companyId, vehicles.companyId), eq(units.id, vehicles.unitId)))
    .where(and(...conditions))
    .orderBy(asc(vehicles.createdAt))
    .limit(200);
  return { items: await Promise.all(rows.map((r) => toDto(ctx, r.v, r.code, null))) };
}
