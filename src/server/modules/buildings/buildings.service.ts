import type { z } from "zod";
import type { Page, PageQuery } from "../../../contracts/common.js";
import type { Building, BuildingBody, BuildingPatch } from "../../../contracts/organisation.js";
import { audit, diff } from "../../platform/audit/audit.service.js";
import type { Actor } from "../../platform/authz/actor.js";
import { abilitiesOf, authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { pageOf } from "../../platform/db/paging.js";
import { conflictOn, errors } from "../../platform/errors.js";
import { buildingPolicy } from "./buildings.policy.js";
import {
  type BuildingRow,
  buildingIdsAmong,
  buildingPage,
  deleteBuildingRow,
  findBuilding,
  insertBuilding,
  updateBuildingRow,
} from "./buildings.repo.js";

conflictOn("buildings_name", "name");

const toDto = (actor: Actor, b: BuildingRow & { unitCount: number }): Building => ({
  id: b.id,
  name: b.name,
  address: b.address,
  blocks: b.blocks,
  unitCount: b.unitCount,
  createdAt: b.createdAt.toISOString(),
  abilities: abilitiesOf(actor, buildingPolicy, b),
});

/** Buildings the actor covers, filtered by name/address, newest name order, one page. */
export async function listBuildings(ctx: Ctx, q: PageQuery): Promise<Page<Building>> {
  return pageOf(
    q,
    buildingPage(ctx.tx, {
      companyId: ctx.companyId,
      scope: buildingPolicy.scope(ctx.actor),
      q: q.q,
    }),
    (r) => toDto(ctx.actor, { ...r.b, unitCount: r.unitCount }),
  );
}

/** The building with its unit count; 404 when it is not this company's. */
export async function loadBuilding(ctx: Ctx, id: string) {
  const row = await findBuilding(ctx.tx, { companyId: ctx.companyId, id });
  if (!row) throw errors.notFound("building");
  return row;
}

export async function getBuilding(ctx: Ctx, id: string): Promise<Building> {
  const b = await loadBuilding(ctx, id);
  authorizeVisible(ctx.actor, "read", subject(buildingPolicy, b));
  return toDto(ctx.actor, b);
}

export async function createBuilding(ctx: Ctx, body: z.infer<typeof BuildingBody>): Promise<Building> {
  const row = await insertBuilding(ctx.tx, { companyId: ctx.companyId, ...body });
  await audit(ctx, {
    action: "building.create",
    entity: "building",
    entityId: row.id,
    changes: diff(null, body),
  });
  return toDto(ctx.actor, { ...row, unitCount: 0 });
}

export async function updateBuilding(
  ctx: Ctx,
  id: string,
  patch: z.infer<typeof BuildingPatch>,
): Promise<Building> {
  const before = await loadBuilding(ctx, id);
  authorizeVisible(ctx.actor, "update", subject(buildingPolicy, before));
  const row = await updateBuildingRow(ctx.tx, { companyId: ctx.companyId, id }, patch);
  if (!row) throw errors.notFound("building");
  const pick = (b: BuildingRow) => ({ name: b.name, address: b.address, blocks: b.blocks });
  await audit(ctx, {
    action: "building.update",
    entity: "building",
    entityId: id,
    changes: diff(pick(before), pick(row)),
  });
  return toDto(ctx.actor, { ...row, unitCount: before.unitCount });
}

/** Only an empty building can be deleted; units (and everything hanging from them) must go first. */
export async function deleteBuilding(ctx: Ctx, id: string): Promise<void> {
  const before = await loadBuilding(ctx, id);
  authorizeVisible(ctx.actor, "delete", subject(buildingPolicy, before));
  if (before.unitCount > 0) throw errors.rule("BUILDING_NOT_EMPTY", { units: before.unitCount });
  await deleteBuildingRow(ctx.tx, { companyId: ctx.companyId, id });
  await audit(ctx, {
    action: "building.delete",
    entity: "building",
    entityId: id,
    changes: { name: [before.name, null] },
  });
}

/** Ids among `ids` that are buildings of this company (to validate staff assignments). */
export async function existingBuildingIds(ctx: Ctx, ids: readonly string[]): Promise<string[]> {
  return buildingIdsAmong(ctx.tx, { companyId: ctx.companyId, ids });
}
