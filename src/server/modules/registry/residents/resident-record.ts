import type { z } from "zod";
import type { Resident, ResidentPatch } from "../../../../contracts/registry.js";
import type { Ctx } from "../../../platform/context.js";
import { maskEmail, maskPhone, normaliseEmail, normalisePhone } from "../../../platform/crypto/contact.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { errors } from "../../../platform/errors.js";
import { searchText } from "../../../platform/i18n/search.js";
import type { residents } from "./residents.table.js";

/* A resident's registry record as every resident feature reads and writes it: sealed with the person's own key. */

export type ResidentRow = typeof residents.$inferSelect;
export type ResidentInput = z.infer<typeof ResidentPatch>;

export const keyOf = (ctx: Ctx, r: Pick<ResidentRow, "dataKey">) =>
  r.dataKey ? ctx.platform.keyring.unwrap(r.dataKey) : null;
export const open = (key: Buffer | null, box: Buffer | null) => (key && box ? decrypt(key, box) : null);

export function toDto(ctx: Ctx, r: ResidentRow): Resident {
  const key = keyOf(ctx, r);
  const phone = open(key, r.phoneEnc);
  const email = open(key, r.emailEnc);
  return {
    id: r.id,
    fullName: r.fullName,
    phone: phone ? maskPhone(phone) : null,
    email: email ? maskEmail(email) : null,
    hasDateOfBirth: Boolean(r.dateOfBirthEnc),
    hasIdNumber: Boolean(r.idNumberEnc),
    nationality: r.nationality,
    preferredLang: r.preferredLang === "en" ? "en" : "vi",
    contactAddress: r.contactAddress,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Column values for the given fields: personal fields encrypted with the person's key, phone and email
 * normalised and indexed. Only the fields present in `input` are returned, so it serves create and update.
 */
export function columnsFor(ctx: Ctx, key: Buffer, input: ResidentInput) {
  const { keyring } = ctx.platform;
  const out: Partial<typeof residents.$inferInsert> = {};
  if (input.fullName !== undefined)
    Object.assign(out, { fullName: input.fullName, nameSearch: searchText(input.fullName) });
  if (input.phone !== undefined) {
    const phone = input.phone ? normalisePhone(input.phone) : null;
    if (input.phone && !phone) throw errors.validation({ phone: "CONTACT_INVALID" });
    Object.assign(out, {
      phoneEnc: phone ? encrypt(key, phone) : null,
      phoneBidx: phone ? keyring.blindIndex("phone", phone) : null,
    });
  }
  if (input.email !== undefined) {
    const email = input.email ? normaliseEmail(input.email) : null;
    if (input.email && !email) throw errors.validation({ email: "CONTACT_INVALID" });
    Object.assign(out, {
      emailEnc: email ? encrypt(key, email) : null,
      emailBidx: email ? keyring.blindIndex("email", email) : null,
    });
  }
  if (input.dateOfBirth !== undefined)
    out.dateOfBirthEnc = input.dateOfBirth ? encrypt(key, input.dateOfBirth) : null;
  if (input.idNumber !== undefined) out.idNumberEnc = input.idNumber ? encrypt(key, input.idNumber) : null;
  for (const k of ["nationality", "preferredLang", "contactAddress"] as const) {
    if (input[k] !== undefined) Object.assign(out, { [k]: input[k] });
  }
  return out;
}

/** Which personal fields changed, without their values (the audit log never holds them in clear). */
export const changedFields = (input: ResidentInput) =>
  Object.fromEntries(Object.keys(input).map((k) => [k, ["***", "***"]]));
