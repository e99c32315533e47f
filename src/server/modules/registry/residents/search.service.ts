import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.js";
import type { ResidentListItem, ResidentQuery } from "../../../../contracts/registry.js";
import { isCompanyWide } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { containing, pageOf } from "../../../platform/db/paging.js";
import { searchText } from "../../../platform/i18n/search.js";
import { units } from "../units/units.table.js";
import { formatPlate, normalisePlate } from "../vehicles/plates.js";
import { vehicles } from "../vehicles/vehicles.table.js";
import { toDto } from "./resident-record.js";
import { householdMembers, memberUnit, residents } from "./residents.table.js";

/**
 * Residents of the buildings the actor covers. `q` is matched as an exact phone or email (through the
 * blind index), else against the name without diacritics, the unit code and an exact plate.
 */
export async function listResidents(
  ctx: Ctx,
  q: z.infer<typeof ResidentQuery>,
): Promise<Page<z.infer<typeof ResidentListItem>>> {
  const memberUnits = ctx.tx
    .select({ residentId: householdMembers.residentId })
    .from(householdMembers)
    .innerJoin(units, memberUnit)
    .where(
      and(
        eq(householdMembers.companyId, ctx.companyId),
        isNull(householdMembers.movedOutOn),
        q.buildingId ? eq(units.buildingId, q.buildingId) : undefined,
        isCompanyWide(ctx.actor) ? undefined : inArray(units.buildingId, [...ctx.actor.buildingIds]),
      ),
    );
  const conditions: SQL[] = [eq(residents.companyId, ctx.companyId), inArray(residents.id, memberUnits)];
  if (q.q) conditions.push(matchQuery(ctx, q.q));
  const where = and(...conditions);
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(residents)
          .where(where)
          .orderBy(asc(residents.nameSearch), desc(residents.createdAt))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(residents).where(where),
    },
    (r) => toDto(ctx, r),
  );
  const ids = page.items.map((r) => r.id);
  const links = ids.length
    ? await ctx.tx
        .select({
          residentId: householdMembers.residentId,
          unitId: units.id,
          buildingId: units.buildingId,
          code: units.code,
          role: householdMembers.role,
        })
        .from(householdMembers)
        .innerJoin(units, memberUnit)
        .where(
          and(
            eq(householdMembers.companyId, ctx.companyId),
            inArray(householdMembers.residentId, ids),
            isNull(householdMembers.movedOutOn),
          ),
        )
    : [];
  return {
    ...page,
    items: page.items.map((r) => ({
      ...r,
      units: links
        .filter((l) => l.residentId === r.id)
        .map((l) => ({
          unitId: l.unitId,
          buildingId: l.buildingId,
          code: l.code,
          role: l.role as "owner" | "tenant" | "member",
        })),
    })),
  };
}

function matchQuery(ctx: Ctx, q: string): SQL {
  const phone = normalisePhone(q);
  if (phone) return eq(residents.phoneBidx, ctx.platform.keyring.blindIndex("phone", phone));
  const email = q.includes("@") ? normaliseEmail(q) : null;
  if (email) return eq(residents.emailBidx, ctx.platform.keyring.blindIndex("email", email));
  // A plate is looked up through its blind index, as written in either format, and only so: scanning every
  // name and unit code as well cost 60–80 ms at 30,000 residents (no unit code is written like a plate).
  const plate = formatPlate(q, "car") ?? formatPlate(q, "motorbike");
  if (plate) {
    return inArray(
      residents.id,
      ctx.tx
        .select({ residentId: vehicles.residentId })
        .from(vehicles)
        .where(
          and(
            eq(vehicles.companyId, ctx.companyId),
            eq(vehicles.plateBidx, ctx.platform.keyring.blindIndex("plate", normalisePlate(plate))),
          ),
        ),
    );
  }
  const byUnit = inArray(
    residents.id,
    ctx.tx
      .select({ residentId: householdMembers.residentId })
      .from(householdMembers)
      .innerJoin(units, memberUnit)
      .where(and(eq(householdMembers.companyId, ctx.companyId), ilike(units.code, containing(q.trim())))),
  );
  // Names hold no digits: a query with one is a unit code.
  const name = searchText(q);
  return /\d/.test(name) ? byUnit : (or(ilike(residents.nameSearch, containing(name)), byUnit) as SQL);
}
