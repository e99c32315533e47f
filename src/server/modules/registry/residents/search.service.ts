import type { z } from "zod";
import type { ResidentPage, ResidentQuery } from "../../../../contracts/registry.js";
import type { Ctx } from "../../../platform/context.js";
import { normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { pageOf } from "../../../platform/db/paging.js";
import { searchText } from "../../../platform/i18n/search.js";
import { formatPlate, normalisePlate } from "../vehicles/plates.js";
import { toDto } from "./resident-record.js";
import { residentPolicy } from "./residents.policy.js";
import { currentHomes, type ResidentMatch, residentPage } from "./search.repo.js";

/**
 * How far a list's total is counted: at least this many, and four pages beyond the one asked for, so the
 * page links always reach further. Past it the answer says `totalCapped` ("more than …"): counting all of a
 * search for "nguyen" would read most of the registry to print one number.
 */
const COUNT_UP_TO = 1000;

/**
 * Residents of the buildings the actor covers. `q` is matched as an exact phone or email (through the
 * blind index), else against the name without diacritics, the unit code and an exact plate.
 */
export async function listResidents(
  ctx: Ctx,
  q: z.infer<typeof ResidentQuery>,
): Promise<z.infer<typeof ResidentPage>> {
  const countUpTo = Math.max(COUNT_UP_TO, (q.page + 4) * q.pageSize);
  const page = await pageOf(
    q,
    residentPage(ctx.tx, {
      companyId: ctx.companyId,
      buildingId: q.buildingId,
      buildingScope: residentPolicy.scope(ctx.actor),
      match: q.q ? recognise(ctx, q.q) : undefined,
      countUpTo,
    }),
    (r) => toDto(ctx, r),
  );
  const links = await currentHomes(ctx.tx, {
    companyId: ctx.companyId,
    residentIds: page.items.map((r) => r.id),
  });
  return {
    ...page,
    total: Math.min(page.total, countUpTo),
    totalCapped: page.total > countUpTo,
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

/** What the search term is: a phone, an email, a plate, a unit code, or a name (or unit code). */
function recognise(ctx: Ctx, q: string): ResidentMatch {
  const { keyring } = ctx.platform;
  const phone = normalisePhone(q);
  if (phone) return { phoneBidx: keyring.blindIndex("phone", phone) };
  const email = q.includes("@") ? normaliseEmail(q) : null;
  if (email) return { emailBidx: keyring.blindIndex("email", email) };
  // A plate is looked up through its blind index, as written in either format, and only so: scanning every
  // name and unit code as well cost 60–80 ms at 30,000 residents (no unit code is written like a plate).
  const plate = formatPlate(q, "car") ?? formatPlate(q, "motorbike");
  if (plate) return { plateBidx: keyring.blindIndex("plate", normalisePlate(plate)) };
  // Names hold no digits: a query with one is a unit code.
  const name = searchText(q);
  return /\d/.test(name) ? { unitCode: q.trim() } : { name, unitCode: q.trim() };
}
