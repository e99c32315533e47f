import { definePolicy } from "../../../platform/authz/can.js";
import { type BillingScope, hasBillingRole, READS } from "../billing.policy.js";

type InvoiceScope = BillingScope & { unitId: string };

/** A notice: read by whoever reads its building's billing, and by the residents of its unit, who pay it. */
definePolicy<InvoiceScope>("invoice", {
  read: (actor, i) =>
    hasBillingRole(actor, READS, i) ||
    (actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId))),
  pay: (actor, i) => actor.role === "resident" && (!i || actor.unitIds.includes(i.unitId)),
});
