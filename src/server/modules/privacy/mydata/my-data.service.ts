import type { z } from "zod";
import { MyData } from "../../../../contracts/registry.js";
import type { Ctx, PersonalDataPart } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { personalDataProviders } from "../../../platform/privacy/personal-data.js";
import { PURPOSES_VERSION } from "../../../platform/privacy/purposes.js";
import { dataOwner } from "../../registry/index.js";

/**
 * Everything held about the signed-in person in this company and on their account, asked of every module
 * that holds personal data: the registry record(s), the fee notices and payments of their stays, who has seen
 * or received what, their consents and requests. The privacy center shows it and the export writes exactly
 * this (a test holds them to the database); the contract checks that the parts make a whole.
 */
/** Two modules' parts of one record: lists (the fields held, for one) add up, the rest is taken as given. */
function joined(into: Record<string, unknown> = {}, part: Record<string, unknown>): Record<string, unknown> {
  const out = { ...into };
  for (const [key, value] of Object.entries(part)) {
    const before = out[key];
    out[key] = Array.isArray(before) && Array.isArray(value) ? [...before, ...value] : value;
  }
  return out;
}

export async function myData(ctx: Ctx): Promise<z.infer<typeof MyData>> {
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.unauthenticated();
  const owner = await dataOwner(ctx, accountId);
  const parts: PersonalDataPart[] = await Promise.all(
    personalDataProviders(ctx.platform).flatMap((p) => (p.collect ? [p.collect(ctx, owner)] : [])),
  );
  const records = new Map<string, Record<string, unknown>>(owner.residentIds.map((id) => [id, {}]));
  for (const part of parts) {
    for (const record of part.records ?? [])
      records.set(record.residentId, joined(records.get(record.residentId), record));
  }
  return MyData.parse({
    purposesVersion: PURPOSES_VERSION,
    records: [...records.values()],
    ...Object.assign({}, ...parts.map(({ records: _, ...rest }) => rest)),
  });
}
