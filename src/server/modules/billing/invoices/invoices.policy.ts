import type { Actor } from "../../../platform/authz/actor.js";
import { type ActionOf, definePolicy } from "../../../platform/authz/can.js";
import { type BillingScope, hasBillingRole, READS } from "../billing.policy.js";

/** A notice, or a unit's notices as a whole (no status). */
type InvoiceScope = BillingScope & { unitId: string; status?: string };

const livesIn = (actor: Actor, i?: InvoiceScope) =>
  actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId));
/** A resident sees their unit's notices once issued: a draft is still the accountants' work. */
const issuedTo = (actor: Actor, i?: InvoiceScope) => livesIn(actor, i) && i?.status !== "draft";

/** A notice: read by whoever reads its building's billing, and by the residents of its unit, who pay it. */
export const invoicePolicy = definePolicy("invoice", {
  read: (actor, i?: InvoiceScope) => hasBillingRole(actor, READS, i) || issuedTo(actor, i),
  pay: (actor, i) => issuedTo(actor, i),
});

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    invoice: ActionOf<typeof invoicePolicy>;
  }
}
