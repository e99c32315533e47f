import { and, asc, count, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.js";
import type {
  FloorGrid,
  Unit,
  UnitBody,
  UnitListItem,
  UnitPatch,
  UnitQuery,
} from "../../../../contracts/registry.js";
import { audit, diff } from "../../../platform/audit/audit.service.js";
import type { Actor } from "../../../platform/authz/actor.js";
import { abilitiesOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { containing, pageOf } from "../../../platform/db/paging.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { buildingPolicy, loadBuilding } from "../../buildings/index.js";
import { householdFlags } from "../residents/residents.table.js";
import { unitOwners } from "../residents/unit-households.view.js";
import { unitPolicy } from "./units.policy.js";
import { units } from "./units.table.js";

conflictOn("units_code", "code");

type UnitRow = typeof units.$inferSelect;

const toDto = (actor: Actor, u: UnitRow): Unit => ({
  id: u.id,
  buildingId: u.buildingId,
  code: u.code,
  block: u.block,
  floor: u.floor,
  type: u.type as Unit["type"],
  areaM2: Number(u.areaM2),
  status: u.status as Unit["status"],
  handoverDate: u.handoverDate,
  maintenanceFundVnd: u.maintenanceFundVnd,
  maintenanceFundPaidOn: u.maintenanceFundPaidOn,
  createdAt: u.createdAt.toISOString(),
  abilities: abilitiesOf(actor, unitPolicy, u),
});

/** Area as the numeric column stores it: two decimals, as text so no float rounding reaches SQL. */
const areaText = (m2: number) => m2.toFixed(2);

const ORDER = {
  code: [asc(units.code)],
  "-code": [desc(units.code)],
  floor: [asc(units.block), asc(units.floor), asc(units.code)],
  "-floor": [asc(units.block), desc(units.floor), asc(units.code)],
  area: [asc(units.areaM2), asc(units.code)],
  "-area": [desc(units.areaM2), asc(units.code)],
} as const;

/** Units of the buildings the actor covers, filtered and sorted, one page. */
export async function listUnits(ctx: Ctx, q: z.infer<typeof UnitQuery>): Promise<Page<UnitListItem>> {
  const conditions: SQL[] = [eq(units.companyId, ctx.companyId)];
  const scope = unitPolicy.scope(ctx.actor);
  if (scope) conditions.push(scope);
  if (q.buildingId) conditions.push(eq(units.buildingId, q.buildingId));
  if (q.block) conditions.push(eq(units.block, q.block));
  if (q.floor !== undefined) conditions.push(eq(units.floor, q.floor));
  if (q.status) conditions.push(eq(units.status, q.status));
  if (q.type) conditions.push(eq(units.type, q.type));
  if (q.q) conditions.push(ilike(units.code, containing(q.q)));
  if (q.flagged) {
    const open = sql`exists (select 1 from ${householdFlags} f where f.company_id = ${units.companyId}
                       and f.unit_id = ${units.id} and f.resolved_at is null)`;
    conditions.push(q.flagged === "true" ? open : sql`not ${open}`);
  }
  const where = and(...conditions);
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(units)
          .where(where)
          .orderBy(...ORDER[q.sort])
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(units).where(where),
    },
    (u) => toDto(ctx.actor, u),
  );
  const owners = await ownerNames(
    ctx,
    page.items.map((u) => u.id),
  );
  return { ...page, items: page.items.map((u) => ({ ...u, owner: owners.get(u.id) ?? null })) };
}

/** The current owners' names of the units, co-owners joined by commas: one query for a page. */
async function ownerNames(ctx: Ctx, unitIds: string[]) {
  if (unitIds.length === 0) return new Map<string, string>();
  const rows = await ctx.tx
    .select({
      unitId: unitOwners.unitId,
      names: sql<string>`string_agg(${unitOwners.fullName}, ', ' order by ${unitOwners.fullName})`,
    })
    .from(unitOwners)
    .where(and(eq(unitOwners.companyId, ctx.companyId), inArray(unitOwners.unitId, unitIds)))
    .groupBy(unitOwners.unitId);
  return new Map(rows.map((r) => [r.unitId, r.names]));
}

async function loadUnit(ctx: Ctx, id: string): Promise<UnitRow> {
  const [row] = await ctx.tx
    .select()
    .from(units)
    .where(and(eq(units.companyId, ctx.companyId), eq(units.id, id)));
  if (!row) throw errors.notFound("unit");
  return row;
}

/** The unit's id, code and building, for other modules that act on a unit; 404 when it is not this company's. */
export async function unitRef(
  ctx: Ctx,
  id: string,
): Promise<{ id: string; code: string; buildingId: string }> {
  const { code, buildingId } = await loadUnit(ctx, id);
  return { id, code, buildingId };
}

/** The buildings of some units of the company (a resident's: the buildings they live in), each once. */
export async function buildingsOfUnits(ctx: Ctx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ buildingId: units.buildingId })
    .from(units)
    .where(and(eq(units.companyId, ctx.companyId), inArray(units.id, [...unitIds])));
  return rows.map((r) => r.buildingId);
}

export async function getUnit(ctx: Ctx, id: string): Promise<Unit> {
  const row = await loadUnit(ctx, id);
  authorizeVisible(ctx.actor, "read", subject(unitPolicy, row));
  return toDto(ctx.actor, row);
}

/** The unit's block must be one of the building's blocks, its floor within the block's floors. */
function assertPlace(building: { blocks: { name: string; floors: number }[] }, block: string, floor: number) {
  const b = building.blocks.find((x) => x.name === block);
  if (!b) throw errors.validation({ block: "UNIT_BLOCK_UNKNOWN" });
  if (floor > b.floors) throw errors.validation({ floor: "UNIT_FLOOR_OUTSIDE" });
}

export async function createUnit(ctx: Ctx, body: z.infer<typeof UnitBody>): Promise<Unit> {
  const building = await loadBuilding(ctx, body.buildingId);
  authorizeVisible(ctx.actor, "create", subject(unitPolicy, { buildingId: building.id }));
  assertPlace(building, body.block, body.floor);
  const row = await insertOne(
    ctx.tx
      .insert(units)
      .values({
        companyId: ctx.companyId,
        buildingId: building.id,
        code: body.code,
        block: body.block,
        floor: body.floor,
        type: body.type,
        areaM2: areaText(body.areaM2),
        status: body.status,
        handoverDate: body.handoverDate ?? null,
        maintenanceFundVnd: body.maintenanceFundVnd ?? null,
        maintenanceFundPaidOn: body.maintenanceFundPaidOn ?? null,
      })
      .returning(),
  );
  await audit(ctx, {
    action: "unit.create",
    entity: "unit",
    entityId: row.id,
    changes: diff(null, snapshot(row)),
  });
  return toDto(ctx.actor, row);
}

const snapshot = (u: UnitRow) => ({
  code: u.code,
  block: u.block,
  floor: u.floor,
  type: u.type,
  areaM2: u.areaM2,
  status: u.status,
  handoverDate: u.handoverDate,
  maintenanceFundVnd: u.maintenanceFundVnd,
  maintenanceFundPaidOn: u.maintenanceFundPaidOn,
});

export async function updateUnit(ctx: Ctx, id: string, patch: z.infer<typeof UnitPatch>): Promise<Unit> {
  const before = await loadUnit(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(unitPolicy, before));
  if (patch.block !== undefined || patch.floor !== undefined) {
    assertPlace(
      await loadBuilding(ctx, before.buildingId),
      patch.block ?? before.block,
      patch.floor ?? before.floor,
    );
  }
  const { areaM2, ...rest } = patch;
  const [after] = await ctx.tx
    .update(units)
    .set({ ...rest, ...(areaM2 !== undefined ? { areaM2: areaText(areaM2) } : {}), updatedAt: new Date() })
    .where(and(eq(units.companyId, ctx.companyId), eq(units.id, id)))
    .returning();
  if (!after) throw errors.notFound("unit");
  await audit(ctx, {
    action: "unit.update",
    entity: "unit",
    entityId: id,
    changes: diff(snapshot(before), snapshot(after)),
  });
  return toDto(ctx.actor, after);
}

export async function deleteUnit(ctx: Ctx, id: string): Promise<void> {
  const before = await loadUnit(ctx, id);
  authorizeVisible(ctx.actor, "delete", subject(unitPolicy, before));
  await ctx.tx.delete(units).where(and(eq(units.companyId, ctx.companyId), eq(units.id, id)));
  await audit(ctx, {
    action: "unit.delete",
    entity: "unit",
    entityId: id,
    changes: diff(snapshot(before), null),
  });
}

/** The building as blocks of floors of units, top floor first, with counts by status. */
export async function floorGrid(ctx: Ctx, buildingId: string): Promise<FloorGrid> {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "read", subject(buildingPolicy, building));
  const rows = await ctx.tx
    .select({
      id: units.id,
      code: units.code,
      block: units.block,
      floor: units.floor,
      status: units.status,
      type: units.type,
      areaM2: units.areaM2,
    })
    .from(units)
    .where(and(eq(units.companyId, ctx.companyId), eq(units.buildingId, buildingId)))
    .orderBy(asc(units.block), desc(units.floor), asc(units.code));
  const counts = { vacant: 0, occupied: 0, renovation: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts]++;
  const blockNames = new Set([...building.blocks.map((b) => b.name), ...rows.map((r) => r.block)]);
  const blocks = [...blockNames].map((name) => {
    const inBlock = rows.filter((r) => r.block === name);
    // Every floor of the block is a row, empty ones included, plus basements that hold units.
    const top = Math.max(
      building.blocks.find((b) => b.name === name)?.floors ?? 0,
      ...inBlock.map((r) => r.floor),
    );
    const bottom = Math.min(1, ...inBlock.map((r) => r.floor));
    const floors = [];
    for (let floor = top; floor >= bottom; floor--) {
      if (floor === 0 && !inBlock.some((r) => r.floor === 0)) continue;
      floors.push({
        floor,
        units: inBlock
          .filter((r) => r.floor === floor)
          .map((r) => ({
            id: r.id,
            code: r.code,
            status: r.status as Unit["status"],
            type: r.type as Unit["type"],
            areaM2: Number(r.areaM2),
          })),
      });
    }
    return { name, floors };
  });
  return { buildingId, blocks, counts };
}
