import type { z } from "zod";
import type { PersonalField } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { keyOf, open } from "./resident-record.js";
import { loadResident } from "./residents.service.js";
import { recordReveal } from "./reveal.repo.js";

type Field = z.infer<typeof PersonalField>;

/**
 * Shows one personal field in full and records who saw it, when and why (the access trail the person
 * sees in their privacy center).
 */
export async function reveal(ctx: Ctx, id: string, field: Field) {
  const row = await loadResident(ctx, id, "reveal");
  const key = keyOf(ctx, row);
  const box = {
    phone: row.phoneEnc,
    email: row.emailEnc,
    dateOfBirth: row.dateOfBirthEnc,
    idNumber: row.idNumberEnc,
  }[field];
  await recordReveal(ctx.tx, {
    companyId: ctx.companyId,
    residentId: id,
    field,
    actorAccountId: ctx.actor.accountId,
    actorRole: ctx.actor.role,
    requestId: ctx.requestId,
  });
  await audit(ctx, { action: "resident.reveal", entity: "resident", entityId: id, changes: { field } });
  return { field, value: open(key, box) };
}
