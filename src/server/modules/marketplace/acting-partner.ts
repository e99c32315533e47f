import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { partnerOfActor } from "../partners/index.js";

export type Partner = NonNullable<Awaited<ReturnType<typeof partnerOfActor>>>;

/** The partner the acting person works for; anyone else gets 404, as for any resource they cannot see. */
export async function actingPartner(ctx: Ctx): Promise<Partner> {
  const partner = await partnerOfActor(ctx);
  if (!partner) throw errors.notFound("resource");
  return partner;
}
