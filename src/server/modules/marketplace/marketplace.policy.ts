import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

type ItemRecord = { status: string };
type OrderRecord = {
  buildingId: string;
  unitId: string;
  status: string;
  paymentStatus: string;
  rated: boolean;
  complained: boolean;
};
type JobRecord = { status: string };

/** Who approves partners' items and follows the orders of their buildings: the company admin and the managers. */
const manager = (actor: Actor) => actor.role === "company_admin" || actor.role === "building_manager";
/** Who follows orders at the desk: the managers and customer care. */
const desk = (actor: Actor) => manager(actor) || actor.role === "customer_care";
/** Who reads orders at the office: the desk, and the accountant who follows their payments and refunds. */
const office = (actor: Actor) => desk(actor) || actor.role === "accountant";
const partner = (actor: Actor) => actor.role === "partner";
const resident = (actor: Actor) => actor.role === "resident";
const ownUnit = (actor: Actor, unitId: string) => resident(actor) && actor.unitIds.includes(unitId);
const OPEN = ["placed", "confirmed", "preparing", "on_the_way"];

/**
 * A partner's catalogue item: the partner's staff write it (their own partner's, as the service scopes it), the
 * management approves it; residents see approved items only, through the shop.
 */
export const catalogItemPolicy = definePolicy(
  "catalog_item",
  {
    read: (actor) => desk(actor) || partner(actor),
    update: (actor, i?: ItemRecord) => partner(actor) && i?.status !== "withdrawn",
    review: (actor, i?: ItemRecord) => manager(actor) && (!i || i.status === "pending"),
  },
  { presents: ["update", "review"] },
);

/**
 * An order: the household places, follows, cancels before it is on its way, and rates it once delivered; the
 * desk follows its buildings' orders and cancels; the company admin and the accountant refund what was paid.
 */
export const orderPolicy = definePolicy(
  "order",
  {
    read: (actor, o?: OrderRecord) =>
      o
        ? (office(actor) && coversBuilding(actor, o.buildingId)) || ownUnit(actor, o.unitId)
        : office(actor) || resident(actor),
    place: (actor) => resident(actor),
    cancel: (actor, o?: OrderRecord) =>
      !o ||
      (ownUnit(actor, o.unitId) && (o.status === "placed" || o.status === "confirmed")) ||
      (desk(actor) && coversBuilding(actor, o.buildingId) && OPEN.includes(o.status)),
    rate: (actor, o?: OrderRecord) =>
      !o || (ownUnit(actor, o.unitId) && o.status === "delivered" && !o.rated),
    complain: (actor, o?: OrderRecord) =>
      !o || (ownUnit(actor, o.unitId) && !o.complained && o.status !== "placed" && o.status !== "confirmed"),
    refund: (actor, o?: OrderRecord) =>
      (actor.role === "company_admin" || actor.role === "accountant") &&
      (!o || (o.paymentStatus === "paid" && (o.status === "cancelled" || o.status === "delivered"))),
  },
  { presents: ["cancel", "rate", "refund", "complain"] },
);

/** A job in the partner portal: the partner's staff move it along, reveal the phone once, and deliver it. */
export const jobPolicy = definePolicy(
  "job",
  {
    read: (actor) => partner(actor),
    advance: (actor, j?: JobRecord) =>
      partner(actor) && (!j || ["placed", "confirmed", "preparing"].includes(j.status)),
    deliver: (actor, j?: JobRecord) => partner(actor) && (!j || OPEN.includes(j.status)),
    reveal: (actor, j?: JobRecord) => partner(actor) && (!j || OPEN.includes(j.status)),
  },
  { presents: ["advance", "deliver", "reveal"] },
);

/** Partners' monthly statements and payouts: the company admin and the accountant. */
export const settlementPolicy = definePolicy(
  "settlement",
  {
    read: (actor) => actor.role === "company_admin" || actor.role === "accountant",
    pay: (actor) => actor.role === "company_admin" || actor.role === "accountant",
  },
  { presents: ["pay"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    catalog_item: ActionOf<typeof catalogItemPolicy>;
    order: ActionOf<typeof orderPolicy>;
    job: ActionOf<typeof jobPolicy>;
    settlement: ActionOf<typeof settlementPolicy>;
  }
}
