import type { Ctx } from "../../platform/context.js";
import { buildingResidents } from "../registry/index.js";
import type { Recipient } from "./notify.service.js";

/**
 * The people to tell about their units, by unit: everyone living there now (of these roles, or all), with an
 * account or on their registry contacts (notify reaches each as it can).
 */
export async function householdsOf(
  ctx: Ctx,
  buildingId: string,
  unitIds: readonly string[],
  roles?: readonly string[],
): Promise<Map<string, Recipient[]>> {
  const byUnit = new Map<string, Recipient[]>();
  for (const p of await buildingResidents(ctx, buildingId, { unitIds, ...(roles ? { roles } : {}) }))
    byUnit.set(p.unitId, [
      ...(byUnit.get(p.unitId) ?? []),
      { residentId: p.residentId, accountId: p.accountId, unitCode: p.unitCode },
    ]);
  return byUnit;
}

/** The unit's code as its household's recipients carry it. */
export const unitCodeOf = (people: readonly Recipient[] | undefined) => people?.[0]?.unitCode ?? "";
